package ciment.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.core.testing.SentenceScan;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Everything Slack shows a person is a key of the catalogues: a scan of the Slack adapter's sources (core's scan,
 * CoreSaysNoLiteralTest) finds no sentence written in Java. Log lines and exceptions are for operators; action
 * ids and Slack's field names are one word. What else may stay is listed below, each with its reason.
 */
class SlackSaysNoLiteralTest {
    private static final Path SOURCES = Path.of("src/main/java/ciment/slack");
    /** Statements for operators (logs, illegal states and arguments): their literals are no sentence for people. */
    private static final SentenceScan SCAN = new SentenceScan(Set.of(),
            Pattern.compile("^\\s*(LOG\\.|throw new Illegal\\w*Exception\\()"), null);

    /** The allow-list: a file, a piece of a literal in it, and why it may stay. Keep it tiny. */
    private static final List<List<String>> ALLOWED = List.of(
            List.of("auth/InstallPages.java", "<!DOCTYPE html>", "HTML markup around the sentence, no words"),
            List.of("auth/InstallPages.java", "<meta charset", "likewise"),
            List.of("auth/SlackScopes.java", "slash command and shortcuts", "why a scope is asked, for tests and docs"),
            List.of("auth/SlackScopes.java", "copies posted as their author", "likewise"),
            List.of("outbound/WorkspaceClients.java", "new Refused(", "a failed delivery's reason, for operators"),
            List.of("outbound/WorkspaceClients.java", "is not installed in Slack workspace", "likewise"),
            List.of("outbound/WorkspaceClients.java", "no bot token to send with", "likewise"),
            List.of("outbound/SlackMirrorSender.java", "Slack answered", "why a copy is retried or given up, for operators"),
            List.of("outbound/SlackNoticeSender.java", "Slack answered", "why a notice is retried, for operators"),
            List.of("outbound/SlackNoticeSender.java", " for notice ", "likewise"));

    @Test
    void slackSources_sayNoSentence_exceptThroughTheCatalogues() {
        List<String> found = SCAN.sentencesUnder(SOURCES, name -> true).stream()
                .filter(SlackSaysNoLiteralTest::unlisted).toList();
        assertEquals(List.of(), found, "sentences written in Java: make each a slack.* key of messages_en.properties"
                + " (and messages_fr.properties), or say here why it is no sentence for people");
    }

    private static boolean unlisted(String sentence) {
        return ALLOWED.stream().noneMatch(allowed -> sentence.startsWith(allowed.get(0) + ":")
                && sentence.contains(allowed.get(1)));
    }

    @Test
    void theScan_findsAButtonLabel_andLetsAnActionIdAndALogLinePass() {
        String source = """
                class X {
                    static final String JOIN = "ciment_join";
                    void a(Exception e) {
                        LOG.warn("views.open failed ({})", e.toString());
                    }
                    Object b() {
                        return plain("Ask to join");
                    }
                }
                """;
        assertEquals(List.of("render/X.java:7: \"Ask to join\""), SCAN.sentencesIn("render/X.java", source));
    }
}
