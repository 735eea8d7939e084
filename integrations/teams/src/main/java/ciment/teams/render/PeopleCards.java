package ciment.teams.render;

import static ciment.teams.render.AdaptiveCards.NAME_MAX;
import static ciment.teams.render.AdaptiveCards.attachment;
import static ciment.teams.render.AdaptiveCards.card;
import static ciment.teams.render.AdaptiveCards.container;
import static ciment.teams.render.AdaptiveCards.fact;
import static ciment.teams.render.AdaptiveCards.headed;
import static ciment.teams.render.AdaptiveCards.heading;
import static ciment.teams.render.AdaptiveCards.length;
import static ciment.teams.render.AdaptiveCards.notShown;
import static ciment.teams.render.AdaptiveCards.openUrl;
import static ciment.teams.render.AdaptiveCards.subtle;
import static ciment.teams.render.AdaptiveCards.text;
import static ciment.teams.render.CardText.bold;
import static ciment.teams.render.CardText.run;
import static ciment.teams.render.CommunityCards.joinHint;
import static ciment.teams.render.CommunityCards.state;
import static ciment.teams.render.CommunityCards.title;

import ciment.core.i18n.Catalogue;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.reply.Reply;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * People in Adaptive Cards: what I declared (whoami, roles, skills), who offers a skill, a person found
 * by the messaging extension. People are named, never counted one by one nor ranked, and never mentioned:
 * nobody should be pinged because someone else looked up a skill.
 */
public final class PeopleCards {
    private PeopleCards() {
    }

    /** Whether the address links my accounts, when whoami did not say why it does not. */
    private static String linking(ciment.core.model.Profile profile, Catalogue words) {
        if (profile.vouchedBy().isPresent()) {
            return words.say("teams.me.linked");
        }
        return words.say(profile.email().isPresent() ? "teams.me.unchecked" : "teams.me.noAddress");
    }

    /**
     * whoami, roles, skills: the accounts I use Ciment from, the email address that links them (or why
     * they stay apart), whether I am a guest, and what I declared.
     */
    static Attachment me(Reply.Me me, String readerTenant, Catalogue words) {
        Person person = me.profile().person();
        return attachment(CardFit.list(1, room -> {
            ObjectNode card = card(me.summary(words));
            ArrayNode body = card.withArray("body");
            body.add(heading(CardText.cut(person.displayName(), NAME_MAX)));
            List<String> accounts = me.accounts().stream().map(account -> accountName(account, readerTenant, words))
                    .toList();
            body.add(fact(words, words.say("teams.me.accounts"), run(accounts.isEmpty() ? words.say("teams.none")
                    : String.join(", ", accounts))));
            body.add(fact(words, words.say("teams.me.email"), run(me.profile().email()
                    .orElseGet(() -> words.say("teams.me.noEmail")))));
            body.add(roles(me.profile().roles(), room.words(), words));
            body.add(skills(me.profile().skills(), room.words(), words));
            body.add(text(me.unlinked(words).orElseGet(() -> linking(me.profile(), words))));
            if (person.guest()) {
                body.add(text(words.say("teams.me.guest")));
            }
            body.add(subtle(words.say("teams.me.change")));
            return card;
        }));
    }

    /**
     * who: the people (by name, as sorted by Ciment, never ranked), each with where the reader can reach
     * them, and the communities tagged with the topic.
     */
    static Attachment who(Reply.Who who, String readerTenant, Catalogue words) {
        int count = who.people().size() + who.communities().size();
        return attachment(CardFit.list(count, room -> {
            ObjectNode card = headed(who.summary(words), words.say("teams.who.heading", who.topic()), count == 0,
                    who.summary(words));
            ArrayNode body = card.withArray("body");
            List<Reply.Found> people = who.people().stream().limit(room.items()).toList();
            if (!people.isEmpty()) {
                body.add(CardText.block(bold(words.say("teams.who.people"))).put("spacing", "Medium"));
            }
            for (Reply.Found found : people) {
                ArrayNode items = container(body);
                items.add(CardText.block(bold(CardText.cut(found.person().displayName(), NAME_MAX))));
                items.add(subtle(reach(found.accounts(), readerTenant, words)));
            }
            List<Community> communities = who.communities().stream()
                    .limit(Math.max(0, room.items() - who.people().size())).toList();
            if (!communities.isEmpty()) {
                body.add(CardText.block(bold(words.say("teams.who.communities"))).put("spacing", "Medium"));
            }
            for (Community community : communities) {
                ArrayNode items = container(body);
                items.add(title(community));
                items.add(CardText.block(CardText.cut(community.purpose(), room.words())));
                items.add(subtle(state(community, words) + joinHint(community, false, words)));
            }
            notShown(body, count - room.items(), AdaptiveCards.Hidden.RESULTS, words);
            return card;
        }));
    }

    /**
     * A person found by the messaging extension: their name, roles and skills as they typed them, and a
     * way to reach them (a Teams chat link, by email address or, in the reader's organisation, by their
     * AAD object id). Never a count, never a rank.
     */
    public static ObjectNode personResult(ciment.core.PeopleSearch.Found found, String readerTenant, Catalogue said) {
        return personResult(found, readerTenant, TeamsWire.CARD_BUDGET, said);
    }

    /** @param budget the bytes the card may weigh (a page of results shares one answer) */
    public static ObjectNode personResult(ciment.core.PeopleSearch.Found found, String readerTenant, int budget,
            Catalogue said) {
        Person person = found.person();
        String declared = declared(found.profile().roles(), "teams.me.noRoles", said)
                + declared(found.profile().skills(), "teams.me.noSkills", said);
        return CardFit.words(length(declared), budget, words -> {
            ObjectNode card = card(person.displayName());
            ArrayNode body = card.withArray("body");
            body.add(heading(CardText.cut(person.displayName(), NAME_MAX)));
            body.add(roles(found.profile().roles(), words, said));
            body.add(skills(found.profile().skills(), words, said));
            Optional<String> chat = chatLink(found, readerTenant);
            if (chat.isPresent()) {
                card.putArray("actions").add(openUrl(said.say("teams.button.chat"), chat.get()));
            } else {
                body.add(subtle(reach(found.accounts(), readerTenant, said)));
            }
            return card;
        });
    }

    /** "Roles: onboarding buddy" (or none yet), the roles cut to {@code room} characters. */
    private static ObjectNode roles(List<String> roles, int room, Catalogue words) {
        return fact(words, words.say("teams.me.roles"), run(CardText.cut(declared(roles, "teams.me.noRoles", words), room)));
    }

    private static ObjectNode skills(List<String> skills, int room, Catalogue words) {
        return fact(words, words.say("teams.me.skills"), run(CardText.cut(declared(skills, "teams.me.noSkills", words),
                room)));
    }

    /** Roles or skills as declared, or what says there are none (its key: roles and skills differ in French). */
    public static String declared(List<String> topics, String noneKey, Catalogue words) {
        return topics.isEmpty() ? words.say(noneKey) : String.join(", ", topics);
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
    private static String reach(List<ChatAccount> accounts, String readerTenant, Catalogue words) {
        boolean here = accounts.stream()
                .anyMatch(a -> a.platform() == Platform.TEAMS && a.workspace().equals(readerTenant));
        boolean otherTeams = !here && accounts.stream().anyMatch(a -> a.platform() == Platform.TEAMS);
        boolean slack = accounts.stream().anyMatch(a -> a.platform() == Platform.SLACK);
        List<String> ways = new ArrayList<>();
        if (here) {
            ways.add(words.say("teams.reach.here"));
        }
        if (otherTeams) {
            ways.add(words.say("teams.reach.otherTeams"));
        }
        if (slack) {
            ways.add(words.say("teams.reach.slack"));
        }
        return ways.isEmpty() ? words.say("teams.reach.none") : String.join(" · ", ways);
    }

    private static String accountName(ChatAccount account, String readerTenant, Catalogue words) {
        if (account.platform() == Platform.TEAMS) {
            return account.workspace().equals(readerTenant) ? words.say("teams.account.teamsHere")
                    : words.say("teams.account.teams", account.workspace());
        }
        return words.say("teams.account.other", account.platform().label(), account.workspace());
    }
}
