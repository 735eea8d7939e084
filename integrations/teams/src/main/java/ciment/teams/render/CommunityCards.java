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

import ciment.core.model.Aggregate;
import ciment.core.model.Community;
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
    static ObjectNode title(Community community) {
        return CardText.block(bold(community.slug().value()), run(" · " + CardText.cut(community.name(), NAME_MAX)));
    }

    /** Join for an open community or an invitation; Ask to join for a closed one. */
    private static ObjectNode joinButton(Community community, boolean invited, CardActions.Origin origin, String query) {
        String title = community.open() || invited ? "Join" : "Ask to join";
        return CardActions.button(title, CardActions.JOIN, community.slug().value(), origin, query, "positive");
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

    /**
     * A community found by the messaging extension, as put in a conversation for everyone there: what it
     * is, and a button for whoever reads it (Join or Ask to join; a click answers with their info card).
     */
    public static ObjectNode communityResult(Community community) {
        return communityResult(community, TeamsWire.CARD_BUDGET);
    }

    /** @param budget the bytes the card may weigh (a page of results shares one answer) */
    public static ObjectNode communityResult(Community community, int budget) {
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

    static String state(Community community) {
        return (community.open() ? "open" : "closed") + (community.archived() ? " · archived" : "");
    }

    private static String stateSentence(Community community) {
        if (community.archived()) {
            return "archived: readable, closed to posts and new members";
        }
        return community.open() ? "open: anyone can join" : "closed: joining needs a steward's approval";
    }

    static String joinHint(Community community, boolean invited) {
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
}
