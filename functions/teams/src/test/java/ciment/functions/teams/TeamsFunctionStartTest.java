package ciment.functions.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which constructor accepts what: only the local runner's may run without an app id. */
class TeamsFunctionStartTest {
    private static TeamsStack stack;

    @BeforeAll
    static void start() {
        stack = new TeamsStack();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void lambdaConstructor_withoutAppId_refusesToStart_inOneSentenceNamingTheVariable() {
        assumeTrue(System.getenv("MICROSOFT_APP_ID") == null || System.getenv("MICROSOFT_APP_ID").isBlank());
        IllegalStateException refused = assertThrows(IllegalStateException.class, TeamsFunction::new);
        assertTrue(refused.getMessage().startsWith("MICROSOFT_APP_ID is not set"), refused.getMessage());
    }

    @Test
    void runnerConstructor_withoutAppIdAndWithoutPermission_refusesToStart() {
        assertThrows(IllegalStateException.class, () -> new TeamsFunction(stack.withoutAppId(), false));
    }

    @Test
    void emulatorMode_acceptsActivitiesWithoutToken_andRepliesWithoutOne() {
        TeamsFunction emulator = new TeamsFunction(stack.withoutAppId(), true);
        TeamsActivities.Message message = TeamsActivities.message(stack.fake.serviceUrl(), "bot-id")
                .channelId("emulator").withoutTenant().direct().text("help");
        int sent = stack.fake.sent().size();

        assertEquals(200, TeamsStack.handle(emulator, TeamsStack.event(message.json(), null)).status());

        assertEquals(sent + 1, stack.fake.sent().size());
        assertNull(stack.fake.sent().get(sent).authorization(), "no app id: no token to send");
    }

    @Test
    void runnerConstructor_withAnAppId_validatesEvenWhenUnauthenticatedIsAllowed() {
        TeamsFunction runner = new TeamsFunction(stack.settings, true);
        TeamsActivities.Message message = stack.message(stack.person("Ada"), "help");
        assertEquals(401, TeamsStack.handle(runner, TeamsStack.event(message.json(), null)).status());
        assertEquals(200, TeamsStack.handle(runner, TeamsStack.event(message.json(),
                FakeBotFramework.bearer(stack.fake.token(message.serviceUrl())))).status());
    }
}
