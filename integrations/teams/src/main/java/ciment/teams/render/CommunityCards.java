package ciment.teams.render;

import static ciment.teams.render.AdaptiveCards.JSON;
import static ciment.teams.render.AdaptiveCards.LINE_MAX;
import static ciment.teams.render.AdaptiveCards.NAME_MAX;
import static ciment.teams.render.AdaptiveCards.actionSet;
import static ciment.teams.render.AdaptiveCards.attachment;
import static ciment.teams.render.AdaptiveCards.card;
import static ciment.teams.render.AdaptiveCards.container;
import static ciment.teams.render.AdaptiveCards.fact;
import static ciment.teams.render.AdaptiveCards.heading;
import static ciment.teams.render.AdaptiveCards.length;
import static ciment.teams.render.AdaptiveCards.notShown;
import static ciment.teams.render.AdaptiveCards.subtle;
import static ciment.teams.render.AdaptiveCards.text;
import static ciment.teams.render.CardText.bold;
import static ciment.teams.render.CardText.run;

import ciment.core.i18n.Catalogue;
import ciment.core.model.Aggregate;
import ciment.core.model.Community;
import ciment.core.model.CommunityWelcome;
import ciment.core.reply.Reply;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import java.util.ArrayList;
import java.util.List;

/**
 * Communities in Adaptive Cards: the list (with Join, Ask to join or Leave), one community's card, and a
 * community found by the messaging extension. A community's size shows only from 5 members
 * ({@link Aggregate}); stewards are named in bold.
 */
public final class CommunityCards {
    /** A search's words are cut to this many characters in a card and in its buttons' data. */
    static final int QUERY_MAX = 100;

    private CommunityCards() {
    }

    /**
     * Communities found: each with its button, whose data keeps the search's words to draw the list again
     * after a click (the first {@link #QUERY_MAX} characters: a search is a few words).
     */
    static Attachment communities(Reply.CommunityList list, Catalogue words) {
        int count = list.communities().size() + list.suggested().size();
        String query = list.query().substring(0, list.query().offsetByCodePoints(0,
                Math.min(QUERY_MAX, list.query().codePointCount(0, list.query().length()))));
        return attachment(CardFit.list(count, room -> {
            ObjectNode card = card(list.summary(words));
            ArrayNode body = card.withArray("body");
            body.add(heading(query.isEmpty() ? words.say("teams.communities.heading")
                    : words.say("teams.communities.matching", CardText.cut(list.query(), QUERY_MAX))));
            if (list.communities().isEmpty()) {
                body.add(text(CardText.cut(list.summary(words), LINE_MAX)));
            }
            list.communities().stream().limit(room.items())
                    .forEach(listed -> listed(body, listed, query, room.words(), words));
            int suggested = Math.max(0, room.items() - list.communities().size());
            if (!list.suggested().isEmpty() && suggested > 0) {
                body.add(CardText.block(bold(words.say("teams.communities.suggested"))).put("spacing", "Medium"));
                list.suggested().stream().limit(suggested).forEach(listed -> listed(body, listed, query,
                        room.words(), words));
            }
            notShown(body, count - room.items(), AdaptiveCards.Hidden.COMMUNITIES, words);
            return card;
        }));
    }

    private static void listed(ArrayNode body, Reply.Listed listed, String query, int room, Catalogue words) {
        Community community = listed.community();
        ArrayNode items = container(body);
        items.add(title(community));
        items.add(CardText.block(CardText.cut(community.purpose(), room)));
        items.add(subtle(words.say(Aggregate.membersMessage(community.memberCount())) + " · " + state(community, words)
                + (listed.member() ? " · " + words.say("teams.community.member")
                        : joinHint(community, listed.invited(), words))));
        ArrayNode buttons = JSON.arrayNode();
        String slug = community.slug().value();
        if (listed.member()) {
            buttons.add(CardActions.button(words.say("teams.button.leave"), CardActions.LEAVE, slug,
                    CardActions.Origin.LIST, query, null));
        } else if (!community.archived()) {
            buttons.add(joinButton(community, listed.invited(), CardActions.Origin.LIST, query, words));
        }
        if (!buttons.isEmpty()) {
            items.add(actionSet(buttons));
        }
    }

    /** A community's slug in bold, then its name. */
    static ObjectNode title(Community community) {
        return CardText.block(bold(community.slug().value()), run(" · " + CardText.cut(community.name(), NAME_MAX)));
    }

    /** Join for an open community or an invitation; Ask to join for a closed one. */
    private static ObjectNode joinButton(Community community, boolean invited, CardActions.Origin origin, String query,
            Catalogue words) {
        String title = words.say(community.open() || invited ? "teams.button.join" : "teams.button.askToJoin");
        return CardActions.button(title, CardActions.JOIN, community.slug().value(), origin, query, "positive");
    }

    /** Purpose, state, tags, stewards (named), size, and where the reader stands. */
    /** The stewards' welcome message and guidelines, as they wrote them (runs: no markdown), each under its label. */
    private static void welcome(ArrayNode body, CommunityWelcome welcome, Catalogue words, int max) {
        if (!welcome.message().isEmpty()) {
            body.add(CardText.block(bold(words.say("welcome.info.message")), run("\n" + CardText.cut(welcome.message(), max))));
        }
        if (!welcome.guidelines().isEmpty()) {
            body.add(CardText.block(bold(words.say("welcome.info.guidelines")),
                    run("\n" + CardText.cut(welcome.guidelines(), max))));
        }
    }

    static Attachment info(Reply.Info info, Catalogue words) {
        Community community = info.community();
        return attachment(CardFit.list(info.stewards().size(), room -> {
            ObjectNode card = card(info.summary(words));
            ArrayNode body = card.withArray("body");
            body.add(heading(community.slug() + " · " + CardText.cut(community.name(), NAME_MAX)));
            body.add(CardText.block(CardText.cut(community.purpose(), room.words())));
            List<ObjectNode> stewards = new ArrayList<>();
            info.stewards().stream().limit(room.items()).forEach(steward -> {
                stewards.add(run(stewards.isEmpty() ? "" : ", "));
                stewards.add(bold(CardText.cut(steward.displayName(), NAME_MAX)));
            });
            if (info.stewards().size() > room.items()) {
                stewards.add(run(" " + words.say("teams.info.moreStewards", info.stewards().size() - room.items())));
            }
            body.add(fact(words, words.say("teams.info.state"), run(stateSentence(community, words))));
            body.add(fact(words, words.say("teams.info.tags"), run(CardText.cut(community.tags().isEmpty()
                    ? words.say("teams.info.noTags") : String.join(", ", community.tags()), room.words()))));
            body.add(fact(words, words.say("teams.info.stewards"), stewards.isEmpty()
                    ? new ObjectNode[] {run(words.say("teams.none"))} : stewards.toArray(ObjectNode[]::new)));
            body.add(fact(words, words.say("teams.info.size"),
                    run(words.say(Aggregate.membersMessage(community.memberCount())))));
            welcome(body, community.welcome(), words, room.words());
            body.add(text(standing(community, info.standing(), words)));
            ArrayNode buttons = card.putArray("actions");
            String slug = community.slug().value();
            switch (info.standing()) {
                case STEWARD, MEMBER -> buttons.add(CardActions.button(words.say("teams.button.leave"),
                        CardActions.LEAVE, slug, CardActions.Origin.INFO, null, null));
                case INVITED -> buttons.add(joinButton(community, true, CardActions.Origin.INFO, null, words));
                case NONE -> {
                    if (!community.archived()) {
                        buttons.add(joinButton(community, false, CardActions.Origin.INFO, null, words));
                    }
                }
                case REQUESTED -> {
                }
            }
            if (info.standing() == Reply.Standing.STEWARD) {
                buttons.add(CardActions.button(words.say("insights.button"), CardActions.INSIGHTS, slug,
                        CardActions.Origin.INSIGHTS, null, null));
            }
            if (info.standing() == Reply.Standing.STEWARD && !community.open()) {
                buttons.add(CardActions.button(words.say("teams.button.joinRequests"), CardActions.REQUESTS, slug,
                        CardActions.Origin.REQUESTS, null, null));
            }
            if (info.standing() == Reply.Standing.STEWARD && !community.archived()) {
                buttons.add(AnnouncementCards.announceBox(slug, words));
            }
            if (buttons.isEmpty()) {
                card.remove("actions");
            }
            return card;
        }));
    }

    /**
     * A community found by the messaging extension, as put in a conversation for everyone there: what it
     * is, and a button for whoever reads it (Join or Ask to join; a click answers with their info card).
     */
    public static ObjectNode communityResult(Community community, Catalogue said) {
        return communityResult(community, TeamsWire.CARD_BUDGET, said);
    }

    /** @param budget the bytes the card may weigh (a page of results shares one answer) */
    public static ObjectNode communityResult(Community community, int budget, Catalogue said) {
        return CardFit.words(length(community.purpose()), budget, words -> {
            ObjectNode card = card(said.say("teams.card.fallback", community.slug(), community.purpose()));
            ArrayNode body = card.withArray("body");
            body.add(heading(community.slug() + " · " + CardText.cut(community.name(), NAME_MAX)));
            body.add(CardText.block(CardText.cut(community.purpose(), words)));
            body.add(CardText.subtle(run(said.say(Aggregate.membersMessage(community.memberCount())) + " · "
                    + state(community, said) + (community.tags().isEmpty() ? ""
                    : " · " + CardText.cut(String.join(", ", community.tags()), words)))));
            if (!community.archived()) {
                card.putArray("actions").add(joinButton(community, false, CardActions.Origin.INFO, null, said));
            }
            return card;
        });
    }

    /** "open", "closed", then " · archived" when it is. */
    public static String state(Community community, Catalogue words) {
        return words.say(community.open() ? "teams.community.open" : "teams.community.closed")
                + (community.archived() ? " · " + words.say("teams.community.archived") : "");
    }

    private static String stateSentence(Community community, Catalogue words) {
        if (community.archived()) {
            return words.say("teams.info.archived");
        }
        return words.say(community.open() ? "teams.info.open" : "teams.info.closed");
    }

    /** " · join data-guild" (or how to ask, or the invitation), after a community's line; "" when archived. */
    static String joinHint(Community community, boolean invited, Catalogue words) {
        if (community.archived()) {
            return "";
        }
        String key = invited ? "teams.community.invitedHint"
                : community.open() ? "teams.community.openHint" : "teams.community.askHint";
        return " · " + words.say(key, community.slug());
    }

    private static String standing(Community community, Reply.Standing standing, Catalogue words) {
        String key = switch (standing) {
            case STEWARD -> "teams.standing.steward";
            case MEMBER -> "teams.standing.member";
            case INVITED -> "teams.standing.invited";
            case REQUESTED -> "teams.standing.requested";
            case NONE -> community.archived() ? "teams.standing.archived"
                    : community.open() ? "teams.standing.open" : "teams.standing.closed";
        };
        return words.say(key, community.slug().value());
    }
}
