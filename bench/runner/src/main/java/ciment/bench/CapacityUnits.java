package ciment.bench;

import ciment.core.Ciment;
import ciment.core.config.TrustedDomains;
import ciment.core.config.WriteLimits;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Directory;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.reply.Reply;
import ciment.core.service.Finance;
import ciment.infra.dynamo.CapacityMeter;
import ciment.infra.dynamo.DynamoRepositories;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DynamoDB read and write units of each use case, whole (identity lookup, checks and writes), by
 * DynamoDB's sizing rules: moto's reported figures are placeholders, so the meter computes them.
 */
final class CapacityUnits {
    /** One use case's units; {@code requests} is the number of DynamoDB calls it made. */
    record Row(String useCase, long requests, double read, double write, double reportedRead, double reportedWrite) {
    }

    private static final String KILOBYTE = "x".repeat(1024);
    private static final String SHORT = "Who knows a good SQL formatter? ".repeat(6).strip();

    private final CapacityMeter meter = new CapacityMeter(CapacityMeter.Source.COMPUTED);
    private final Ciment ciment;
    private final AtomicInteger requestIds = new AtomicInteger();
    private final List<Row> rows = new ArrayList<>();

    CapacityUnits(BenchStack stack) {
        // The bench's workspace and tenant vouch for example.com: its people are linked by their addresses.
        ciment = new Ciment(DynamoRepositories.create(stack.dynamo, stack.settings.table(), meter).repositories(),
                Clock.systemUTC(),
                Finance.off().trusting(TrustedDomains.parse("example.com=T0UNITS,example.com=tenant-units")),
                WriteLimits.fromSettings(stack.settings));
    }

    List<Row> measure() {
        say("ada", "communities"); // registers ada, so `create` below counts only itself
        measure("first contact (a new person's `communities`)", "grace", "communities");
        measure("`create <slug> <purpose>`", "ada", "create units-a Units of every use case");
        measure("`join <slug>`", "grace", "join units-a");
        measure("`post <slug>` 1 KB of text", "grace", "post units-a " + KILOBYTE);
        for (int i = 0; i < 25; i++) {
            say("ada", "post units-a " + KILOBYTE);
        }
        measure("`feed <slug>`: a page of 1 KB posts (11 of its 26: as many as fit in 16 KB)", "grace", "feed units-a");
        say("ada", "create units-b Short posts");
        for (int i = 0; i < 25; i++) {
            say("ada", "post units-b " + SHORT);
        }
        measure("`feed <slug>`: 20 posts of " + SHORT.length() + " characters", "grace", "feed units-b");
        for (int c = 0; c < 10; c++) {
            say("ada", "create units-home-" + c + " Home feed community " + c);
            say("linus", "join units-home-" + c);
            for (int i = 0; i < 20; i++) {
                say("ada", "post units-home-" + c + " " + SHORT);
            }
        }
        measure("`feed` (home) over 10 communities of short posts (4 read from each)", "linus", "feed");
        measure("`communities` (13 in the catalog)", "grace", "communities");
        measure("`leave <slug>`", "grace", "leave units-a");

        say("ada", "close units-b");
        say("zoe", "communities");
        measure("`join <slug>` of a closed community (files a request)", "zoe", "join units-b");
        measure("`requests <slug>` (one waiting)", "ada", "requests units-b");
        measure("`approve <slug> <person>`", "ada", "approve units-b @zoe");
        measure("`steward add <slug> <person>`", "ada", "steward add units-b @zoe");
        measure("`info <slug>` (2 stewards)", "linus", "info units-b");
        measure("`skills add <text>`", "zoe", "skills add Accessibilité");
        for (String person : List.of("p1", "p2", "p3", "p4")) {
            say(person, "skills add accessibilite");
        }
        measure("`who <skill>` (5 people, no tagged community)", "linus", "who accessibilité");
        conversations();
        identities();
        questions();
        privacy();
        return rows;
    }

    /** Threads, reactions, edits and moderation on a short post of a community of 2 (issue 4). */
    private void conversations() {
        String post = ((Reply.Posted) say("ada", "post units-home-0 " + SHORT)).post().reference();
        measure("`reply <post> <text>` 1 KB of text, to a post of " + SHORT.length() + " characters", "linus",
                "reply " + post + " " + KILOBYTE);
        measure("`thread <post>` (1 reply of 1 KB)", "linus", "thread " + post);
        measure("`react <post> <emoji>` on a post of " + SHORT.length() + " characters", "linus",
                "react " + post + " :tada:");
        measure("`edit <post> <text>` to 1 KB of text", "ada", "edit " + post + " " + KILOBYTE);
        measure("`react <post> <emoji>` on a post of 1 KB", "linus", "react " + post + " :+1:");
        measure("`hide <post> <reason>` (and its audit entry)", "ada", "hide " + post + " off topic");
        measure("`audit <slug>` (1 action)", "ada", "audit units-home-0");
    }

    /** Questions, accepted answers, knowledge and a mention (issue 4), in a community of 2. */
    private void questions() {
        say("max", "join units-home-1");
        measure("`ask <slug> <text>` 1 KB of text (a post, and its entry in the questions index)", "ada",
                "ask units-home-1 " + KILOBYTE);
        String question = ((Reply.Posted) say("ada", "ask units-home-1 " + SHORT)).post().reference();
        String answer = ((Reply.Posted) say("linus", "reply " + question + " " + SHORT)).post().reference();
        measure("`accept <post>` on a question of " + SHORT.length() + " characters", "ada", "accept " + answer);
        measure("`questions <slug>` (2 questions)", "linus", "questions units-home-1");
        measure("`pin <post>` (a post of " + SHORT.length() + " characters and its knowledge marker)", "ada",
                "pin " + question);
        measure("`knowledge <slug> <query>` (1 pinned post)", "linus", "knowledge units-home-1 formatter");
        measure("`post <slug>` of " + SHORT.length() + " characters mentioning a member by email (one notice)", "linus",
                "post units-home-1 @max@example.com " + SHORT);
    }

    /** erase-my-data of a member with 100 posts and a skill (each post stays in place, removed). */
    private void privacy() {
        say("eve", "join units-home-0");
        say("eve", "skills add accessibilite");
        for (int i = 0; i < 100; i++) {
            say("eve", "post units-home-0 " + SHORT);
        }
        measure("`erase-my-data confirm`: a member with 100 posts of " + SHORT.length() + " characters", "eve",
                "erase-my-data confirm");
    }

    /** One person across both tools: enrolled with an email, linked by it, and two persons merged by it. */
    private void identities() {
        Introduction max = new Introduction("Max", Optional.of("max@example.com"), false,
                List.of("T0UNITS", "tenant-units"));
        measureAs("first contact with a verified email (Slack)", slack("max"), max, "communities");
        measureAs("first contact of a Teams account whose email a person holds (linked)", teams("max"), max,
                "communities");

        // Noor meets Ciment on Teams before Teams gives her email, so she becomes a second person there.
        Introduction noor = new Introduction("Noor", Optional.of("noor@example.com"), false,
                List.of("T0UNITS", "tenant-units"));
        say(slack("noor"), noor, "communities");
        Introduction unnamed = Introduction.named("Noor");
        for (String community : List.of("units-a", "units-home-0", "units-home-1")) {
            say(teams("noor"), unnamed, "join " + community);
        }
        say(teams("noor"), unnamed, "skills add sql");
        say(teams("noor"), unnamed, "roles add analyst");
        measureAs("merge: `whoami` learns an email another person holds (3 memberships, 2 skills)", teams("noor"),
                noor, "whoami");
    }

    private void measure(String useCase, String person, String text) {
        measureAs(useCase, slack(person), Introduction.named(person), text);
    }

    private void measureAs(String useCase, ChatAccount account, Introduction introduction, String text) {
        meter.reset();
        Reply reply = say(account, introduction, text);
        if (reply instanceof Reply.Refused refused) {
            throw new IllegalStateException(useCase + " was refused: " + refused.summary());
        }
        CapacityMeter.Usage usage = meter.total();
        rows.add(new Row(useCase, usage.requests(), usage.computed().read(), usage.computed().write(),
                usage.reported().read(), usage.reported().write()));
    }

    private Reply say(String person, String text) {
        return say(slack(person), Introduction.named(person), text);
    }

    private Reply say(ChatAccount account, Introduction introduction, String text) {
        Directory directory = mention -> Optional.of(slack(mention.substring(1)));
        Caller caller = new Caller(account, () -> introduction, "units-" + requestIds.incrementAndGet(), Instant.now(),
                directory);
        return ciment.handle(caller, text);
    }

    private static ChatAccount slack(String user) {
        return new ChatAccount(Platform.SLACK, "T0UNITS", user);
    }

    private static ChatAccount teams(String user) {
        return new ChatAccount(Platform.TEAMS, "tenant-units", "29:" + user);
    }
}
