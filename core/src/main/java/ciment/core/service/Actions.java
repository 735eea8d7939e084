package ciment.core.service;

import ciment.core.reply.Reply;

/** The use cases the verbs' declarations call ({@code ciment.core.command.Verbs}), built once by {@link Ciment}. */
public record Actions(Identity identity, CommunityActions communities, Stewardship stewardship, PostActions posts,
        FeedActions feeds, ProfileActions profiles, PrivacyActions privacy, ConversationActions conversations,
        QuestionActions questions, LinkActions links, FinanceActions finance) {

    /** whoami: my accounts, roles and skills; the account I use now introduced again first (it may be new). */
    public Reply whoAmI(Me me) {
        Identity.Reintroduced now = identity.reintroduce(me.caller(), me.person());
        return profiles.me(now.person(), now.unlinked());
    }
}
