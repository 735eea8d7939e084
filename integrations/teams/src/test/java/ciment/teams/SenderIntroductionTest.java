package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.config.TrustedDomains;
import ciment.core.model.ChatAccount;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.port.People;
import ciment.core.port.Repositories;
import ciment.core.testing.InMemoryRepositories;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.Json;
import ciment.devkit.teams.TeamsActivities;
import ciment.teams.auth.ClientCredentials;
import ciment.teams.auth.InboundAuth;
import ciment.teams.inbound.CimentBot;
import ciment.teams.inbound.TeamsEndpoint;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sender's introduction (name, verified email, guest) through the real SDK and the fake Bot
 * Connector: asked once when Ciment meets an account and on whoami, never on ordinary commands, and
 * never failing a command when the lookup cannot answer.
 */
class SenderIntroductionTest {
    private static final String TENANT = "tenant-1";

    private final Clock clock = Clock.systemUTC();
    private final FakeBotFramework fake = FakeBotFramework.start();
    private final Repositories store = InMemoryRepositories.create();
    private final FakeBotFramework.Member ada = fake.addMember(FakeBotFramework.Member.of("29:ada", "aad-ada",
            "Ada Lovelace", "Ada@Example.org", "ada@example.org", TENANT));
    private final FakeBotFramework.Member pat = fake.addMember(FakeBotFramework.Member.guest("29:pat", "aad-pat",
            "Pat Partner", "pat@supplier.example", TENANT));
    private TeamsEndpoint endpoint = endpoint(Optional.empty());

    @AfterEach
    void stop() {
        fake.close();
    }

    private TeamsEndpoint endpoint(Optional<String> homeTenant) {
        ClientCredentials credentials = new ClientCredentials(fake.appId(), fake.appPassword(),
                URI.create(fake.oauthTokenUrl()), clock);
        return new TeamsEndpoint(new BotFrameworkAdapter(credentials, new AuthenticationConfiguration(), null, null, null),
                new CimentBot(new Ciment(store, clock, TrustedDomains.parse("example.org=" + TENANT)), clock, homeTenant), InboundAuth.unauthenticated());
    }

    private TeamsActivities.Message from(FakeBotFramework.Member member, String text) {
        return TeamsActivities.message(fake.serviceUrl(), fake.botId()).tenant(TENANT)
                .from(member.id(), member.aadObjectId(), member.name()).text(text);
    }

    /** The bot's one answer, as text or the card's JSON. */
    private String ask(TeamsActivities.Message message) {
        int before = fake.sent().size();
        assertEquals(200, endpoint.handle(message.json(), null).status());
        List<FakeBotFramework.SentActivity> sent = fake.sent();
        assertEquals(before + 1, sent.size(), "one answer");
        FakeBotFramework.SentActivity reply = sent.get(sent.size() - 1);
        return reply.text() != null ? reply.text() : Json.write(reply.attachmentContents());
    }

    private List<String> lookedUp() {
        return fake.memberLookups().stream().map(FakeBotFramework.MemberLookup::memberId).toList();
    }

    private Person personOf(FakeBotFramework.Member member) {
        return store.people().find(account(member)).orElseThrow();
    }

    private static ChatAccount account(FakeBotFramework.Member member) {
        return new ChatAccount(Platform.TEAMS, TENANT, member.aadObjectId());
    }

    @Test
    void firstContact_looksTheSenderUpOnceByTeamsId_andOrdinaryCommandsAskNothingMore() {
        ask(from(ada, "communities"));
        ask(from(ada, "create data-guild Data people"));
        ask(from(ada, "feed"));

        assertEquals(List.of("29:ada"), lookedUp());
        assertEquals(Optional.of(personOf(ada)), store.people().holderOf("ada@example.org").map(People.Holder::person), "linked by the lower-cased email");
        assertFalse(personOf(ada).guest());
    }

    @Test
    void whoami_asksAgain_andShowsTheLinkedEmail_whileWhoamiAtFirstContactAsksOnce() {
        String first = ask(from(ada, "whoami"));
        assertEquals(List.of("29:ada"), lookedUp(), "first contact and whoami share one lookup");
        assertTrue(first.contains("{\"type\":\"TextRun\",\"text\":\"Email: \",\"weight\":\"Bolder\"},"
                + "{\"type\":\"TextRun\",\"text\":\"ada@example.org\"}"), first);
        assertTrue(first.contains("linked by this verified email address"), first);

        ask(from(ada, "whoami"));
        assertEquals(List.of("29:ada", "29:ada"), lookedUp());
    }

    @Test
    void teamsGuest_isMetAsAGuest_andTheAddressItGivesLinksNobody() {
        ask(from(pat, "communities"));
        Person person = personOf(pat);
        assertTrue(person.guest());
        assertEquals(Optional.empty(), store.people().holderOf("pat@supplier.example"), "a guest's address is never believed");
        String me = ask(from(pat, "whoami"));
        assertTrue(me.contains("You take part as a guest"), me);
        assertTrue(me.contains("a guest is never linked to anyone by an email address"), me);
    }

    @Test
    void homeTenantSet_someoneInAnotherOrganisationsConversation_isAGuest() {
        endpoint = endpoint(Optional.of("home-tenant"));
        ask(from(ada, "communities"));
        assertTrue(personOf(ada).guest(), "tenant-1 is not the bot's own organisation");
    }

    @Test
    void lookupFailing_refusesTheFirstCommand_writingNothing_andTheNextOneGoesThrough() {
        fake.failMemberLookups(500);
        String refused = ask(from(ada, "create data-guild Data people"));
        assertTrue(refused.contains("could not check who you are"), refused);
        assertEquals(Optional.empty(), store.people().find(account(ada)), "nobody was enrolled");

        fake.failMemberLookups(0);
        String created = ask(from(ada, "create data-guild Data people"));
        assertTrue(created.startsWith("Created data-guild"), created);
        assertEquals(Optional.of(personOf(ada)), store.people().holderOf("ada@example.org").map(People.Holder::person));
    }

    @Test
    void lookupFailing_onWhoami_ofSomeoneKnown_stillShowsWhatCimentKnows() {
        ask(from(ada, "create data-guild Data people"));
        fake.failMemberLookups(500);
        String me = ask(from(ada, "whoami"));
        assertTrue(me.contains("{\"type\":\"TextRun\",\"text\":\"ada@example.org\"}"), me);
    }

    @Test
    void senderTheBotConnectorDoesNotKnow_isMetByName_withoutEmail() {
        FakeBotFramework.Member stranger = new FakeBotFramework.Member("29:x", "aad-x", "Stranger", null, null, TENANT, "user");
        assertTrue(ask(from(stranger, "create x-guild Strangers")).startsWith("Created x-guild"));
        assertEquals(List.of("29:x"), lookedUp());
        assertEquals("Stranger", personOf(stranger).displayName());
    }

    @Test
    void emulator_hasNoMemberApi_soNothingIsAsked_andTheSenderIsMetByName() {
        TeamsActivities.Message message = TeamsActivities.message(fake.serviceUrl(), "bot").withoutTenant()
                .from("emulator-user", null, "User").channelId("emulator").text("whoami");
        String me = ask(message);
        assertTrue(me.contains("This account stays separate from your other accounts: Teams did not give Ciment its"
                + " email address."), me);
        assertTrue(fake.memberLookups().isEmpty());
    }
}
