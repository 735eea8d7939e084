package ciment.functions.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.ApiGateway;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Forged and stale tokens through TeamsFunction.handleRequest: 401, nothing written, nothing sent. */
class TeamsAuthTest {
    private static TeamsStack stack;
    private static TeamsFunction function;
    private static TeamsStack.Person member;

    @BeforeAll
    static void start() {
        stack = new TeamsStack();
        function = stack.function();
        member = stack.person("Ada Lovelace");
        assertEquals(200, stack.send(function, stack.message(member, "create guarded Guarded community")).status());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    static Stream<Arguments> forgedTokens() {
        return Stream.of(
                Arguments.of("expired", (Function<FakeBotFramework, String>) f -> f.expiredToken(f.serviceUrl())),
                Arguments.of("for another audience", (Function<FakeBotFramework, String>) f -> f.tokenForAudience(f.serviceUrl(), "another-bot")),
                Arguments.of("signed by an unknown key", (Function<FakeBotFramework, String>) f -> f.tokenSignedByUnknownKey(f.serviceUrl())),
                Arguments.of("key not endorsed for msteams", (Function<FakeBotFramework, String>) f -> f.tokenSignedByKeyNotEndorsedForTeams(f.serviceUrl())),
                Arguments.of("serviceurl of another connector", (Function<FakeBotFramework, String>) f -> f.token("https://attacker.example/")),
                Arguments.of("wrong issuer", (Function<FakeBotFramework, String>) f -> f.tokenFromIssuer(f.serviceUrl(), "https://sts.windows.net/x/")),
                Arguments.of("not yet valid", (Function<FakeBotFramework, String>) f -> f.notYetValidToken(f.serviceUrl())),
                Arguments.of("HS256", (Function<FakeBotFramework, String>) f -> f.tokenWithAlgorithm(f.serviceUrl(), "HS256")));
    }

    @ParameterizedTest(name = "token {0}: 401, nothing written nor sent")
    @MethodSource("forgedTokens")
    void forgedOrStaleToken_gets401_andNothingIsWrittenNorSent(String why, Function<FakeBotFramework, String> token) {
        assertRefused(stack.message(member, "post guarded Should never appear"), FakeBotFramework.bearer(token.apply(stack.fake)));
    }

    @Test
    void absentToken_gets401_andNothingIsWrittenNorSent() {
        assertRefused(stack.message(member, "post guarded Should never appear"), null);
    }

    @Test
    void activityFromAnotherChannelThanTheKeysEndorsements_gets401() {
        assertRefused(stack.message(member, "post guarded Should never appear").channelId("skype"),
                FakeBotFramework.bearer(stack.fake.token(stack.fake.serviceUrl())));
    }

    @Test
    void rotatedKey_isAcceptedAfterARefresh_andASecondUnknownKidWithinFiveMinutesDoesNotRefetch() {
        TeamsFunction fresh = stack.function();
        assertEquals(200, stack.send(fresh, stack.message(member, "help")).status());
        int fetches = stack.fake.keyRequests();

        stack.fake.rotateKey();
        assertEquals(200, stack.send(fresh, stack.message(member, "help")).status(), "new kid: keys fetched again");
        assertEquals(fetches + 1, stack.fake.keyRequests());

        stack.fake.rotateKey();
        assertRefused(fresh, stack.message(member, "post guarded Should never appear"),
                FakeBotFramework.bearer(stack.fake.token(stack.fake.serviceUrl())));
        assertEquals(fetches + 1, stack.fake.keyRequests(), "no second fetch within 5 minutes");
    }

    private static void assertRefused(TeamsActivities.Message message, String authorization) {
        assertRefused(function, message, authorization);
    }

    private static void assertRefused(TeamsFunction target, TeamsActivities.Message message, String authorization) {
        int items = stack.itemCount();
        int sent = stack.fake.sent().size();

        ApiGateway.Answer response = TeamsStack.handle(target, TeamsStack.event(message.json(), authorization));

        assertEquals(401, response.status());
        assertEquals("", response.bodyText());
        assertEquals(items, stack.itemCount(), "nothing written");
        assertEquals(sent, stack.fake.sent().size(), "nothing sent");
    }
}
