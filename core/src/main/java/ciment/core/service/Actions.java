package ciment.core.service;

import ciment.core.config.WriteLimits;
import ciment.core.i18n.Language;
import ciment.core.model.Caller;
import ciment.core.port.Repositories;
import ciment.core.reply.Reply;
import java.time.Clock;

/**
 * The use cases, wired once over the repositories ({@link #wired}): the verbs' declarations call them
 * ({@code ciment.core.command.Verbs}), and so does the entry point {@code ciment.core.Ciment} for what no verb
 * says (a home, a saved thread, a linked channel's messages).
 */
public record Actions(Identity identity, CommunityActions communities, Stewardship stewardship, PostActions posts,
        FeedActions feeds, ProfileActions profiles, PrivacyActions privacy, ConversationActions conversations,
        QuestionActions questions, LinkActions links, FinanceActions finance, HomeActions homes,
        CaptureActions captures, ChannelIntake intake, ReadingLanguage reading, FollowActions follows,
        InsightActions insights, Welcomes welcomes, DigestActions digests, AnnouncementActions announcements) {

    /** Every use case over {@code store}, writes limited per person by {@code limits}, speaking English by default. */
    public static Actions wired(Repositories store, Clock clock, Finance finance, WriteLimits limits) {
        return wired(store, clock, finance, limits, Language.ENGLISH);
    }

    /** ... and speaking {@code fallback} to whoever's language is not known. */
    public static Actions wired(Repositories store, Clock clock, Finance finance, WriteLimits limits,
            Language fallback) {
        WriteQuota quota = new WriteQuota(store.quotas(), limits, clock);
        AddressTrust trust = new AddressTrust(store.people(), finance.named().trusted());
        Identity identity = new Identity(store.people(), trust, clock);
        CommunityActions communities = new CommunityActions(store.communities(), store.people(), clock, quota);
        Addressees addressees = new Addressees(store.people(), fallback);
        ReadingLanguage reading = new ReadingLanguage(store.people(), fallback);
        MentionNotices mentions = new MentionNotices(store.communities(), store.people(), store.notices(), addressees,
                trust, store.follows());
        PostLocator locator = new PostLocator(store.communities(), store.conversations());
        Roles roles = new Roles(store.people(), store.grants(), finance.named(), trust);
        return new Actions(identity, communities,
                new Stewardship(store.communities(), store.people(), store.notices(), addressees, communities, identity,
                        clock),
                new PostActions(store.communities(), store.posts(), communities, mentions, quota),
                new FeedActions(store.communities(), store.posts(), communities, new FeedCursor(store.seal())),
                new ProfileActions(store.people(), store.communities()),
                new PrivacyActions(store.communities(), store.people(), store.personalRecords(), store.notices(),
                        reading, clock),
                new ConversationActions(store.communities(), store.conversations(), communities, locator, mentions,
                        quota),
                new QuestionActions(store.communities(), store.questions(), communities, locator),
                new LinkActions(store.communities(), store.links(), communities, fallback),
                new FinanceActions(store.communities(), store.people(), store.grants(),
                        roles, finance, trust, clock),
                new HomeActions(store.communities(), store.people()),
                new CaptureActions(store.communities(), store.posts(), store.conversations(), communities,
                        store.personalRecords(), quota),
                new ChannelIntake(store.communities(), store.links(), store.posts(), store.conversations(),
                        store.messageCopies(), mentions, quota),
                reading, new FollowActions(store.follows(), store.people(), locator),
                new InsightActions(store.communities(), store.posts(), communities, roles, clock),
                new Welcomes(store.communities(), store.notices(), communities, reading, clock),
                new DigestActions(store.digests(), clock),
                new AnnouncementActions(store.communities(), store.announcements(), communities));
    }

    /** The person asking, looked up the first time a use case needs them. */
    public Me me(Caller caller) {
        return new Me(caller, () -> identity.personOf(caller));
    }

    /** whoami: my accounts, roles and skills; the account I use now introduced again first (it may be new). */
    public Reply whoAmI(Me me) {
        Identity.Reintroduced now = identity.reintroduce(me.caller(), me.person());
        return profiles.me(now.person(), now.unlinked());
    }
}
