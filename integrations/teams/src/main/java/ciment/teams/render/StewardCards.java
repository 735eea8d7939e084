package ciment.teams.render;

import static ciment.teams.render.AdaptiveCards.JSON;
import static ciment.teams.render.AdaptiveCards.NAME_MAX;
import static ciment.teams.render.AdaptiveCards.actionSet;
import static ciment.teams.render.AdaptiveCards.attachment;
import static ciment.teams.render.AdaptiveCards.container;
import static ciment.teams.render.AdaptiveCards.headed;
import static ciment.teams.render.AdaptiveCards.notShown;
import static ciment.teams.render.AdaptiveCards.subtle;
import static ciment.teams.render.AdaptiveCards.when;
import static ciment.teams.render.CardText.bold;
import static ciment.teams.render.CardText.run;

import ciment.core.i18n.Catalogue;
import ciment.core.model.JoinRequest;
import ciment.core.reply.Reply;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;

/**
 * What a community's stewards see in Adaptive Cards: the join requests waiting (Approve, Decline) and the
 * audit trail of its moderation (its members: {@link MemberCards}).
 */
final class StewardCards {
    private StewardCards() {
    }

    /** The requests waiting, oldest first: who asked and when, and what to send to answer. */
    static Attachment requests(Reply.Requests requests, Catalogue words) {
        return attachment(CardFit.list(requests.requests().size(), room -> {
            ObjectNode card = headed(requests.summary(words), words.say("teams.requests.heading", requests.community()),
                    requests.requests().isEmpty(), requests.summary(words));
            ArrayNode body = card.withArray("body");
            for (JoinRequest request : requests.requests().stream().limit(room.items()).toList()) {
                ArrayNode items = container(body);
                String name = CardText.cut(request.personName(), NAME_MAX);
                items.add(CardText.block(bold(name)).put("spacing", "None"));
                items.add(subtle(words.say("teams.requests.asked", when(request.at()))));
                // the words that answer it, in the reader's command words
                items.add(CardText.subtle(run(words.say("teams.requests.answer", requests.community(), "@" + name))));
                // By id: the request may come from Slack as well as from Teams.
                ArrayNode buttons = JSON.arrayNode();
                buttons.add(CardActions.decision(words.say("teams.button.approve"), CardActions.APPROVE,
                        requests.community(), request.personId(), "positive"));
                buttons.add(CardActions.decision(words.say("teams.button.decline"), CardActions.DECLINE,
                        requests.community(), request.personId(), "destructive"));
                items.add(actionSet(buttons));
            }
            notShown(body, requests.requests().size() - room.items(), AdaptiveCards.Hidden.REQUESTS, words);
            if (!requests.requests().isEmpty()) {
                body.add(subtle(words.say("teams.requests.howTo")));
            }
            return card;
        }));
    }

    /** A community's moderation actions, newest first, for its stewards: when, then what (reasons as typed). */
    static Attachment audit(Reply.Audit audit, Catalogue words) {
        return attachment(CardFit.list(audit.entries().size(), room -> {
            ObjectNode card = headed(audit.summary(words), words.say("teams.audit.heading", audit.community()),
                    audit.entries().isEmpty(), audit.summary(words));
            ArrayNode body = card.withArray("body");
            audit.entries().stream().limit(room.items()).forEach(entry -> {
                ArrayNode items = container(body);
                items.add(subtle(when(entry.at())));
                items.add(CardText.block(CardText.cut(words.say(entry.sentenceMessage()), room.words())));
            });
            notShown(body, audit.entries().size() - room.items(), AdaptiveCards.Hidden.ACTIONS, words);
            return card;
        }));
    }
}
