package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.core.port.Repositories;
import ciment.core.testing.InMemoryRepositories;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.Json;
import ciment.devkit.teams.TeamsActivities;
import ciment.teams.auth.ClientCredentials;
import ciment.teams.auth.InboundAuth;
import ciment.teams.inbound.ActivityJson;
import ciment.teams.inbound.CimentBot;
import ciment.teams.inbound.TeamsCallers;
import ciment.teams.inbound.TeamsEndpoint;
import ciment.teams.inbound.TeamsIntroduction;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.schema.Activity;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CimentBotTest {
    private final Clock clock = Clock.systemUTC();
    private final TeamsCallers callers = new TeamsCallers(new TeamsIntroduction(Optional.empty()), clock);

    private static Activity activity(TeamsActivities.Message message) throws Exception {
        return ActivityJson.parse(message.json());
    }

    @Test
    void caller_fromATeamsClientInFrench_saysFrench_forThisRequestAndWhenMet() throws Exception {
        TeamsActivities.Message message = TeamsActivities.message("https://x/", "28:bot")
                .tenant("tenant-1").from("29:teams-id", "aad-1", "Camille").locale("fr-FR").text("aide");
        Caller caller = callers.caller(activity(message));

        assertEquals("fr-FR", caller.locale());
        assertEquals(Optional.of("fr-FR"), caller.introduction().get().locale());
    }

    @Test
    void caller_isTheAadUserInTheConversationsTenant_namedAsTeamsShowsThem() throws Exception {
        Instant sentAt = Instant.parse("2025-03-01T09:30:15.123Z");
        TeamsActivities.Message message = TeamsActivities.message("https://x/", "28:bot")
                .tenant("tenant-1").from("29:teams-id", "aad-1", "Ada Lovelace").timestamp(sentAt).text("help");
        Caller caller = callers.caller(activity(message));

        assertEquals(Platform.TEAMS, caller.account().platform());
        assertEquals("tenant-1", caller.account().workspace());
        assertEquals("aad-1", caller.account().userId());
        assertEquals(Introduction.named("Ada Lovelace").speaking("en-US"), caller.introduction().get(),
                "no Bot Connector to ask: the name and the client's language only");
        assertEquals(message.conversationId() + "|" + message.id(), caller.requestId());
        assertEquals(sentAt, caller.at());
    }

    @Test
    void replyTo_isTheSenderInTheConversationTheyAskedIn_throughItsBotConnector() throws Exception {
        TeamsActivities.Message message = TeamsActivities.message("https://smba.trafficmanager.net/emea/", "28:bot")
                .tenant("tenant-1").from("29:teams-id", "aad-1", "Ada Lovelace").conversation("19:guild@thread.tacv2;messageid=42")
                .text("join data-guild");
        Caller caller = callers.caller(activity(message));

        Recipient replyTo = caller.replyTo();
        assertEquals(caller.account(), replyTo.account(), "the sender's account, keyed as Ciment knows them");
        assertEquals("19:guild@thread.tacv2;messageid=42", replyTo.conversationId(), "the channel thread they asked in");
        assertEquals("https://smba.trafficmanager.net/emea/", replyTo.serviceUrl());
        assertFalse(replyTo.isDirect());
    }

    @Test
    void replyTo_ofAPersonalChat_isThatChat_notANewOne() throws Exception {
        TeamsActivities.Message message = TeamsActivities.message("https://smba.trafficmanager.net/amer/", "28:bot")
                .tenant("tenant-1").from("29:teams-id", "aad-1", "Ada Lovelace").direct().text("join data-guild");
        Recipient replyTo = callers.caller(activity(message)).replyTo();
        assertEquals(message.conversationId(), replyTo.conversationId());
        assertTrue(replyTo.conversationId().startsWith("a:"));
    }

    @Test
    void teamsSevenDigitTimestamp_isReadToTheTenthOfAMicrosecond() throws Exception {
        TeamsActivities.Message message = TeamsActivities.message("https://x/", "28:bot")
                .timestamp(Instant.parse("2025-03-01T09:30:15.1234567Z")).text("help");
        assertEquals(Instant.parse("2025-03-01T09:30:15.1234567Z"), callers.caller(activity(message)).at());
    }

    @Test
    void tenantOnlyInChannelData_isFound() throws Exception {
        Activity activity = activity(TeamsActivities.message("https://x/", "28:bot").tenant("tenant-2").tenantOnlyInChannelData());
        assertEquals("tenant-2", callers.caller(activity).account().workspace());
    }

    @Test
    void emulatorActivityWithoutTenantOrAadId_usesThePlaceholderTenantAndTheChannelUserId() throws Exception {
        Activity activity = activity(TeamsActivities.message("http://localhost:5000", "bot").withoutTenant()
                .from("emulator-user", null, "User").channelId("emulator"));
        Caller caller = callers.caller(activity);
        assertEquals(CimentBot.NO_TENANT, caller.account().workspace());
        assertEquals("emulator-user", caller.account().userId());
    }

    @Test
    void approveWithAMention_admitsThePersonTheBotConnectorNames_andAPostMentioningSomeoneAsksNothing() {
        try (FakeBotFramework fake = FakeBotFramework.start()) {
            ClientCredentials credentials = new ClientCredentials(fake.appId(), fake.appPassword(),
                    java.net.URI.create(fake.oauthTokenUrl()), clock);
            TeamsEndpoint endpoint = new TeamsEndpoint(
                    new BotFrameworkAdapter(credentials, new AuthenticationConfiguration(), null, null, null),
                    new CimentBot(new Ciment(InMemoryRepositories.create(), clock), clock), InboundAuth.unauthenticated());
            FakeBotFramework.Member ada = fake.addMember(FakeBotFramework.Member.of("29:ada", "aad-ada", "Ada Lovelace",
                    "ada@example.org", "ada@example.org", "tenant-1"));
            FakeBotFramework.Member grace = fake.addMember(FakeBotFramework.Member.of("29:grace", "aad-grace",
                    "Grace Hopper", "grace@example.org", "grace@example.org", "tenant-1"));
            java.util.function.BiFunction<FakeBotFramework.Member, String, TeamsActivities.Message> say =
                    (who, text) -> TeamsActivities.message(fake.serviceUrl(), fake.botId()).tenant("tenant-1")
                            .from(who.id(), who.aadObjectId(), who.name()).text(text);
            java.util.function.Function<TeamsActivities.Message, String> ask = message -> {
                assertEquals(200, endpoint.handle(message.json(), null).status());
                List<FakeBotFramework.SentActivity> sent = fake.sent();
                FakeBotFramework.SentActivity reply = sent.get(sent.size() - 1);
                return reply.text() != null ? reply.text() : Json.write(reply.attachmentContents());
            };

            ask.apply(say.apply(ada, "create data-guild Data people"));
            ask.apply(say.apply(ada, "close data-guild"));
            assertTrue(ask.apply(say.apply(grace, "join data-guild")).contains("steward"));
            assertEquals(List.of("29:ada", "29:grace"), lookedUp(fake),
                    "each sender once, when Ciment meets them; no lookup for commands that name nobody");

            String approved = ask.apply(say.apply(ada, "approve data-guild <at>Grace Hopper</at>")
                    .mentioning(grace.id(), grace.name()));

            assertEquals("Grace Hopper is now a member of data-guild.", approved);
            assertEquals(List.of("29:ada", "29:grace", "29:grace"), lookedUp(fake));
            assertTrue(ask.apply(say.apply(grace, "post data-guild thanks <at>Ada Lovelace</at>!")
                    .mentioning(ada.id(), ada.name())).startsWith("Posted #"));
            assertEquals(4, fake.memberLookups().size(),
                    "a post's mention is looked up once: Ciment keys Teams people by AAD id, to send them a notice");
            assertTrue(ask.apply(say.apply(grace, "feed data-guild")).contains("thanks @Ada Lovelace!"));
        }
    }

    @Test
    void approvedRequest_leavesANoticeForTheRequester_inTheThreadTheyAskedIn_notWhereTheStewardApproved() {
        try (FakeBotFramework fake = FakeBotFramework.start()) {
            InMemoryRepositories memory = new InMemoryRepositories();
            Repositories store = memory.repositories();
            TeamsEndpoint endpoint = new TeamsEndpoint(
                    new BotFrameworkAdapter(new ClientCredentials(fake.appId(), fake.appPassword(),
                            java.net.URI.create(fake.oauthTokenUrl()), clock), new AuthenticationConfiguration(), null, null, null),
                    new CimentBot(new Ciment(store, clock), clock), InboundAuth.unauthenticated());
            FakeBotFramework.Member ada = fake.addMember(FakeBotFramework.Member.of("29:ada", "aad-ada", "Ada Lovelace",
                    "ada@example.org", "ada@example.org", "tenant-1"));
            FakeBotFramework.Member grace = fake.addMember(FakeBotFramework.Member.of("29:grace", "aad-grace",
                    "Grace Hopper", "grace@example.org", "grace@example.org", "tenant-1"));
            java.util.function.BiFunction<FakeBotFramework.Member, String, TeamsActivities.Message> say =
                    (who, text) -> TeamsActivities.message(fake.serviceUrl(), fake.botId()).tenant("tenant-1")
                            .from(who.id(), who.aadObjectId(), who.name()).text(text);
            String thread = "19:guild@thread.tacv2;messageid=1700000000000";

            assertEquals(200, endpoint.handle(say.apply(ada, "create data-guild Data people").json(), null).status());
            assertEquals(200, endpoint.handle(say.apply(ada, "close data-guild").json(), null).status());
            assertEquals(200, endpoint.handle(say.apply(grace, "join data-guild").conversation(thread).json(), null).status());
            assertEquals(List.of(), memory.outbox(), "nothing to tell before a steward answers");
            assertEquals(200, endpoint.handle(say.apply(ada, "approve data-guild <at>Grace Hopper</at>").direct()
                    .mentioning(grace.id(), grace.name()).json(), null).status());

            assertEquals(1, memory.outbox().size());
            Recipient to = memory.outbox().get(0).to();
            assertEquals(new ChatAccount(Platform.TEAMS, "tenant-1", "aad-grace"), to.account());
            assertEquals(thread, to.conversationId());
            assertEquals(fake.serviceUrl(), to.serviceUrl());
            assertTrue(memory.outbox().get(0).text().contains("approved"), memory.outbox().get(0).text());
        }
    }

    private static List<String> lookedUp(FakeBotFramework fake) {
        return fake.memberLookups().stream().map(FakeBotFramework.MemberLookup::memberId).toList();
    }
}
