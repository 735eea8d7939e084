package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 15: mirroring never stalls silently. A soak ({@link MirrorSoak}) of mixed actions from Slack and
 * Teams into a community linked to two channels of each, with every kind of fault, over HTTP through the local
 * runner. `make test` runs 80 actions (about two and a half minutes: Slack's pace bounds it); `make soak` runs 2,000 and
 * writes its figures to bench/results ({@code -Dciment.soak.actions}, {@code -Dciment.soak.report}).
 */
class MirrorSoakEndToEndTest {
    /** The longest a copy may wait: a killed Teams send's claim lapses when its invocation would have ended (60 s). */
    private static final Duration LAG_AT_MOST = LocalRunner.DELIVERY_TIMEOUT.plusSeconds(60);

    @Test
    void mixedActionsFromBothTools_withEveryKindOfFault_areMirroredOnceWhereTheToolCanBeSearched_inBoundedTime_withoutAStall()
            throws Exception {
        MirrorSoak.Options options = MirrorSoak.Options.fromProperties(80);
        SoakReport report;
        // Addresses vouched for by the fake workspace and tenant: the steward is one person on both tools.
        try (LocalStack stack = new LocalStack(Map.of("CIMENT_TRUSTED_DOMAINS",
                "example.com=" + FakeSlackApi.TEAM_ID + ",example.com=tenant-e2e"))) {
            report = new MirrorSoak(stack, options).run();
        }
        String page = report.toMarkdown("Mirroring soak, " + LocalDate.now());
        System.out.println(page);
        String file = System.getProperty("ciment.soak.report");
        if (file != null && !file.isBlank()) {
            Files.writeString(Path.of(file), page);
        }

        assertEquals(List.of(), report.problems(), page);
        assertEquals(0, report.duplicates("SLACK"), "a Slack copy is looked up before it is sent again: " + page);
        assertTrue(report.duplicates("TEAMS") <= report.faultsMet("Teams caller killed")
                + report.faultsMet("Teams answered late"), "Teams duplicates only where a send was taken unanswered: "
                + page);
        assertEquals(0, report.stalls(), page);
        assertEquals(0, report.deadLetters(), page);
        assertTrue(report.lag(100).compareTo(LAG_AT_MOST) < 0, page);
        assertTrue(report.afterTheLast().compareTo(LAG_AT_MOST) < 0, page);
        if (options.actions() > options.faultEvery() * SoakFaults.KINDS.size()) {
            assertEquals(SoakFaults.KINDS.size(), report.faultsArmed().size(), "every kind of fault: " + page);
            assertTrue(report.faultsMet("Slack") + report.faultsMet("Teams")
                    >= report.faultsArmed().values().stream().mapToInt(Integer::intValue).sum() - 2, page);
        }
    }
}
