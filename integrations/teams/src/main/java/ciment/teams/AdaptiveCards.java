package ciment.teams;

import ciment.core.model.Aggregate;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.JoinRequest;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.reply.Reply;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Adaptive Cards (schema 1.5, which Teams renders; its Action.Execute buttons need 1.4) for answers
 * that are lists or records. Buttons run the same commands as the words (CardActions). A Teams bot
 * cannot post as a person, so every post names its author in the card. People are named, never counted
 * one by one: a community's size shows only from 5 members (Aggregate). Names are in bold, never Teams
 * mentions: a person mentioned in a bot's card gets a notification in their activity feed, and nobody
 * should be pinged because someone else looked up a community, its requests or a skill.
 */
final class AdaptiveCards {
    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    static final String VERSION = "1.5";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AdaptiveCards() {
    }

    static Attachment feed(Reply.Feed feed) {
        return attachment(fitted(cut -> {
            ObjectNode card = card(feed.summary());
            ArrayNode body = card.withArray("body");
            body.add(heading(feed.title()));
            if (feed.posts().isEmpty()) {
                body.add(text(feed.emptyHint()));
            }
            for (Post post : feed.posts()) {
                post(body, post, feed.isHome(), cut);
            }
            if (!feed.next().isEmpty()) {
                card.putArray("actions").add(CardActions.more(feed.next()));
            }
            return card;
        }));
    }

    /**
     * A post in a feed or a thread: author, text (cut to {@code cut} characters, the rest in its thread),
     * reference and time, its replies and reaction counts, then its buttons (PostButtons).
     */
    private static void post(ArrayNode body, Post post, boolean home, int cut) {
        ObjectNode container = body.addObject();
        container.put("type", "Container");
        container.put("separator", true);
        ArrayNode items = container.putArray("items");
        items.add(text(bold(post.authorName()) + (home ? " in " + post.slug() : "") + (post.edited() ? " (edited)" : ""))
                .put("spacing", "None"));
        items.add(text(cut(post.text(), cut)));
        items.add(subtle(post.reference() + " · " + when(post.createdAt()) + " · from " + post.origin().label()));
        // Cut short, a post's line leaves out its latest reply's words too: its thread has them.
        String activity = cut <= SHORT && post.latestReply() != null ? post.withReplies(post.replyCount(), null).activity()
                : post.activity();
        if (!activity.isEmpty()) {
            items.add(subtle(activity));
        }
        PostButtons.under(post).ifPresent(items::add);
    }

    /** The post just made (or edited): the whole of it, with its buttons, under the answer's sentence. */
    static Attachment posted(Reply.Posted posted) {
        ObjectNode card = card(posted.summary());
        post(card.withArray("body"), posted.post(), true, WHOLE);
        return attachment(card);
    }

    /**
     * A notice about a post (a mention): its sentence, then Open thread and Reply, so the person reads and
     * answers it where the notice reached them.
     */
    static Attachment aboutPost(String sentence, String postRef) {
        ObjectNode card = card(sentence);
        card.withArray("body").add(text(sentence));
        card.set("actions", PostButtons.forNotice(postRef));
        return attachment(card);
    }

    /**
     * A post mirrored into a linked channel: a bot cannot post as a person, so the card names its author in
     * bold and where they wrote it ("via Slack"), then its words, its reference and time, its activity line
     * (replies, reaction counts: the reactions on every copy) and its buttons. A removed post says so alone.
     */
    static Attachment mirrored(Post post) {
        ObjectNode card = card(post.isRemoved() ? Post.REMOVED_TEXT : post.authorName() + ": " + cut(post.text(), SHORT));
        ArrayNode body = card.withArray("body");
        if (post.isRemoved()) {
            body.add(text(Post.REMOVED_TEXT));
            body.add(subtle(post.reference()));
            return attachment(card);
        }
        body.add(text(bold(post.authorName()) + " · via " + post.origin().label() + (post.edited() ? " (edited)" : ""))
                .put("spacing", "None"));
        body.add(text(post.text()));
        body.add(subtle(post.reference() + " · " + when(post.createdAt()) + " in " + post.slug()));
        if (!post.activity().isEmpty()) {
            body.add(subtle(post.activity()));
        }
        PostButtons.under(post).ifPresent(body::add);
        return attachment(card);
    }

    /** A thread whole: its first post, then its replies oldest first. */
    static Attachment thread(Reply.Thread thread) {
        return attachment(fitted(cut -> {
            ObjectNode card = card(thread.summary());
            ArrayNode body = card.withArray("body");
            body.add(heading("Thread in " + thread.root().slug()));
            post(body, thread.root(), false, cut);
            thread.replies().forEach(reply -> post(body, reply, false, cut));
            if (thread.replies().isEmpty()) {
                body.add(subtle("No reply yet: reply " + thread.root().reference() + " <text>."));
            }
            return card;
        }));
    }

    /** Questions or knowledge: a title, then each post as feeds show it. */
    static Attachment posts(Reply.Posts posts) {
        return attachment(fitted(cut -> {
            ObjectNode card = card(posts.summary());
            ArrayNode body = card.withArray("body");
            body.add(heading(posts.title()));
            if (posts.posts().isEmpty()) {
                body.add(text(posts.emptyHint()));
            }
            posts.posts().forEach(post -> post(body, post, false, cut));
            return card;
        }));
    }

    /**
     * Teams refuses a message of more than about 28 KB: a card of many posts is drawn with their whole words
     * when it fits, else with each post's words cut shorter until it does (Open thread shows a post whole).
     */
    static final int MAX_CARD_BYTES = 26_000;
    private static final int WHOLE = Integer.MAX_VALUE;
    private static final int SHORT = 280;
    private static final int[] CUTS = {WHOLE, 600, SHORT, 120, 40};

    private static ObjectNode fitted(java.util.function.IntFunction<ObjectNode> draw) {
        ObjectNode card = null;
        for (int cut : CUTS) {
            card = draw.apply(cut);
            if (bytes(card) <= MAX_CARD_BYTES) {
                return card;
            }
        }
        return card;
    }

    static int bytes(ObjectNode card) {
        return card.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** The first {@code max} characters of a post's words, and a mark saying there is more. */
    private static String cut(String words, int max) {
        if (max == WHOLE || words.codePointCount(0, words.length()) <= max) {
            return words;
        }
        return words.substring(0, words.offsetByCodePoints(0, max)).stripTrailing() + "… (more in its thread)";
    }

    /**
     * A month's costs: a FactSet of each community's cost (top services, budget and share used), the platform's
     * line for finance, the prices' date and source, "estimated" when units were computed, and links.
     */
    static Attachment costs(Reply.Costs costs) {
        ObjectNode card = card(costs.summary());
        ArrayNode body = card.withArray("body");
        body.add(heading("Costs for " + costs.month() + (costs.estimated() ? " (estimated)" : "") + ": "
                + Reply.Costs.dollars(costs.total())));
        if (costs.communities().isEmpty() && costs.platform().isEmpty()) {
            body.add(text(costs.summary()));
        }
        List<String> facts = new ArrayList<>();
        for (Reply.CommunityCost line : costs.communities()) {
            facts.add(line.name());
            facts.add(line.line().substring(line.name().length() + 2));
        }
        costs.platform().ifPresent(line -> {
            facts.add("platform");
            facts.add(line.line().substring(line.name().length() + 2) + " (what no community caused)");
        });
        if (!facts.isEmpty()) {
            body.add(facts(facts.toArray(String[]::new)));
        }
        body.add(subtle(costs.footnote()));
        ArrayNode actions = JSON.arrayNode();
        costs.chartUrl().ifPresent(url -> actions.addObject().put("type", "Action.OpenUrl").put("title", "Chart")
                .put("url", url));
        costs.csvUrl().ifPresent(url -> actions.addObject().put("type", "Action.OpenUrl").put("title", "CSV (FOCUS)")
                .put("url", url));
        if (!actions.isEmpty()) {
            card.set("actions", actions);
        }
        return attachment(card);
    }

    /** A community's moderation actions, newest first, for its stewards. */
    static Attachment audit(Reply.Audit audit) {
        ObjectNode card = card(audit.summary());
        ArrayNode body = card.withArray("body");
        body.add(heading("Audit trail of " + audit.community()));
        if (audit.entries().isEmpty()) {
            body.add(text(audit.summary()));
        }
        audit.entries().forEach(entry -> body.add(text(when(entry.at()) + " · " + entry.sentence()).put("separator", true)));
        return attachment(card);
    }

    static Attachment communities(Reply.CommunityList list) {
        ObjectNode card = card(list.summary());
        ArrayNode body = card.withArray("body");
        body.add(heading(list.query().isEmpty() ? "Communities" : "Communities matching “" + list.query() + "”"));
        if (list.communities().isEmpty()) {
            body.add(text(list.summary()));
        }
        list.communities().forEach(listed -> listed(body, listed, list.query()));
        if (!list.suggested().isEmpty()) {
            body.add(text("**Suggested for your roles and skills**").put("spacing", "Medium"));
            list.suggested().forEach(listed -> listed(body, listed, list.query()));
        }
        return attachment(card);
    }

    private static void listed(ArrayNode body, Reply.Listed listed, String query) {
        Community community = listed.community();
        ObjectNode container = body.addObject();
        container.put("type", "Container");
        container.put("separator", true);
        ArrayNode items = container.putArray("items");
        items.add(text("**" + community.slug() + "** · " + escape(community.name())));
        items.add(text(community.purpose()));
        items.add(subtle(Aggregate.members(community.memberCount()) + " · " + state(community)
                + (listed.member() ? " · you are a member" : joinHint(community, listed.invited()))));
        ArrayNode buttons = JSON.arrayNode();
        String slug = community.slug().value();
        if (listed.member()) {
            buttons.add(CardActions.button("Leave", CardActions.LEAVE, slug, CardActions.Origin.LIST, query, null));
        } else if (!community.archived()) {
            buttons.add(joinButton(community, listed.invited(), CardActions.Origin.LIST, query));
        }
        if (!buttons.isEmpty()) {
            items.add(actionSet(buttons));
        }
    }

    /** Join for an open community or an invitation; Ask to join for a closed one. */
    private static ObjectNode joinButton(Community community, boolean invited, CardActions.Origin origin, String query) {
        String title = community.open() || invited ? "Join" : "Ask to join";
        return CardActions.button(title, CardActions.JOIN, community.slug().value(), origin, query, "positive");
    }

    private static ObjectNode actionSet(ArrayNode actions) {
        ObjectNode set = JSON.objectNode();
        set.put("type", "ActionSet");
        set.set("actions", actions);
        return set;
    }

    /** Purpose, state, tags, stewards (named), size, and where the reader stands. */
    static Attachment info(Reply.Info info) {
        Community community = info.community();
        ObjectNode card = card(info.summary());
        ArrayNode body = card.withArray("body");
        body.add(heading(community.slug() + " · " + community.name()));
        body.add(text(community.purpose()));
        List<String> stewards = new ArrayList<>();
        for (Person steward : info.stewards()) {
            stewards.add(bold(steward.displayName()));
        }
        body.add(facts(
                "State", stateSentence(community),
                "Tags", community.tags().isEmpty() ? "none yet" : String.join(", ", community.tags()),
                "Stewards", stewards.isEmpty() ? "none" : String.join(", ", stewards),
                "Size", Aggregate.members(community.memberCount())));
        body.add(text(standing(community, info.standing())));
        ArrayNode buttons = card.putArray("actions");
        String slug = community.slug().value();
        switch (info.standing()) {
            case STEWARD, MEMBER -> buttons.add(CardActions.button("Leave", CardActions.LEAVE, slug,
                    CardActions.Origin.INFO, null, null));
            case INVITED -> buttons.add(joinButton(community, true, CardActions.Origin.INFO, null));
            case NONE -> {
                if (!community.archived()) {
                    buttons.add(joinButton(community, false, CardActions.Origin.INFO, null));
                }
            }
            case REQUESTED -> {
            }
        }
        if (info.standing() == Reply.Standing.STEWARD && !community.open()) {
            buttons.add(CardActions.button("Join requests", CardActions.REQUESTS, slug, CardActions.Origin.REQUESTS,
                    null, null));
        }
        if (buttons.isEmpty()) {
            card.remove("actions");
        }
        return attachment(card);
    }

    /** The requests waiting, oldest first: who asked and when, and what to send to answer. */
    static Attachment requests(Reply.Requests requests) {
        ObjectNode card = card(requests.summary());
        ArrayNode body = card.withArray("body");
        body.add(heading("Join requests in " + requests.community()));
        if (requests.requests().isEmpty()) {
            body.add(text(requests.summary()));
        }
        for (JoinRequest request : requests.requests()) {
            ObjectNode container = body.addObject();
            container.put("type", "Container");
            container.put("separator", true);
            ArrayNode items = container.putArray("items");
            items.add(text(bold(request.personName()) + " asked " + when(request.at())));
            String person = " @" + request.personName();
            items.add(subtle("approve " + requests.community() + person + " · decline " + requests.community() + person));
            // By id: the request may come from Slack as well as from Teams.
            ArrayNode buttons = JSON.arrayNode();
            buttons.add(CardActions.decision("Approve", CardActions.APPROVE, requests.community(), request.personId(),
                    "positive"));
            buttons.add(CardActions.decision("Decline", CardActions.DECLINE, requests.community(), request.personId(),
                    "destructive"));
            items.add(actionSet(buttons));
        }
        if (!requests.requests().isEmpty()) {
            body.add(subtle("Approve or decline here, or send approve or decline with the community and an @mention"
                    + " of the person (type @ and pick their name)."));
        }
        return attachment(card);
    }

    /** The card of an answer that has one with buttons (info, a list, requests), to draw again after a click. */
    static java.util.Optional<ObjectNode> actionable(Reply reply, String readerTenant) {
        Attachment drawn = switch (reply) {
            case Reply.Info info -> info(info);
            case Reply.CommunityList list -> communities(list);
            case Reply.Requests requests -> requests(requests);
            case Reply.Feed feed -> feed(feed);
            case Reply.Thread thread -> thread(thread);
            default -> null;
        };
        return java.util.Optional.ofNullable(drawn).map(a -> (ObjectNode) a.getContent());
    }

    /** Puts what a click did at the top of the card drawn again. */
    static void headWith(ObjectNode card, String sentence) {
        card.withArray("body").insert(0, text(sentence).put("color", "Good").put("weight", "Bolder"));
    }

    /**
     * whoami, roles, skills: the accounts I use Ciment from, the email address that links them (or why
     * they stay apart), whether I am a guest, and what I declared.
     */
    /** Whether the address links my accounts, when whoami did not say why it does not. */
    private static String linking(ciment.core.model.Profile profile) {
        if (profile.vouchedBy().isPresent()) {
            return "Your accounts are linked by this verified email address: your Slack and Teams accounts with it are"
                    + " one person in Ciment, with the same communities.";
        }
        return profile.email().isPresent()
                ? "This address is not checked yet: whoami checks it, and links your accounts by it when your tenant is"
                        + " trusted for it."
                : "Teams has not given Ciment a verified email address for you, so this account stays separate from"
                        + " your other chat accounts.";
    }

    static Attachment me(Reply.Me me, String readerTenant) {
        ObjectNode card = card(me.summary());
        ArrayNode body = card.withArray("body");
        Person person = me.profile().person();
        body.add(heading(person.displayName()));
        List<String> accounts = me.accounts().stream().map(account -> accountName(account, readerTenant)).toList();
        body.add(facts(
                "Accounts", accounts.isEmpty() ? "none" : String.join(", ", accounts),
                "Email", me.profile().email().orElse("not known"),
                "Roles", me.profile().roles().isEmpty() ? "none yet" : String.join(", ", me.profile().roles()),
                "Skills", me.profile().skills().isEmpty() ? "none yet" : String.join(", ", me.profile().skills())));
        body.add(text(me.unlinked().orElseGet(() -> linking(me.profile()))));
        if (person.guest()) {
            body.add(text("You take part as a guest: you see and join the communities a steward invites you to."));
        }
        body.add(subtle("Change them with roles add|remove <text> and skills add|remove <text>: colleagues find "
                + "you with who <skill>."));
        return attachment(card);
    }

    /**
     * who: the people (by name, as sorted by Ciment, never ranked), each with where the reader can reach
     * them, and the communities tagged with the topic.
     */
    static Attachment who(Reply.Who who, String readerTenant) {
        ObjectNode card = card(who.summary());
        ArrayNode body = card.withArray("body");
        body.add(heading("Who for “" + who.topic() + "”"));
        if (who.people().isEmpty() && who.communities().isEmpty()) {
            body.add(text(who.summary()));
        }
        if (!who.people().isEmpty()) {
            body.add(text("**People**").put("spacing", "Medium"));
        }
        for (Reply.Found found : who.people()) {
            ObjectNode container = body.addObject();
            container.put("type", "Container");
            container.put("separator", true);
            ArrayNode items = container.putArray("items");
            items.add(text(bold(found.person().displayName())));
            items.add(subtle(reach(found.accounts(), readerTenant)));
        }
        if (!who.communities().isEmpty()) {
            body.add(text("**Communities**").put("spacing", "Medium"));
        }
        for (Community community : who.communities()) {
            ObjectNode container = body.addObject();
            container.put("type", "Container");
            container.put("separator", true);
            ArrayNode items = container.putArray("items");
            items.add(text("**" + community.slug() + "** · " + escape(community.name())));
            items.add(text(community.purpose()));
            items.add(subtle(state(community) + joinHint(community, false)));
        }
        return attachment(card);
    }

    /**
     * A community found by the messaging extension, as put in a conversation for everyone there: what it
     * is, and a button for whoever reads it (Join or Ask to join; a click answers with their info card).
     */
    static ObjectNode communityResult(Community community) {
        ObjectNode card = card(community.slug() + ": " + community.purpose());
        ArrayNode body = card.withArray("body");
        body.add(heading(community.slug() + " · " + community.name()));
        body.add(text(community.purpose()));
        body.add(subtle(Aggregate.members(community.memberCount()) + " · " + state(community)
                + (community.tags().isEmpty() ? "" : " · " + String.join(", ", community.tags()))));
        if (!community.archived()) {
            card.putArray("actions").add(joinButton(community, false, CardActions.Origin.INFO, null));
        }
        return card;
    }

    /**
     * A person found by the messaging extension: their name, roles and skills as they typed them, and a
     * way to reach them (a Teams chat link, by email address or, in the reader's organisation, by their
     * AAD object id). Never a count, never a rank.
     */
    static ObjectNode personResult(ciment.core.service.PeopleSearch.Found found, String readerTenant) {
        Person person = found.person();
        ObjectNode card = card(person.displayName());
        ArrayNode body = card.withArray("body");
        body.add(heading(escape(person.displayName())));
        body.add(facts(
                "Roles", declared(found.profile().roles()),
                "Skills", declared(found.profile().skills())));
        java.util.Optional<String> chat = chatLink(found, readerTenant);
        if (chat.isPresent()) {
            ObjectNode open = card.putArray("actions").addObject();
            open.put("type", "Action.OpenUrl");
            open.put("title", "Chat in Teams");
            open.put("url", chat.get());
        } else {
            body.add(subtle(reach(found.accounts(), readerTenant)));
        }
        return card;
    }

    static String declared(List<String> topics) {
        return topics.isEmpty() ? "none yet" : String.join(", ", topics);
    }

    /**
     * Teams' deep link to a chat with someone, when Ciment knows an address Teams resolves: a vouched one (any
     * other could be someone else's, and the link would open a chat with them).
     */
    static java.util.Optional<String> chatLink(ciment.core.service.PeopleSearch.Found found, String readerTenant) {
        java.util.Optional<String> user = found.profile().vouchedAddress().map(ciment.core.model.VouchedAddress::email)
                .or(() -> found.accounts().stream()
                .filter(a -> a.platform() == Platform.TEAMS && a.workspace().equals(readerTenant))
                .map(ChatAccount::userId)
                .filter(id -> !id.startsWith("29:")) // a Teams id, not an AAD object id: no link takes it
                .findFirst());
        return user.map(u -> "https://teams.microsoft.com/l/chat/0/0?users="
                + java.net.URLEncoder.encode(u, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Where the reader can reach someone. The name in the card is not a link: someone of the reader's
     * organisation is found by name in Teams' own search, or a new chat's To field.
     */
    private static String reach(List<ChatAccount> accounts, String readerTenant) {
        boolean here = accounts.stream()
                .anyMatch(a -> a.platform() == Platform.TEAMS && a.workspace().equals(readerTenant));
        boolean otherTeams = !here && accounts.stream().anyMatch(a -> a.platform() == Platform.TEAMS);
        boolean slack = accounts.stream().anyMatch(a -> a.platform() == Platform.SLACK);
        List<String> ways = new ArrayList<>();
        if (here) {
            ways.add("on Teams: find them by name in Teams' search or in a new chat");
        }
        if (otherTeams) {
            ways.add("on Teams, in another organisation");
        }
        if (slack) {
            ways.add("on Slack");
        }
        return ways.isEmpty() ? "not reachable from a chat tool yet" : String.join(" · ", ways);
    }

    private static String accountName(ChatAccount account, String readerTenant) {
        if (account.platform() == Platform.TEAMS) {
            return account.workspace().equals(readerTenant) ? "Teams (this organisation)"
                    : "Teams (organisation " + account.workspace() + ")";
        }
        return account.platform().label() + " (workspace " + account.workspace() + ")";
    }

    private static String state(Community community) {
        return (community.open() ? "open" : "closed") + (community.archived() ? " · archived" : "");
    }

    private static String stateSentence(Community community) {
        if (community.archived()) {
            return "archived: readable, closed to posts and new members";
        }
        return community.open() ? "open: anyone can join" : "closed: joining needs a steward's approval";
    }

    private static String joinHint(Community community, boolean invited) {
        if (community.archived()) {
            return "";
        }
        if (invited) {
            return " · you are invited: join " + community.slug();
        }
        return community.open() ? " · join " + community.slug() : " · ask to join: join " + community.slug();
    }

    private static String standing(Community community, Reply.Standing standing) {
        String slug = community.slug().value();
        return switch (standing) {
            case STEWARD -> "You are a steward of " + slug + ".";
            case MEMBER -> "You are a member of " + slug + ".";
            case INVITED -> "You are invited to " + slug + ": join with join " + slug + ", no approval needed.";
            case REQUESTED -> "Your request to join " + slug + " waits for a steward.";
            case NONE -> community.archived() ? slug + " is archived: nobody joins it until a steward restores it."
                    : community.open() ? "Join with join " + slug + "."
                    : "Ask to join with join " + slug + ": a steward answers.";
        };
    }

    /** A FactSet from title, value pairs. */
    private static ObjectNode facts(String... titlesAndValues) {
        ObjectNode set = JSON.objectNode();
        set.put("type", "FactSet");
        ArrayNode facts = set.putArray("facts");
        for (int i = 0; i + 1 < titlesAndValues.length; i += 2) {
            facts.addObject().put("title", titlesAndValues[i]).put("value", titlesAndValues[i + 1]);
        }
        return set;
    }

    private static ObjectNode card(String fallbackText) {
        ObjectNode card = JSON.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", SCHEMA);
        card.put("version", VERSION);
        card.put("fallbackText", fallbackText);
        card.putArray("body");
        return card;
    }

    private static ObjectNode heading(String title) {
        return text(title).put("size", "Medium").put("weight", "Bolder");
    }

    static ObjectNode text(String value) {
        ObjectNode block = JSON.objectNode();
        block.put("type", "TextBlock");
        block.put("text", value);
        block.put("wrap", true);
        return block;
    }

    private static ObjectNode subtle(String value) {
        return text(value).put("isSubtle", true).put("size", "Small").put("spacing", "None");
    }

    /** Teams renders the date and time in the reader's own time zone and language. */
    private static String when(Instant at) {
        String iso = at.truncatedTo(ChronoUnit.SECONDS).toString();
        return "{{DATE(" + iso + ", SHORT)}} {{TIME(" + iso + ")}}";
    }

    /** A person's name, in bold. */
    private static String bold(String name) {
        return "**" + escape(name) + "**";
    }

    /** Names are shown in bold: keep their own asterisks and underscores from breaking the markup. */
    private static String escape(String name) {
        return name == null ? "" : name.replace("*", "\\*").replace("_", "\\_");
    }

    private static Attachment attachment(ObjectNode card) {
        Attachment attachment = new Attachment();
        attachment.setContentType(CONTENT_TYPE);
        attachment.setContent(card);
        return attachment;
    }
}
