package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ciment.core.Ciment;
import ciment.core.command.StewardVerbs;
import ciment.core.config.TrustedDomains;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Directory;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.model.Slug;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** members &lt;slug&gt;: a steward sees who is in and the chat tools they are on; anyone else one sentence. */
class MembersTest {
    private static final ChatAccount ADA_SLACK = new ChatAccount(Platform.SLACK, "T1", "U-ADA");
    private static final ChatAccount ADA_TEAMS = new ChatAccount(Platform.TEAMS, "tenant", "aad-ada");
    private static final ChatAccount BOB_TEAMS = new ChatAccount(Platform.TEAMS, "tenant", "aad-bob");
    private static final ChatAccount PAT_SLACK = new ChatAccount(Platform.SLACK, "T-PARTNER", "U-PAT");
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final Ciment ciment = new Ciment(memory.repositories(), clock, TrustedDomains.parse("example.com=T1,example.com=tenant"));
    private int requests;

    private Reply say(ChatAccount account, Introduction introduction, String text) {
        Directory directory = new Directory() {
            @Override
            public Optional<ChatAccount> accountOf(String mention) {
                return mention.equals("@pat") ? Optional.of(PAT_SLACK) : Optional.empty();
            }

            @Override
            public Optional<Introduction> introduce(ChatAccount someone) {
                return Optional.of(PAT);
            }
        };
        return ciment.handle(new Caller(account, () -> introduction, "r" + ++requests, clock.instant(), directory), text);
    }

    private static final Introduction ADA = new Introduction("Ada", Optional.of("ada@example.com"), false,
            List.of("T1", "tenant"));
    private static final Introduction BOB = new Introduction("Bob", Optional.of("bob@example.com"), false,
            List.of("tenant"));
    private static final Introduction PAT = new Introduction("Pat Partner", Optional.empty(), true);

    @BeforeEach
    void adaStewardsOnBothTools_bobOnTeams_patAGuestOnSlack() {
        say(ADA_SLACK, ADA, "create data-guild Sharing data tips");
        say(ADA_TEAMS, ADA, "whoami"); // the same address, vouched on both tools: one person
        say(BOB_TEAMS, BOB, "join data-guild");
        say(ADA_SLACK, ADA, "invite data-guild @pat");
        say(PAT_SLACK, PAT, "join data-guild");
    }

    @Test
    void steward_seesEveryMember_stewardsFirst_withTheirTools() {
        Reply reply = say(ADA_TEAMS, ADA, "members data-guild");

        var members = assertInstanceOf(Reply.Members.class, reply, reply.summary());
        assertEquals(3, members.total());
        assertEquals(List.of("Ada", "Bob", "Pat Partner"),
                members.members().stream().map(m -> m.person().displayName()).toList());
        assertEquals(Set.of(Platform.SLACK, Platform.TEAMS), members.members().get(0).tools());
        assertEquals("data-guild has 3 members: Ada (steward, Slack and Teams), Bob (Teams), Pat Partner (Slack).",
                reply.summary());
    }

    @Test
    void typedCommand_isTheSameAsTheWords() {
        Reply typed = ciment.execute(new Caller(ADA_SLACK, () -> ADA, "typed", clock.instant()),
                new StewardVerbs.Members(Slug.parse("data-guild")));
        assertEquals(say(ADA_SLACK, ADA, "members data-guild").summary(), typed.summary());
    }

    @Test
    void member_isRefused_inOneSentence_writingNothing() {
        int before = memory.writes();
        Reply reply = say(BOB_TEAMS, BOB, "members data-guild");
        assertInstanceOf(Reply.Refused.class, reply);
        assertEquals("Only a steward of data-guild can see its members: info data-guild names them.", reply.summary());
        assertEquals(before, memory.writes());
    }

    @Test
    void guest_isRefused_too() {
        Reply reply = say(PAT_SLACK, PAT, "members data-guild");
        assertEquals("Only a steward of data-guild can see its members: info data-guild names them.", reply.summary());
    }

    @Test
    void unknownCommunity_andWrongForms_areRefused() {
        assertInstanceOf(Reply.Refused.class, say(ADA_SLACK, ADA, "members no-such-guild"));
        assertEquals("Name the community: members <slug>, for example “members data-guild”.",
                say(ADA_SLACK, ADA, "members").summary());
        assertEquals("members takes only the community: members <slug>.",
                say(ADA_SLACK, ADA, "members data-guild now").summary());
    }

    @Test
    void help_listsMembers() {
        var help = (Reply.Help) say(ADA_SLACK, ADA, "help");
        assertEquals(1, help.commands().stream().filter(u -> u.form().equals("members <slug>")).count());
    }
}
