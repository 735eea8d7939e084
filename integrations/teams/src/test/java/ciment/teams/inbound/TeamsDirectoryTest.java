package ciment.teams.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.teams.auth.ClientCredentials;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.TurnContextImpl;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.schema.Activity;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Teams directory against the fake Bot Connector, through the SDK's own connector client and TeamsInfo. */
class TeamsDirectoryTest {
    private static final String TENANT = "tenant-1";

    private final FakeBotFramework fake = FakeBotFramework.start();
    private final Clock clock = Clock.systemUTC();
    private final ClientCredentials credentials =
            new ClientCredentials(fake.appId(), fake.appPassword(), URI.create(fake.oauthTokenUrl()), clock);
    private final BotFrameworkAdapter adapter =
            new BotFrameworkAdapter(credentials, new AuthenticationConfiguration(), null, null, null);
    private final FakeBotFramework.Member grace = fake.addMember(FakeBotFramework.Member.of(
            "29:grace", "aad-grace", "Grace Hopper", "grace@navy.example", "grace@navy.example", TENANT));

    @AfterEach
    void stop() {
        fake.close();
    }

    private TeamsActivities.Message message(String text) {
        return TeamsActivities.message(fake.serviceUrl(), fake.botId()).tenant(TENANT).text(text);
    }

    /** The directory of a message, with the Bot Connector client the adapter gives a turn. */
    private TeamsDirectory directoryOf(TeamsActivities.Message message, String serviceUrl) {
        Activity activity = ActivityJson.parse(message.json());
        TurnContextImpl turn = new TurnContextImpl(adapter, activity);
        turn.getTurnState().add(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY, new RestConnectorClient(serviceUrl, credentials));
        return TeamsDirectory.of(turn, MentionText.read(activity).mentions(), new TeamsIntroduction(Optional.empty()));
    }

    private TeamsDirectory directoryOf(TeamsActivities.Message message) {
        return directoryOf(message, fake.serviceUrl());
    }

    @Test
    void mentionInAChannel_isTheMembersAadAccount_foundInTheTeamsRoster_withTheBotsToken() {
        TeamsActivities.Message message = message("approve data-guild <at>Grace Hopper</at>")
                .mentioning(grace.id(), grace.name());
        Optional<ChatAccount> account = directoryOf(message).accountOf("@Grace Hopper");

        assertEquals(Optional.of(new ChatAccount(Platform.TEAMS, TENANT, "aad-grace")), account);
        FakeBotFramework.MemberLookup lookup = fake.memberLookups().get(0);
        assertEquals("29:grace", lookup.memberId());
        String team = (String) ((java.util.Map<?, ?>) message.toMap().get("channelData")).get("teamsTeamId");
        assertEquals(team, lookup.conversationId(), "in a channel, the team's roster is asked");
        assertEquals("Bearer " + fake.issuedAccessTokens().get(0), lookup.authorization());
    }

    @Test
    void mentionedAccount_isTheOneThatPersonsOwnMessagesComeFrom() {
        TeamsActivities.Message mention = message("steward add data-guild <at>Grace Hopper</at>")
                .mentioning(grace.id(), grace.name());
        TeamsActivities.Message fromGrace = message("help").from(grace.id(), grace.aadObjectId(), grace.name());
        TeamsCallers callers = new TeamsCallers(new TeamsIntroduction(Optional.empty()), clock);

        assertEquals(callers.caller(ActivityJson.parse(fromGrace.json())).account(),
                directoryOf(mention).accountOf("@Grace Hopper").orElseThrow());
    }

    @Test
    void mentionInAPersonalChat_asksThatConversationsMembers() {
        TeamsActivities.Message message = message("approve data-guild <at>Grace Hopper</at>").direct()
                .mentioning(grace.id(), grace.name());
        assertTrue(directoryOf(message).accountOf("@Grace Hopper").isPresent());
        assertEquals(message.conversationId(), fake.memberLookups().get(0).conversationId());
    }

    @Test
    void memberWithoutAadObjectId_isKeyedByTeamsUserId_asItsSenderWouldBe() {
        fake.addMember(new FakeBotFramework.Member("29:emu", null, "Emu", null, null, TENANT, "user"));
        TeamsActivities.Message message = message("approve data-guild <at>Emu</at>").mentioning("29:emu", "Emu");
        assertEquals(Optional.of(new ChatAccount(Platform.TEAMS, TENANT, "29:emu")),
                directoryOf(message).accountOf("@Emu"));
    }

    @Test
    void mentionOfSomeoneTheBotConnectorDoesNotKnow_namesNobody() {
        TeamsActivities.Message message = message("approve data-guild <at>Ghost</at>").mentioning("29:ghost", "Ghost");
        assertEquals(Optional.empty(), directoryOf(message).accountOf("@Ghost"));
        assertEquals(1, fake.memberLookups().size(), "asked, and the Bot Connector answered 404");
    }

    @Test
    void wordsThatAreNoMention_nameNobody_withoutAskingTheBotConnector() {
        TeamsActivities.Message message = message("approve data-guild <at>Grace Hopper</at>")
                .mentioning(grace.id(), grace.name());
        TeamsDirectory directory = directoryOf(message);

        assertEquals(Optional.empty(), directory.accountOf("Grace Hopper"));
        assertEquals(Optional.empty(), directory.accountOf("@Grace"));
        assertEquals(Optional.empty(), directory.accountOf("grace@navy.example"));
        assertTrue(fake.memberLookups().isEmpty());
    }

    @Test
    void twoPeopleMentionedUnderTheSameName_nameNobody_ratherThanTheWrongOne() {
        fake.addMember(FakeBotFramework.Member.of("29:grace-2", "aad-grace-2", "Grace Hopper", null, null, TENANT));
        TeamsActivities.Message message = message("approve data-guild <at>Grace Hopper</at> <at>Grace Hopper</at>")
                .mentioning(grace.id(), grace.name()).mentioning("29:grace-2", "Grace Hopper");
        assertEquals(Optional.empty(), directoryOf(message).accountOf("@Grace Hopper"));
        assertTrue(fake.memberLookups().isEmpty());
    }

    @Test
    void introduce_aMentionedMember_fromTheLookupThatResolvedTheMention_withoutAskingAgain() {
        FakeBotFramework.Member pat = fake.addMember(FakeBotFramework.Member.guest("29:pat", "aad-pat", "Pat Partner",
                "Pat@Supplier.example", TENANT));
        TeamsDirectory directory = directoryOf(message("invite data-guild <at>Pat</at>").mentioning(pat.id(), "Pat"));
        ChatAccount account = directory.accountOf("@Pat").orElseThrow();

        assertEquals(Optional.of(new Introduction("Pat Partner", Optional.of("pat@supplier.example"), true,
                java.util.List.of(TENANT))),
                directory.introduce(account));
        assertEquals(1, fake.memberLookups().size(), "the mention's lookup says it all");
    }

    @Test
    void introduce_anEmployeeNotResolvedThisTurn_asksTheBotConnectorByAadObjectId() {
        TeamsDirectory directory = directoryOf(message("help"));
        Optional<Introduction> introduction = directory.introduce(new ChatAccount(Platform.TEAMS, TENANT, "aad-grace"));

        assertEquals(Optional.of(new Introduction("Grace Hopper", Optional.of("grace@navy.example"), false,
                java.util.List.of(TENANT))), introduction);
        assertEquals("aad-grace", fake.memberLookups().get(0).memberId());
    }

    @Test
    void introduce_someoneTheBotConnectorCannotDescribe_isEmpty_soCoreRefusesInOneSentence() {
        TeamsDirectory directory = directoryOf(message("help"));
        assertEquals(Optional.empty(), directory.introduce(new ChatAccount(Platform.TEAMS, TENANT, "aad-nobody")));
        assertEquals(Optional.empty(), directory.introduce(new ChatAccount(Platform.TEAMS, "tenant-2", "aad-grace")),
                "an account of another tenant is not this conversation's to describe");
        assertEquals(Optional.empty(), directory.introduce(new ChatAccount(Platform.SLACK, "T1", "U1")));
        fake.failMemberLookups(403); // the SDK retries a 5xx three times; a refusal, once
        assertEquals(Optional.empty(), directory.introduce(new ChatAccount(Platform.TEAMS, TENANT, "aad-grace")));
        assertEquals(List.of("aad-nobody", "aad-grace"),
                fake.memberLookups().stream().map(FakeBotFramework.MemberLookup::memberId).toList(),
                "only this tenant's Teams accounts are looked up");
    }

    @Test
    void botConnectorUnreachable_fails_ratherThanSayingThePersonIsUnknown() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        TeamsActivities.Message message = message("approve data-guild <at>Grace Hopper</at>")
                .mentioning(grace.id(), grace.name());
        TeamsDirectory directory = directoryOf(message, "http://127.0.0.1:" + closedPort + "/connector/");
        RuntimeException failed = assertThrows(RuntimeException.class, () -> directory.accountOf("@Grace Hopper"));
        Throwable cause = failed;
        while (cause.getCause() != null && !(cause instanceof java.io.IOException)) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof java.net.ConnectException, "fails because the connector is unreachable: " + failed);
    }
}
