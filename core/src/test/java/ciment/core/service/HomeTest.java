package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.command.StewardVerbs;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Directory;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.model.Slug;
import ciment.core.port.Repositories;
import ciment.core.reply.Home;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HomeTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final Repositories store = InMemoryRepositories.create();
    private final Ciment ciment = new Ciment(store, clock);
    private final Talk people = new Talk(ciment, clock);

    private Caller caller(String user) {
        return new Caller(Talk.account(user), () -> Introduction.named(user + " name"), "home-" + user, clock.instant());
    }

    private static List<String> slugs(List<Community> communities) {
        return communities.stream().map(c -> c.slug().value()).toList();
    }

    @Test
    void home_listsMyCommunitiesBySlug_andSuggestsTaggedOnesFromMySkills() {
        people.say("ada", "create sql-club Queries");
        people.say("ada", "tags sql-club sql");
        people.say("ada", "create b-team Bees");
        people.say("ada", "create a-team Ants");
        people.say("grace", "join b-team");
        people.say("grace", "join a-team");
        people.say("grace", "skills add SQL");

        Home home = ciment.home(caller("grace"));

        assertEquals(List.of("a-team", "b-team"), home.communities().stream().map(m -> m.community().slug().value()).toList());
        assertTrue(home.communities().stream().noneMatch(Home.Mine::steward));
        assertEquals(List.of("sql-club"), slugs(home.suggestions()));
        assertEquals(List.of("SQL"), home.topics());
    }

    @Test
    void steward_seesTheRequestsWaitingInTheirClosedCommunity_andAnswersOneById() {
        people.say("ada", "create closed-club By approval");
        people.say("ada", "close closed-club");
        people.say("grace", "join closed-club");

        Home.Mine mine = ciment.home(caller("ada")).communities().getFirst();
        assertTrue(mine.steward());
        assertEquals(1, mine.requests().size());
        String graceId = mine.requests().getFirst().personId();
        assertEquals(List.of(Talk.account("grace")), mine.accounts().get(graceId));

        Reply approved = decide(caller("ada"), "closed-club", graceId, true);
        assertTrue(approved.summary().contains("is now a member of closed-club"), approved.summary());
        assertEquals(List.of("closed-club"),
                ciment.home(caller("grace")).communities().stream().map(m -> m.community().slug().value()).toList());
        assertTrue(ciment.home(caller("ada")).communities().getFirst().requests().isEmpty());
    }

    @Test
    void decideById_byAMember_orForNobodyWaiting_isRefused() {
        people.say("ada", "create closed-club By approval");
        people.say("ada", "close closed-club");
        people.say("grace", "join closed-club");
        String graceId = ciment.home(caller("ada")).communities().getFirst().requests().getFirst().personId();
        people.say("bob", "communities");

        assertInstanceOf(Reply.Refused.class, decide(caller("bob"), "closed-club", graceId, true));
        decide(caller("ada"), "closed-club", graceId, false);
        Reply again = decide(caller("ada"), "closed-club", graceId, true);
        assertTrue(again.summary().startsWith("No request from grace name waits in closed-club"), again.summary());
        assertInstanceOf(Reply.Refused.class, decide(caller("ada"), "Not A Slug", graceId, true));
        assertInstanceOf(Reply.Refused.class, decide(caller("ada"), "closed-club", "01NOBODY", true));
    }

    @Test
    void guest_seesOnlyWhereInvited_andNoSuggestions() {
        ChatAccount partner = new ChatAccount(Platform.SLACK, "T-PARTNER", "U9");
        Directory directory = new Directory() {
            @Override
            public Optional<ChatAccount> accountOf(String mention) {
                return Optional.of(partner);
            }

            @Override
            public Optional<Introduction> introduce(ChatAccount account) {
                return Optional.of(new Introduction("Pat", Optional.empty(), true));
            }
        };
        people.say("ada", "create supplier-desk Suppliers");
        people.say("ada", "tags supplier-desk sql");
        people.say("ada", "create internal-only Staff");
        ciment.handle(new Caller(Talk.account("ada"), () -> Introduction.named("ada"), "inv", clock.instant(), directory),
                "invite supplier-desk @pat");

        Home home = ciment.home(new Caller(partner, () -> new Introduction("Pat", Optional.empty(), true), "g",
                clock.instant()));

        assertTrue(home.communities().isEmpty());
        assertEquals(List.of("supplier-desk"), slugs(home.invitations()));
        assertTrue(home.suggestions().isEmpty());
    }

    /** Approve or Decline clicked beside a join request: the person by id, as the button names them. */
    private Reply decide(Caller steward, String slug, String personId, boolean approve) {
        return ciment.execute(steward, () -> new StewardVerbs.DecideRequest(Slug.parse(slug), personId, approve));
    }
}
