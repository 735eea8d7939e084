package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.core.testing.SentenceScan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Everything the Teams adapter shows a person (cards' titles, buttons, placeholders, fallback texts, bot texts,
 * the messaging extension's and dialogs' sentences) is a key of the catalogues ({@code teams.*}): a scan of its
 * sources finds no sentence written in Java. Log lines and exceptions are for operators; card verbs, ids and JSON
 * field names are single words, which the scan lets pass. What else may stay is listed below, with its reason.
 */
class TeamsSaysNoLiteralTest {
    private static final Path SOURCES = Path.of("src/main/java/ciment/teams");
    /**
     * Statements for operators: logs, and exceptions (a token refused, a setting missing, an upload failed),
     * thrown or made to be thrown (an Unauthorized is an HTTP 401's reason, logged); a failed send's reason
     * (why, step) and the call it names, which the delivery functions log and dead-letter.
     */
    private static final Pattern FOR_OPERATORS = Pattern.compile(
            "^\\s*(LOG\\.|throw new \\w*(Exception|Unauthorized)\\(|refreshOrKeep\\(|String (why|step) = |call\\(link, )"
                    + "|new Unauthorized\\(");

    /** The allow-list: file and literal, and why it may stay. Keep it tiny. */
    private static final Map<String, String> ALLOWED = Map.of(
            "inbound/TeamsEndpoint.java:This Ciment bot serves Microsoft Teams only: activities from other channels are refused.",
            "an HTTP answer to a caller that is not the Bot Connector for Teams: nobody reads it in a chat",
            "inbound/TeamsEndpoint.java:The request body is not a Bot Framework activity (JSON with type, serviceUrl and conversation).",
            "an HTTP answer (400) to the Bot Connector, for operators",
            "inbound/TeamsEndpoint.java:Ciment could not handle this activity; the Bot Connector may retry it.",
            "an HTTP answer (500) to the Bot Connector, for operators",
            "auth/AllowedTenants.java:This Ciment installation does not serve your organisation's Microsoft Teams tenant.",
            "an HTTP answer (403) to another tenant's Bot Connector: nothing is said in its conversation",
            "inbound/WarmUp.java:<at>Ciment</at> help",
            "a sample activity's words, parsed during a cold start and sent nowhere");
    private static final SentenceScan SCAN = new SentenceScan(ALLOWED.keySet(), FOR_OPERATORS, null);

    @Test
    void teamsSources_sayNoSentence_exceptThroughTheCatalogues() {
        List<String> found = SCAN.sentencesUnder(SOURCES, name -> true);
        assertEquals(List.of(), found, "sentences written in Java: make each a teams.* key of messages_en.properties"
                + " (and messages_fr.properties), or say here why nobody reads it in Teams");
    }

    @Test
    void theScan_findsAButtonTitle_andAFallbackText_andLetsAnExceptionPass() {
        String source = """
                class X {
                    ObjectNode a() {
                        throw new Unauthorized("the token has no expiry");
                    }
                    ObjectNode b() {
                        return button("Ask to join", JOIN);
                    }
                    String c = card(slug + ": " + "more in its thread");
                }
                """;
        assertEquals(List.of("render/X.java:6: \"Ask to join\"", "render/X.java:8: \"more in its thread\""),
                SCAN.sentencesIn("render/X.java", source));
    }
}
