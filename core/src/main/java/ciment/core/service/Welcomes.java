package ciment.core.service;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;
import ciment.core.model.Caller;
import ciment.core.model.Community;
import ciment.core.model.CommunityWelcome;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.Recipient;
import ciment.core.model.Slug;
import ciment.core.model.Ulid;
import ciment.core.port.Communities;
import ciment.core.port.Notices;
import ciment.core.reply.Reply;
import java.time.Clock;
import java.util.Optional;

/**
 * What greets newcomers: Ciment introducing itself where it was installed (once per conversation in Teams,
 * once per person in Slack), and each community's welcome message and guidelines, set by its stewards and
 * shown to whoever joins (the join's answer, a request approved, an invitation) and in info.
 */
public record Welcomes(Communities communities, Notices notices, CommunityActions communityActions,
        ReadingLanguage reading, Clock clock) {

    public Reply welcome(Person steward, Slug slug, String message) {
        return set(steward, slug, "welcome.action.welcome", new Communities.Change.WelcomeMessage(message), message,
                "welcome.message.done", "welcome.message.cleared");
    }

    public Reply guidelines(Person steward, Slug slug, String guidelines) {
        return set(steward, slug, "welcome.action.guidelines", new Communities.Change.Guidelines(guidelines), guidelines,
                "welcome.guidelines.done", "welcome.guidelines.cleared");
    }

    /** A steward's text set (or cleared: empty) on a community that is not archived, one change of its item. */
    private Reply set(Person steward, Slug slug, String action, Communities.Change change, String text, String done,
            String cleared) {
        Community community = CommunityActions.writable(communityActions.stewardedBy(steward, slug, Message.of(action)));
        communities.change(community.id(), change);
        return new Reply.Done(text.isEmpty() ? Message.of(cleared, slug) : Message.of(done, slug, Message.verbatim(text)));
    }

    /**
     * {@code said} (you joined, your request was approved, you are invited), then the community's welcome
     * message and guidelines as its stewards wrote them, when they wrote any.
     */
    static Message greeted(Message said, Community community) {
        CommunityWelcome welcome = community.welcome();
        Message greeted = said;
        if (!welcome.message().isEmpty()) {
            greeted = Message.of("welcome.shown.message", greeted, community.slug(), Message.verbatim(welcome.message()));
        }
        if (!welcome.guidelines().isEmpty()) {
            greeted = Message.of("welcome.shown.guidelines", greeted, community.slug(),
                    Message.verbatim(welcome.guidelines()));
        }
        return greeted;
    }

    /**
     * Ciment was added to the caller's conversation (Teams: a team's channel, a group or personal chat): it
     * introduces itself there, in the language the chat tool says the conversation is in, once however often
     * the tool says so (the mark is the conversation's). {@code addressing} is how commands are sent there
     * ("@Ciment ", or nothing in a personal chat).
     *
     * @return whether the introduction was written now
     */
    public boolean introduceIn(Caller caller, String addressing) {
        Recipient there = caller.replyTo();
        if (there == null || there.conversationId() == null) {
            return false;
        }
        Catalogue words = reading.ofLocale(caller.locale());
        String mark = "introduction#" + caller.account().platform() + "#" + there.conversationId();
        return notices.sendOnce(Notice.told(Ulid.derived(caller.at(), mark), there, words,
                        introduction(addressing), clock.instant()),
                new Notices.Once.Conversation(caller.account().platform(), there.conversationId()));
    }

    /**
     * The person opened Ciment's home in their chat tool (Slack's App Home): the first time, Ciment introduces
     * itself in their direct messages, in their language. The mark is on the account's identity link.
     *
     * @return whether the introduction was written now
     */
    public boolean introduceTo(Person person, Caller caller, String addressing) {
        Catalogue words = reading.of(caller, Optional.of(person));
        String mark = "introduction#" + caller.account().platform() + "#" + caller.account().workspace() + "#"
                + caller.account().userId();
        return notices.sendOnce(Notice.told(Ulid.derived(caller.at(), mark), Recipient.direct(caller.account(), null),
                        words, introduction(addressing), clock.instant()),
                new Notices.Once.Account(caller.account()));
    }

    /** What Ciment is and the three commands a newcomer needs: find a community, join it, post in it; and help. */
    private static Message introduction(String addressing) {
        return Message.of("welcome.introduction", Message.verbatim(addressing));
    }
}
