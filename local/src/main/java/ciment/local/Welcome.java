package ciment.local;

import ciment.core.config.Settings;
import ciment.core.config.TrustedDomains;
import ciment.functions.costs.FinanceToken;
import ciment.infra.aws.SqsDeadLetters;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code make run} prints once the runner serves: where Slack, the Bot Framework Emulator and finance
 * send their requests, what is off and why, and the warnings. Built line by line (no format string whose
 * placeholders could drift from its arguments); a new warning is one more {@code warnings.add}.
 */
final class Welcome {
    private Welcome() {
    }

    /**
     * @param url              where the runner listens
     * @param settings         the settings the handlers got (with the emulator's endpoint and the dead-letter queue)
     * @param startedEmulator  whether the runner started moto itself (then Ctrl-C stops it too)
     */
    static String text(URI url, Settings settings, boolean startedEmulator) {
        boolean slack = settings.get("SLACK_SIGNING_SECRET").isPresent();
        boolean installs = settings.get("SLACK_CLIENT_ID").isPresent();
        boolean slackDelivery = settings.get("SLACK_BOT_TOKEN").isPresent() || installs;
        boolean teamsAuthenticated = settings.get("MICROSOFT_APP_ID").isPresent();
        boolean finance = settings.get(FinanceToken.SETTING).isPresent();

        List<String> lines = new ArrayList<>();
        lines.add("Ciment is running on " + url + " (table " + settings.table() + " at "
                + settings.get("AWS_ENDPOINT_URL", "AWS") + ")");
        lines.add("  Slack:   set the app's Request URL (slash command, events, interactivity) to " + url
                + "/slack/events");
        lines.add("           through a tunnel Slack can reach"
                + (slack ? "" : " (off: SLACK_SIGNING_SECRET is not set)"));
        if (slack && installs) {
            lines.add("           workspaces install the app at <tunnel>/slack/install (OAuth redirect: "
                    + "<tunnel>/slack/oauth_redirect)");
        }
        lines.add("  Teams:   point the Bot Framework Emulator at " + url + "/api/messages" + (teamsAuthenticated
                ? " with the bot's app id and password"
                : " with no app id and password"));
        lines.add("  Notices: the table's stream is fed to the Teams delivery function" + (slackDelivery
                ? " and the Slack one"
                : " (Slack's is off: neither SLACK_BOT_TOKEN nor SLACK_CLIENT_ID is set)"));
        lines.add("  Dead letters: " + settings.get(SqsDeadLetters.QUEUE_URL, "none"));
        lines.add("  Costs:   " + url + "/costs?month=YYYY-MM&format=json|csv and /costs/chart.svg" + (finance
                ? ", with Authorization: Bearer <" + FinanceToken.SETTING + ">"
                : " (closed: " + FinanceToken.SETTING + " is not set)"));
        lines.add("  Health:  " + url + "/health");
        lines.add("  Schedules: on template.yaml's times; now with POST " + url + LocalRunner.SCHEDULES
                + "DigestFunction (or CostsFunction)");
        lines.add("  Linking: " + settings.get(TrustedDomains.SETTING)
                .map(trusted -> "accounts with one email address are one person where their workspace or tenant is trusted for it ("
                        + trusted + ")")
                .orElse("off (" + TrustedDomains.SETTING + " is not set): each Slack and Teams account is a person"
                        + " of its own"));

        List<String> warnings = new ArrayList<>();
        if (!teamsAuthenticated) {
            warnings.add("Teams activities are not authenticated (MICROSOFT_APP_ID is not set): anyone who can reach "
                    + url + " can act as any Teams user; keep it local.");
        }
        warnings.forEach(warning -> lines.add("Warning: " + warning));

        lines.add(startedEmulator
                ? "Ctrl-C stops Ciment and the emulator it started."
                : "Ctrl-C stops Ciment (the table stays at " + settings.get("AWS_ENDPOINT_URL", "AWS") + ").");
        return String.join(System.lineSeparator(), lines);
    }
}
