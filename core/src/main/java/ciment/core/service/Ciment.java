package ciment.core.service;

import ciment.core.Refusal;
import ciment.core.command.Command;
import ciment.core.command.CommandParser;
import ciment.core.command.Grammar;
import ciment.core.config.TrustedDomains;
import ciment.core.config.WriteLimits;
import ciment.core.model.ChatAccount;
import ciment.core.model.ChatMessage;
import ciment.core.model.Link;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Profile;
import ciment.core.model.Slug;
import ciment.core.port.MessageCopies;
import ciment.core.port.Repositories;
import ciment.core.privacy.PersonalData;
import ciment.core.reply.Home;
import ciment.core.reply.Reply;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** The one entry point both chat tools call: the words a person sent in, an answer out. */
public final class Ciment {
    private final Identity identity;
    private final CommunityActions communities;
    private final Stewardship stewardship;
    private final PostActions posts;
    private final FeedActions feeds;
    private final ProfileActions profiles;
    private final PrivacyActions privacy;
    private final HomeActions homes;
    private final ConversationActions conversations;
    private final CaptureActions captures;
    private final QuestionActions questions;
    private final LinkActions links;
    private final MessageCopies copies;
    private final ChannelIntake intake;
    private final FinanceActions finance;

    /** Without metering: costs and budget say they are not set up; grant works for admins granted in the store. */
    public Ciment(Repositories store, Clock clock) {
        this(store, clock, Finance.off());
    }

    /** Without metering, believing addresses as CIMENT_TRUSTED_DOMAINS says ({@link AddressTrust}). */
    public Ciment(Repositories store, Clock clock, TrustedDomains trusted) {
        this(store, clock, Finance.off().trusting(trusted));
    }

    /** With the default limits on each person's writes ({@link WriteLimits#DEFAULTS}). */
    public Ciment(Repositories store, Clock clock, Finance finance) {
        this(store, clock, finance, WriteLimits.DEFAULTS);
    }

    public Ciment(Repositories store, Clock clock, Finance finance, WriteLimits limits) {
        WriteQuota quota = new WriteQuota(store.quotas(), limits, clock);
        AddressTrust trust = new AddressTrust(store.people(), finance.named().trusted());
        this.identity = new Identity(store.people(), trust, clock);
        this.communities = new CommunityActions(store.communities(), store.people(), clock, quota);
        this.stewardship = new Stewardship(store.communities(), store.people(), store.notices(), communities, identity,
                clock);
        MentionNotices mentions = new MentionNotices(store.communities(), store.people(), store.notices(), trust);
        this.posts = new PostActions(store.communities(), store.posts(), communities, mentions, quota);
        this.feeds = new FeedActions(store.communities(), store.posts(), communities, store.seal());
        this.profiles = new ProfileActions(store.people(), store.communities());
        this.privacy = new PrivacyActions(store.communities(), store.people(), store.personalRecords(), store.notices(),
                clock);
        this.homes = new HomeActions(store.communities(), store.people());
        this.conversations = new ConversationActions(store.communities(), store.conversations(), communities, mentions,
                quota);
        this.questions = new QuestionActions(store.communities(), store.conversations(), store.questions(), communities);
        this.links = new LinkActions(store.communities(), store.links(), communities);
        this.copies = store.messageCopies();
        this.intake = new ChannelIntake(store.communities(), store.links(), store.posts(), store.conversations(),
                store.messageCopies(), mentions, quota);
        this.captures = new CaptureActions(store.communities(), store.posts(), store.conversations(), communities,
                store.personalRecords(), quota);
        this.finance = new FinanceActions(store.communities(), store.people(), store.grants(), finance, trust, clock);
    }

    public Reply handle(Caller caller, String text) {
        try {
            return execute(caller, CommandParser.parse(text));
        } catch (Refusal refusal) {
            return new Reply.Refused(refusal.sentence());
        }
    }

    /**
     * The caller's home: their communities, the requests waiting where they steward, invitations and
     * suggestions. Throws {@link Refusal} when the caller cannot be met (their chat tool did not answer).
     */
    public Home home(Caller caller) {
        return homes.home(identity.personOf(caller));
    }

    /** The roles and skills the caller declared (to suggest tags, say). Throws {@link Refusal} as home does. */
    public Profile profile(Caller caller) {
        return profiles.profile(identity.personOf(caller));
    }

    /**
     * A steward's answer to the join request of a person known by id, as {@code approve|decline <slug>
     * <person>} gives it (a button next to the request names the person by id, whatever their chat tool).
     */
    public Reply decide(Caller caller, String slug, String personId, boolean approve) {
        try {
            return stewardship.decide(identity.personOf(caller), Slug.parse(slug), personId, approve);
        } catch (Refusal refusal) {
            return new Reply.Refused(refusal.sentence());
        }
    }

    /**
     * "Save to community": a chat message, then the replies of its thread (oldest first), become a post of
     * the community and its replies, posted by the caller with each author credited. Reply.Posted names the
     * post; a refusal says why nothing was saved.
     */
    public Reply save(Caller caller, String slug, List<ChatMessage> messages) {
        try {
            return captures.save(identity.personOf(caller), caller, Slug.parse(slug), messages);
        } catch (Refusal refusal) {
            return new Reply.Refused(refusal.sentence());
        }
    }

    /**
     * A message written in the caller's channel ({@link Caller#channel()}), its request id being the message's
     * id: in a linked channel it becomes a post, or with {@code rootMessageId} (its thread's first message) a
     * reply. Empty when the channel is not linked, or the thread's first message is no post: the message is
     * none of Ciment's business, and nothing was written (nor the author looked up).
     */
    public Optional<Reply> channelMessage(Caller caller, String messageId, String rootMessageId, String text) {
        return inLinkedChannel(caller, (author, link) -> intake.message(author, caller, link, messageId, rootMessageId,
                text));
    }

    /** A message of a linked channel was edited: its post follows. Empty when it is no post. */
    public Optional<Reply> channelEdit(Caller caller, String messageId, String text) {
        return inLinkedChannel(caller, (author, link) -> intake.edited(author, caller, link, messageId, text));
    }

    /** A message of a linked channel was deleted: its post shows as removed. Empty when it is no post. */
    public Optional<Reply> channelDelete(Caller caller, String messageId) {
        return inLinkedChannel(caller, (author, link) -> intake.deleted(author, caller, link, messageId));
    }

    /**
     * The post a chat message shows, as commands name it: a linked channel's message that became a post, or a
     * copy of a post that the bot sent. Empty for any other message. A reaction to it reacts to the post.
     */
    public Optional<String> postShownBy(Platform platform, String conversationId, String messageId) {
        return copies.find(platform, conversationId, messageId);
    }

    private Optional<Reply> inLinkedChannel(Caller caller,
            BiFunction<Person, Link, Optional<Reply>> action) {
        Optional<Link> link = intake.linkOf(caller);
        if (link.isEmpty()) {
            return Optional.empty();
        }
        try {
            return action.apply(identity.personOf(caller), link.get());
        } catch (Refusal refusal) {
            return Optional.of(new Reply.Refused(refusal.sentence()));
        }
    }

    /**
     * Everything Ciment holds about the person behind the account, collected now: export-my-data's file,
     * for a chat tool that sends it when the person accepts it (Teams). Empty when nothing is held.
     */
    public Optional<PersonalData> personalData(ChatAccount account) {
        return privacy.dataOf(account);
    }

    private static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    private Reply execute(Caller caller, Command command) {
        // The person is looked up only by commands that use them: help needs no store at all.
        Supplier<Person> me = once(() -> identity.personOf(caller));
        if (!(command instanceof Command.Help) && !(command instanceof Command.EraseMyData e && e.confirm())
                && me.get().erasing()) {
            // An erasure was interrupted: this request finishes it (unless the person must hand over first).
            Optional<Reply> finished = privacy.finish(me.get());
            if (finished.isPresent()) {
                return finished.get();
            }
        }
        return switch (command) {
            case Command.Help h -> new Reply.Help(Grammar.AVAILABLE);
            case Command.Create c -> communities.create(me.get(), c.slug(), c.purpose());
            case Command.Join j -> communities.join(me.get(), caller, j.slug());
            case Command.Leave l -> communities.leave(me.get(), l.slug());
            case Command.Discover d -> communities.discover(me.get(), d.query());
            case Command.Info i -> communities.info(me.get(), i.slug());
            case Command.PostTo p -> posts.post(me.get(), caller, p.slug(), p.text(), Post.Marks.NONE);
            case Command.Ask a -> posts.post(me.get(), caller, a.slug(), a.text(), Post.Marks.QUESTION);
            case Command.Accept a -> questions.accept(me.get(), a.answer());
            case Command.Questions q -> questions.questions(me.get(), q.slug(), q.unansweredOnly());
            case Command.Pin p -> questions.pin(me.get(), p.post(), p.pin());
            case Command.Knowledge k -> questions.knowledge(me.get(), k.slug(), k.query());
            case Command.Feed f -> f.slug().isPresent()
                    ? feeds.communityFeed(me.get(), f.slug().get(), f.cursor())
                    : feeds.homeFeed(me.get(), f.cursor());
            case Command.ReplyTo r -> conversations.reply(me.get(), caller, r.post(), r.text());
            case Command.Thread t -> conversations.thread(me.get(), t.post());
            case Command.React r -> conversations.react(me.get(), r.post(), r.emoji(), r.add());
            case Command.Edit e -> conversations.edit(me.get(), caller, e.post(), e.text());
            case Command.Delete d -> conversations.delete(me.get(), caller, d.post());
            case Command.Hide h -> conversations.hide(me.get(), caller, h.post(), h.reason());
            case Command.Audit a -> conversations.audit(me.get(), a.slug());
            case Command.LinkChannel l -> links.link(me.get(), caller, l.slug());
            case Command.UnlinkChannel u -> links.unlink(me.get(), caller);
            case Command.Links l -> links.links(me.get(), l.slug());
            case Command.SetOpen o -> stewardship.setOpen(me.get(), o.slug(), o.open());
            case Command.Requests r -> stewardship.requests(me.get(), r.slug());
            case Command.Decide d -> stewardship.decide(me.get(), caller, d.slug(), d.person(), d.approve());
            case Command.Steward s -> stewardship.steward(me.get(), caller, s.slug(), s.person(), s.add());
            case Command.Invite i -> stewardship.invite(me.get(), caller, i.slug(), i.person());
            case Command.Tags t -> stewardship.tags(me.get(), t.slug(), t.tags());
            case Command.Purpose p -> stewardship.purpose(me.get(), p.slug(), p.purpose());
            case Command.SetArchived a -> stewardship.setArchived(me.get(), a.slug(), a.archived());
            case Command.WhoAmI w -> {
                Identity.Reintroduced now = identity.reintroduce(caller, me.get());
                yield profiles.me(now.person(), now.unlinked());
            }
            case Command.ListDeclared l -> profiles.me(me.get());
            case Command.Declare d -> profiles.declare(me.get(), d.kind(), d.topic(), d.add());
            case Command.Who w -> profiles.who(me.get(), w.topic());
            case Command.ExportMyData x -> privacy.export(me.get(), caller);
            case Command.EraseMyData e -> privacy.erase(me.get(), e.confirm());
            case Command.Costs c -> finance.costs(me.get(), c.month());
            case Command.Budget b -> finance.budget(me.get(), b.slug(), b.dollars());
            case Command.GrantRole g -> finance.grant(me.get(), caller, g.grant(), g.person());
        };
    }
}
