package ciment.teams;

import static ciment.teams.CardText.bold;
import static ciment.teams.CardText.run;

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
import java.util.Optional;

/**
 * Adaptive Cards (schema 1.5, which Teams renders; its Action.Execute buttons need 1.4) for answers
 * that are lists or records. Buttons run the same commands as the words (CardActions). A Teams bot
 * cannot post as a person, so every post names its author in the card. People are named, never counted
 * one by one: a community's size shows only from 5 members (Aggregate). Names are in bold, never Teams
 * mentions: a person mentioned in a bot's card gets a notification in their activity feed, and nobody
 * should be pinged because someone else looked up a community, its requests or a skill.
 *
 * <p>Whatever people typed (words, names, purposes, tags, reasons) is in TextRuns, shown as typed
 * ({@link CardText}); TextBlocks, which Teams reads as markdown, hold only Ciment's own words and dates.
 * Every card is drawn within {@link TeamsWire#CARD_BUDGET} bytes as the SDK sends them ({@link CardFit}):
 * long words are cut, with the way to the rest (Open thread, or Read on in a thread).
 */
final class AdaptiveCards {
    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    static final String VERSION = "1.5";
    /** A name (an author's, a steward's) is cut to this many characters in a card. */
    static final int NAME_MAX = 64;
    /** A line under a post (replies, the latest one's words, reactions) is cut to this many characters. */
    static final int LINE_MAX = 300;
    /** ...and to this many in a compact list, where a name is cut to {@link #SHORT_NAME_MAX}. */
    static final int SHORT_LINE_MAX = 48;
    static final int SHORT_NAME_MAX = 24;
    /** A search's words are cut to this many characters in a card and in its buttons' data. */
    static final int QUERY_MAX = 100;
    /** What ends a post's words cut in a list: its thread has them all. */
    static final String MORE = "… (more in its thread)";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AdaptiveCards() {
    }

    static Attachment feed(Reply.Feed feed) {
        return attachment(CardFit.list(feed.posts().size(), room -> {
            ObjectNode card = headed(feed.summary(), feed.title(), feed.posts().isEmpty(), feed.emptyHint());
            ArrayNode body = card.withArray("body");
            feed.posts().stream().limit(room.items()).forEach(post -> post(body, post, feed.isHome(), room));
            notShown(body, feed.posts().size() - room.items(), "posts");
            feed.nextCursor().ifPresent(cursor -> card.putArray("actions").add(CardActions.more(feed.community(),
                    cursor)));
            return card;
        }));
    }

    /**
     * A post in a feed or a list: author, words (cut to the room's characters, the rest in its thread),
     * reference and time, its replies and reaction counts, then its buttons (PostButtons). Compact, it has
     * React and Open thread only (its thread has Reply).
     */
    private static void post(ArrayNode body, Post post, boolean home, CardFit.Room room) {
        ArrayNode items = container(body);
        items.add(byline(post, home ? " in " + post.slug() : "", room.compact()));
        items.add(CardText.block(cut(post.text(), room.words())));
        items.add(subtle(post.reference() + " · " + when(post.createdAt()) + " · from " + post.origin().label()));
        activity(items, post, room.words(), room.compact());
        PostButtons.under(post).ifPresent(set -> items.add(room.compact() ? compact(set) : set));
    }

    /** A post's buttons, but Reply: what a compact post keeps. */
    private static ObjectNode compact(ObjectNode buttons) {
        ArrayNode kept = JSON.arrayNode();
        buttons.withArray("actions").forEach(action -> {
            if (!"Action.ShowCard".equals(action.path("type").asText())) { // Reply's box
                kept.add(action);
            }
        });
        return actionSet(kept);
    }

    private static ObjectNode byline(Post post, String after) {
        return byline(post, after, false);
    }

    /** The author in bold (never a mention), then where and whether edited. */
    private static ObjectNode byline(Post post, String after, boolean compact) {
        return CardText.block(bold(CardText.cut(post.authorName(), compact ? SHORT_NAME_MAX : NAME_MAX)),
                run(after + (post.edited() ? " (edited)" : ""))).put("spacing", "None");
    }

    /**
     * Its replies and reaction counts; cut short, a post's line leaves out its latest reply's words too, and
     * compact, it is cut shorter.
     */
    private static void activity(ArrayNode items, Post post, int words, boolean compact) {
        String activity = words <= CardFit.SHORT && post.latestReply() != null
                ? post.withReplies(post.replyCount(), null).activity() : post.activity();
        if (!activity.isEmpty()) {
            items.add(CardText.subtle(run(CardText.cut(activity, compact ? SHORT_LINE_MAX : LINE_MAX))));
        }
    }

    /** The post just made (or edited): as much of it as fits, with its buttons, under the answer's sentence. */
    static Attachment posted(Reply.Posted posted) {
        Post post = posted.post();
        return attachment(CardFit.words(length(post.text()), words -> {
            ObjectNode card = card(posted.summary());
            post(card.withArray("body"), post, true, new CardFit.Room(words, 1, false));
            return card;
        }));
    }

    /**
     * A notice about a post (a mention): its sentence, then Open thread and Reply, so the person reads and
     * answers it where the notice reached them.
     */
    static Attachment aboutPost(String sentence, String postRef) {
        return attachment(CardFit.words(length(sentence), words -> {
            ObjectNode card = card(sentence);
            card.withArray("body").add(CardText.block(cut(sentence, words)));
            card.set("actions", PostButtons.forNotice(postRef));
            return card;
        }));
    }

    /**
     * A post mirrored into a linked channel: a bot cannot post as a person, so the card names its author in
     * bold and where they wrote it ("via Slack"), then its words, its reference and time, its activity line
     * (replies, reaction counts: the reactions on every copy) and its buttons. A removed post says so alone.
     */
    static Attachment mirrored(Post post) {
        if (post.isRemoved()) {
            ObjectNode card = card(Post.REMOVED_TEXT);
            ArrayNode body = card.withArray("body");
            body.add(text(Post.REMOVED_TEXT));
            body.add(subtle(post.reference()));
            return attachment(card);
        }
        return attachment(CardFit.words(length(post.text()), words -> {
            ObjectNode card = card(post.authorName() + ": " + post.text());
            ArrayNode body = card.withArray("body");
            body.add(byline(post, " · via " + post.origin().label()));
            body.add(CardText.block(cut(post.text(), words)));
            body.add(subtle(post.reference() + " · " + when(post.createdAt()) + " in " + post.slug()));
            activity(body, post, words, false);
            PostButtons.under(post).ifPresent(body::add);
            return card;
        }));
    }

    /**
     * A thread whole: its first post, then its replies oldest first. Words cut short end with Read on (the
     * rest of that post); a reply has only React here, the first post's Reply and Open thread serving them all.
     */
    static Attachment thread(Reply.Thread thread) {
        return attachment(CardFit.list(thread.replies().size(), room -> {
            ObjectNode card = card(thread.summary());
            ArrayNode body = card.withArray("body");
            body.add(heading("Thread in " + thread.root().slug()));
            inThread(body, thread.root(), room);
            thread.replies().stream().limit(room.items()).forEach(reply -> inThread(body, reply, room));
            notShown(body, thread.replies().size() - room.items(), "replies");
            if (thread.replies().isEmpty()) {
                body.add(subtle("No reply yet: reply " + thread.root().reference() + " <text>."));
            }
            return card;
        }));
    }

    private static void inThread(ArrayNode body, Post post, CardFit.Room room) {
        int words = room.words();
        ArrayNode items = container(body);
        items.add(byline(post, "", room.compact()));
        items.add(CardText.block(CardText.cut(post.text(), words)));
        items.add(subtle(post.reference() + " · " + when(post.createdAt()) + " · from " + post.origin().label()));
        activity(items, post, words, room.compact());
        ArrayNode buttons = JSON.arrayNode();
        if (length(post.text()) > words) {
            buttons.add(PostButtons.readOn(post.reference(), words - 1));
        }
        if (post.isReply()) {
            PostButtons.under(post).ifPresent(set -> set.withArray("actions").forEach(action -> {
                if (PostButtons.REACT.equals(action.path("verb").asText())) {
                    buttons.add(action);
                }
            }));
        } else {
            PostButtons.under(post).ifPresent(set -> buttons.addAll(set.withArray("actions")));
        }
        if (!buttons.isEmpty()) {
            items.add(actionSet(buttons));
        }
    }

    /**
     * The rest of a post's words, from the character {@code from} on (a click on Read on): as much as fits,
     * with Read on again when more remains, and Open thread to go back.
     */
    static ObjectNode readOn(Post post, int from) {
        String rest = post.text().substring(post.text().offsetByCodePoints(0, Math.min(Math.max(from, 0),
                length(post.text())))).stripLeading();
        int shownBefore = length(post.text()) - length(rest);
        return CardFit.words(length(rest), words -> {
            ObjectNode card = card(post.reference() + " (continued)");
            ArrayNode body = card.withArray("body");
            body.add(heading("Post " + post.reference() + " in " + post.slug() + ", continued"));
            body.add(byline(post, ""));
            body.add(CardText.block("…" + CardText.cut(rest, words)));
            ArrayNode buttons = card.putArray("actions");
            if (length(rest) > words) {
                buttons.add(PostButtons.readOn(post.reference(), shownBefore + words - 1));
            }
            buttons.add(PostButtons.openThread(post.reference()));
            return card;
        });
    }

    /** Questions or knowledge: a title, then each post as feeds show it. */
    static Attachment posts(Reply.Posts posts) {
        return attachment(CardFit.list(posts.posts().size(), room -> {
            ObjectNode card = headed(posts.summary(), posts.title(), posts.posts().isEmpty(), posts.emptyHint());
            ArrayNode body = card.withArray("body");
            posts.posts().stream().limit(room.items()).forEach(post -> post(body, post, false, room));
            notShown(body, posts.posts().size() - room.items(), "posts");
            return card;
        }));
    }

    /** The first {@code max} characters of a post's words, and a mark saying there is more in its thread. */
    private static String cut(String words, int max) {
        if (length(words) <= max) {
            return words;
        }
        return words.substring(0, words.offsetByCodePoints(0, max)).stripTrailing() + MORE;
    }

    private static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    /** "…and 3 more replies not shown." when a list was cut to fit. */
    static void notShown(ArrayNode body, int hidden, String what) {
        if (hidden > 0) {
            body.add(subtle("…and " + hidden + " more " + what + " not shown."));
        }
    }

    /**
     * A month's costs: each community's cost (top services, budget and share used), the platform's line for
     * finance, the prices' date and source, "estimated" when units were computed, and links.
     */
    static Attachment costs(Reply.Costs costs) {
        return attachment(CardFit.list(costs.communities().size(), room -> {
            ObjectNode card = card(costs.summary());
            ArrayNode body = card.withArray("body");
            body.add(heading("Costs for " + costs.month() + (costs.estimated() ? " (estimated)" : "") + ": "
                    + Reply.Costs.dollars(costs.total())));
            if (costs.communities().isEmpty() && costs.platform().isEmpty()) {
                body.add(text(costs.summary()));
            }
            costs.communities().stream().limit(room.items()).forEach(line -> body.add(fact(line.name(),
                    run(line.line().substring(line.name().length() + 2)))));
            notShown(body, costs.communities().size() - room.items(), "communities");
            costs.platform().ifPresent(line -> body.add(fact("platform",
                    run(line.line().substring(line.name().length() + 2) + " (what no community caused)"))));
            body.add(subtle(costs.footnote()));
            ArrayNode actions = JSON.arrayNode();
            costs.chartUrl().ifPresent(url -> actions.add(openUrl("Chart", url)));
            costs.csvUrl().ifPresent(url -> actions.add(openUrl("CSV (FOCUS)", url)));
            if (!actions.isEmpty()) {
                card.set("actions", actions);
            }
            return card;
        }));
    }

    private static ObjectNode openUrl(String title, String url) {
        return JSON.objectNode().put("type", "Action.OpenUrl").put("title", title).put("url", url);
    }

    /** A community's moderation actions, newest first, for its stewards: when, then what (reasons as typed). */
    static Attachment audit(Reply.Audit audit) {
        return attachment(CardFit.list(audit.entries().size(), room -> {
            ObjectNode card = headed(audit.summary(), "Audit trail of " + audit.community(), audit.entries().isEmpty(),
                    audit.summary());
            ArrayNode body = card.withArray("body");
            audit.entries().stream().limit(room.items()).forEach(entry -> {
                ArrayNode items = container(body);
                items.add(subtle(when(entry.at())));
                items.add(CardText.block(CardText.cut(entry.sentence(), room.words())));
            });
            notShown(body, audit.entries().size() - room.items(), "actions");
            return card;
        }));
    }

    /**
     * Communities found: each with its button, whose data keeps the search's words to draw the list again
     * after a click (the first {@link #QUERY_MAX} characters: a search is a few words).
     */
    static Attachment communities(Reply.CommunityList list) {
        int count = list.communities().size() + list.suggested().size();
        String query = list.query().substring(0, list.query().offsetByCodePoints(0,
                Math.min(QUERY_MAX, list.query().codePointCount(0, list.query().length()))));
        return attachment(CardFit.list(count, room -> {
            ObjectNode card = card(list.summary());
            ArrayNode body = card.withArray("body");
            body.add(heading(query.isEmpty() ? "Communities"
                    : "Communities matching “" + CardText.cut(list.query(), QUERY_MAX) + "”"));
            if (list.communities().isEmpty()) {
                body.add(text(CardText.cut(list.summary(), LINE_MAX)));
            }
            list.communities().stream().limit(room.items())
                    .forEach(listed -> listed(body, listed, query, room.words()));
            int suggested = Math.max(0, room.items() - list.communities().size());
            if (!list.suggested().isEmpty() && suggested > 0) {
                body.add(CardText.block(bold("Suggested for your roles and skills")).put("spacing", "Medium"));
                list.suggested().stream().limit(suggested).forEach(listed -> listed(body, listed, query,
                        room.words()));
            }
            notShown(body, count - room.items(), "communities");
            return card;
        }));
    }

    private static void listed(ArrayNode body, Reply.Listed listed, String query, int words) {
        Community community = listed.community();
        ArrayNode items = container(body);
        items.add(title(community));
        items.add(CardText.block(CardText.cut(community.purpose(), words)));
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

    /** A community's slug in bold, then its name. */
    private static ObjectNode title(Community community) {
        return CardText.block(bold(community.slug().value()), run(" · " + CardText.cut(community.name(), NAME_MAX)));
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
        return attachment(CardFit.list(info.stewards().size(), room -> {
            ObjectNode card = card(info.summary());
            ArrayNode body = card.withArray("body");
            body.add(heading(community.slug() + " · " + CardText.cut(community.name(), NAME_MAX)));
            body.add(CardText.block(CardText.cut(community.purpose(), room.words())));
            List<ObjectNode> stewards = new ArrayList<>();
            info.stewards().stream().limit(room.items()).forEach(steward -> {
                stewards.add(run(stewards.isEmpty() ? "" : ", "));
                stewards.add(bold(CardText.cut(steward.displayName(), NAME_MAX)));
            });
            if (info.stewards().size() > room.items()) {
                stewards.add(run(" and " + (info.stewards().size() - room.items()) + " more"));
            }
            body.add(fact("State", run(stateSentence(community))));
            body.add(fact("Tags", run(CardText.cut(community.tags().isEmpty() ? "none yet"
                    : String.join(", ", community.tags()), room.words()))));
            body.add(fact("Stewards", stewards.isEmpty() ? new ObjectNode[] {run("none")}
                    : stewards.toArray(ObjectNode[]::new)));
            body.add(fact("Size", run(Aggregate.members(community.memberCount()))));
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
                buttons.add(CardActions.button("Join requests", CardActions.REQUESTS, slug,
                        CardActions.Origin.REQUESTS, null, null));
            }
            if (buttons.isEmpty()) {
                card.remove("actions");
            }
            return card;
        }));
    }

    /** The requests waiting, oldest first: who asked and when, and what to send to answer. */
    static Attachment requests(Reply.Requests requests) {
        return attachment(CardFit.list(requests.requests().size(), room -> {
            ObjectNode card = headed(requests.summary(), "Join requests in " + requests.community(),
                    requests.requests().isEmpty(), requests.summary());
            ArrayNode body = card.withArray("body");
            for (JoinRequest request : requests.requests().stream().limit(room.items()).toList()) {
                ArrayNode items = container(body);
                String name = CardText.cut(request.personName(), NAME_MAX);
                items.add(CardText.block(bold(name)).put("spacing", "None"));
                items.add(subtle("asked " + when(request.at())));
                String person = " @" + name;
                items.add(CardText.subtle(run("approve " + requests.community() + person + " · decline "
                        + requests.community() + person)));
                // By id: the request may come from Slack as well as from Teams.
                ArrayNode buttons = JSON.arrayNode();
                buttons.add(CardActions.decision("Approve", CardActions.APPROVE, requests.community(),
                        request.personId(), "positive"));
                buttons.add(CardActions.decision("Decline", CardActions.DECLINE, requests.community(),
                        request.personId(), "destructive"));
                items.add(actionSet(buttons));
            }
            notShown(body, requests.requests().size() - room.items(), "requests");
            if (!requests.requests().isEmpty()) {
                body.add(subtle("Approve or decline here, or send approve or decline with the community and an"
                        + " @mention of the person (type @ and pick their name)."));
            }
            return card;
        }));
    }

    /** The card of an answer that has one with buttons (info, a list, requests), to draw again after a click. */
    static Optional<ObjectNode> actionable(Reply reply, String readerTenant) {
        Attachment drawn = switch (reply) {
            case Reply.Info info -> info(info);
            case Reply.CommunityList list -> communities(list);
            case Reply.Requests requests -> requests(requests);
            case Reply.Feed feed -> feed(feed);
            case Reply.Thread thread -> thread(thread);
            default -> null;
        };
        return Optional.ofNullable(drawn).map(a -> (ObjectNode) a.getContent());
    }

    /**
     * Puts what a click did at the top of the card drawn again, in green: a sentence that may quote words
     * typed, so not in bold (Ciment's emphasis).
     */
    static void headWith(ObjectNode card, String sentence) {
        card.withArray("body").insert(0, CardText.block(run(CardText.cut(sentence, TeamsWire.SUMMARY_MAX))
                .put("color", "Good")));
    }

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

    /**
     * whoami, roles, skills: the accounts I use Ciment from, the email address that links them (or why
     * they stay apart), whether I am a guest, and what I declared.
     */
    static Attachment me(Reply.Me me, String readerTenant) {
        Person person = me.profile().person();
        return attachment(CardFit.list(1, room -> {
            ObjectNode card = card(me.summary());
            ArrayNode body = card.withArray("body");
            body.add(heading(CardText.cut(person.displayName(), NAME_MAX)));
            List<String> accounts = me.accounts().stream().map(account -> accountName(account, readerTenant)).toList();
            body.add(fact("Accounts", run(accounts.isEmpty() ? "none" : String.join(", ", accounts))));
            body.add(fact("Email", run(me.profile().email().orElse("not known"))));
            body.add(fact("Roles", run(CardText.cut(declared(me.profile().roles()), room.words()))));
            body.add(fact("Skills", run(CardText.cut(declared(me.profile().skills()), room.words()))));
            body.add(text(me.unlinked().orElseGet(() -> linking(me.profile()))));
            if (person.guest()) {
                body.add(text("You take part as a guest: you see and join the communities a steward invites you to."));
            }
            body.add(subtle("Change them with roles add|remove <text> and skills add|remove <text>: colleagues find "
                    + "you with who <skill>."));
            return card;
        }));
    }

    /**
     * who: the people (by name, as sorted by Ciment, never ranked), each with where the reader can reach
     * them, and the communities tagged with the topic.
     */
    static Attachment who(Reply.Who who, String readerTenant) {
        int count = who.people().size() + who.communities().size();
        return attachment(CardFit.list(count, room -> {
            ObjectNode card = headed(who.summary(), "Who for “" + who.topic() + "”", count == 0, who.summary());
            ArrayNode body = card.withArray("body");
            List<Reply.Found> people = who.people().stream().limit(room.items()).toList();
            if (!people.isEmpty()) {
                body.add(CardText.block(bold("People")).put("spacing", "Medium"));
            }
            for (Reply.Found found : people) {
                ArrayNode items = container(body);
                items.add(CardText.block(bold(CardText.cut(found.person().displayName(), NAME_MAX))));
                items.add(subtle(reach(found.accounts(), readerTenant)));
            }
            List<Community> communities = who.communities().stream()
                    .limit(Math.max(0, room.items() - who.people().size())).toList();
            if (!communities.isEmpty()) {
                body.add(CardText.block(bold("Communities")).put("spacing", "Medium"));
            }
            for (Community community : communities) {
                ArrayNode items = container(body);
                items.add(title(community));
                items.add(CardText.block(CardText.cut(community.purpose(), room.words())));
                items.add(subtle(state(community) + joinHint(community, false)));
            }
            notShown(body, count - room.items(), "results");
            return card;
        }));
    }

    /**
     * A community found by the messaging extension, as put in a conversation for everyone there: what it
     * is, and a button for whoever reads it (Join or Ask to join; a click answers with their info card).
     */
    static ObjectNode communityResult(Community community) {
        return communityResult(community, TeamsWire.CARD_BUDGET);
    }

    /** @param budget the bytes the card may weigh (a page of results shares one answer) */
    static ObjectNode communityResult(Community community, int budget) {
        return CardFit.words(length(community.purpose()), budget, words -> {
            ObjectNode card = card(community.slug() + ": " + community.purpose());
            ArrayNode body = card.withArray("body");
            body.add(heading(community.slug() + " · " + CardText.cut(community.name(), NAME_MAX)));
            body.add(CardText.block(CardText.cut(community.purpose(), words)));
            body.add(CardText.subtle(run(Aggregate.members(community.memberCount()) + " · " + state(community)
                    + (community.tags().isEmpty() ? "" : " · " + CardText.cut(String.join(", ", community.tags()),
                    words)))));
            if (!community.archived()) {
                card.putArray("actions").add(joinButton(community, false, CardActions.Origin.INFO, null));
            }
            return card;
        });
    }

    /**
     * A person found by the messaging extension: their name, roles and skills as they typed them, and a
     * way to reach them (a Teams chat link, by email address or, in the reader's organisation, by their
     * AAD object id). Never a count, never a rank.
     */
    static ObjectNode personResult(ciment.core.PeopleSearch.Found found, String readerTenant) {
        return personResult(found, readerTenant, TeamsWire.CARD_BUDGET);
    }

    /** @param budget the bytes the card may weigh (a page of results shares one answer) */
    static ObjectNode personResult(ciment.core.PeopleSearch.Found found, String readerTenant, int budget) {
        Person person = found.person();
        String declared = declared(found.profile().roles()) + declared(found.profile().skills());
        return CardFit.words(length(declared), budget, words -> {
            ObjectNode card = card(person.displayName());
            ArrayNode body = card.withArray("body");
            body.add(heading(CardText.cut(person.displayName(), NAME_MAX)));
            body.add(fact("Roles", run(CardText.cut(declared(found.profile().roles()), words))));
            body.add(fact("Skills", run(CardText.cut(declared(found.profile().skills()), words))));
            Optional<String> chat = chatLink(found, readerTenant);
            if (chat.isPresent()) {
                card.putArray("actions").add(openUrl("Chat in Teams", chat.get()));
            } else {
                body.add(subtle(reach(found.accounts(), readerTenant)));
            }
            return card;
        });
    }

    static String declared(List<String> topics) {
        return topics.isEmpty() ? "none yet" : String.join(", ", topics);
    }

    /**
     * Teams' deep link to a chat with someone, when Ciment knows an address Teams resolves: a vouched one (any
     * other could be someone else's, and the link would open a chat with them).
     */
    static java.util.Optional<String> chatLink(ciment.core.PeopleSearch.Found found, String readerTenant) {
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

    /** A fact: its title in bold, then its value's runs (typed words, names in bold). */
    private static ObjectNode fact(String title, ObjectNode... value) {
        ObjectNode[] runs = new ObjectNode[value.length + 1];
        runs[0] = bold(title + ": ");
        System.arraycopy(value, 0, runs, 1, value.length);
        return CardText.block(runs).put("spacing", "None");
    }

    /** A separated container in the body; its items. */
    private static ArrayNode container(ArrayNode body) {
        ObjectNode container = body.addObject();
        container.put("type", "Container");
        container.put("separator", true);
        return container.putArray("items");
    }

    /** A card headed by its title, and when its list is empty, the sentence saying so. */
    static ObjectNode headed(String summary, String title, boolean empty, String whenEmpty) {
        ObjectNode card = card(summary);
        card.withArray("body").add(heading(title));
        if (empty) {
            card.withArray("body").add(text(whenEmpty));
        }
        return card;
    }

    /** A card; its fallbackText (what a client that cannot draw it shows) is read as markdown, so made inert. */
    private static ObjectNode card(String fallbackText) {
        ObjectNode card = JSON.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", SCHEMA);
        card.put("version", VERSION);
        card.put("fallbackText", CardText.inert(CardText.cut(fallbackText, TeamsWire.SUMMARY_MAX)));
        card.putArray("body");
        return card;
    }

    /** A heading: its words may echo what was typed (a query, a topic), so in a run. */
    private static ObjectNode heading(String title) {
        return CardText.block(run(CardText.cut(title, LINE_MAX)).put("size", "Medium").put("weight", "Bolder"));
    }

    /** A sentence (Ciment's, which may quote what was typed): in a run. */
    static ObjectNode text(String value) {
        return CardText.block(value);
    }

    /**
     * A small line of Ciment's own words with dates ({{DATE}} and {{TIME}}, which Teams renders in the
     * reader's time zone): a TextBlock, so only references, slugs and labels ever go in it.
     */
    private static ObjectNode subtle(String ours) {
        ObjectNode block = JSON.objectNode();
        block.put("type", "TextBlock");
        block.put("text", ours);
        block.put("wrap", true);
        return block.put("isSubtle", true).put("size", "Small").put("spacing", "None");
    }

    /** Teams renders the date and time in the reader's own time zone and language. */
    private static String when(Instant at) {
        String iso = at.truncatedTo(ChronoUnit.SECONDS).toString();
        return "{{DATE(" + iso + ", SHORT)}} {{TIME(" + iso + ")}}";
    }

    static Attachment attachment(ObjectNode card) {
        Attachment attachment = new Attachment();
        attachment.setContentType(CONTENT_TYPE);
        attachment.setContent(card);
        return attachment;
    }
}
