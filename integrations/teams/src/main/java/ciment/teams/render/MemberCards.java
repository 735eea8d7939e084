package ciment.teams.render;

import static ciment.teams.render.CardText.bold;
import static ciment.teams.render.CardText.run;

import ciment.core.i18n.Catalogue;
import ciment.core.reply.Reply;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;

/** members &lt;slug&gt;: a community's members for its stewards, each with the chat tools they are on. */
final class MemberCards {

    private MemberCards() {
    }

    /** One line a member: the name in bold, then steward (if so) and their tools; cut to fit as lists are. */
    static Attachment members(Reply.Members members, Catalogue words) {
        return AdaptiveCards.attachment(CardFit.list(members.members().size(), room -> {
            ObjectNode card = AdaptiveCards.headed(members.summary(words), words.say("teams.members.heading",
                    members.community(), members.total()), members.members().isEmpty(), members.summary(words));
            ArrayNode body = card.withArray("body");
            for (Reply.Members.Member member : members.members().stream().limit(room.items()).toList()) {
                body.add(CardText.block(bold(CardText.cut(member.person().displayName(), AdaptiveCards.NAME_MAX)),
                        run((member.steward() ? " · " + words.say("teams.members.steward") : "") + " · "
                                + words.say(member.toolsMessage()))));
            }
            AdaptiveCards.notShown(body, members.total() - Math.min(room.items(), members.members().size()),
                    AdaptiveCards.Hidden.MEMBERS, words);
            return card;
        }));
    }
}
