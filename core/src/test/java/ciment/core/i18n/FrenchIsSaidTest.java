package ciment.core.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ciment.core.command.Grammar;
import ciment.core.command.Verbs;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import ciment.core.reply.Reply;
import ciment.core.reply.Usage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What core says, said in French: the sentences a French reader sees, word for word. */
class FrenchIsSaidTest {
    private static final Catalogue FRENCH = Catalogue.of(Language.FRENCH).orElseThrow();
    private static final Slug GUILD = new Slug("data-guild");
    private static final Instant AT = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void aRefusalOfTypedWords_isSaidInFrench_withItsExampleInFrenchToo() {
        Refusal refusal = assertThrows(Refusal.class, () -> Verbs.parse("create"));

        assertEquals("Nommez la communauté : create <slug> <purpose>, par exemple « create data-guild Partager des"
                + " astuces data entre équipes ».", FRENCH.say(refusal.message()));
        assertEquals("Name the community: create <slug> <purpose>, for example “create data-guild Sharing data tips"
                + " across teams”.", refusal.getMessage());
    }

    @Test
    void aRefusedReply_saysInFrench_whatTheUnknownWordWas() {
        Refusal refusal = assertThrows(Refusal.class, () -> Verbs.parse("rejoindr data-guild"));

        assertEquals("Je ne connais pas « rejoindr » : envoyez aide pour voir les commandes.",
                new Reply.Refused(refusal.message()).summary(FRENCH));
    }

    @Test
    void aHelpLine_isSaidInFrench_beneathTheFormTypedInEveryLanguage() {
        Usage join = Grammar.AVAILABLE.stream().filter(usage -> usage.form().equals("join <slug>")).findFirst()
                .orElseThrow();

        assertEquals("rejoindre une communauté (une communauté fermée demande à ses animateurs)", join.meaning(FRENCH));
        assertEquals("join a community (a closed one asks its stewards)", join.meaning());
    }

    @Test
    void aThreadsSummary_saysOneReplyOrSeveral_inFrench() {
        Post root = new Post("01JD0000000000000000000000", "c1", GUILD, "p1", "Ada", Platform.SLACK, "Hello", AT);
        Post reply = Post.reply("01JD0000000000000000000001", root.id(), "c1", GUILD, "p2", "Linus", Platform.TEAMS,
                "Hi", AT);

        assertEquals("Fil #01JD0000000000000000000000 dans data-guild : 1 réponse.",
                new Reply.Thread(root, List.of(reply)).summary(FRENCH));
        assertEquals("Fil #01JD0000000000000000000000 dans data-guild : 2 réponses.",
                new Reply.Thread(root, List.of(reply, reply)).summary(FRENCH));
        assertEquals("Thread #01JD0000000000000000000000 in data-guild: 2 replies.",
                new Reply.Thread(root, List.of(reply, reply)).summary());
    }

    @Test
    void theWriteLimit_isSaidInFrench_withItsPluralsAndWhatWasNotDone() {
        Message limit = Message.of("core.quota.reached", 30, Message.of("core.quota.posts", 30),
                Message.of("core.rate.minute"), Message.of("core.nothing.posted"), Message.of("core.wait.seconds", 1));

        assertEquals("Vous avez atteint la limite de Ciment de 30 publications par minute, donc rien n’a été publié :"
                + " réessayez dans 1 seconde.", FRENCH.say(limit));
        assertEquals("You have reached Ciment's limit of 30 posts a minute, so nothing was posted: try again in"
                + " 1 second.", Catalogue.ENGLISH.say(limit));
    }
}
