package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.devkit.slack.SlashCommands;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.infra.aws.SqsDeadLetters;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A long run of mixed actions from both tools, over HTTP through the local runner: messages, thread replies,
 * edits, deletions, reactions and redelivered events, written in a community linked to two Slack channels and two
 * Teams channels, while the chat tools fail as they do ({@link SoakFaults}). Each action is timed from its answer
 * to the moment every other channel shows it ({@link SoakObserver}); at the end each copy is counted (once in
 * Slack, where a copy can be looked up; in Teams a killed or unanswered send is sent again), checked against its
 * post as it is now, and the stalls, dead letters and faults are told ({@link SoakReport}).
 *
 * <p>Pace: Slack takes about one message a second per channel (the Slack delivery function sends one every 1.1 s
 * into each), one Slack delivery function handles the records one after the other, and an action makes 1.2 records
 * on average (a reply redraws its first post's copies too), most of them changing copies in both Slack channels: so
 * actions come one every {@link Options#every} (1.5 s, just under what Slack can be sent), the run lasts about
 * actions × 1.5 s, and its lag measures the pipeline rather than a backlog written faster than Slack may be sent to.
 */
final class MirrorSoak {
    /** What to run: how many actions, from which seed, how often, and a fault every how many actions. */
    record Options(int actions, long seed, Duration every, int faultEvery) {
        /** The actions from {@code -Dciment.soak.actions} (default given), the rest from their own properties. */
        static Options fromProperties(int actions) {
            return new Options(Integer.getInteger("ciment.soak.actions", actions),
                    Long.getLong("ciment.soak.seed", 14L),
                    Duration.ofMillis(Long.getLong("ciment.soak.everyMillis", 1500L)),
                    Integer.getInteger("ciment.soak.faultEvery", 7));
        }
    }

    enum Tool { SLACK, TEAMS }

    /** A linked channel. */
    record Place(Tool tool, String id, String name) {
    }

    private static final List<String> WORDS = List.of("deploy", "standup", "review", "lunch", "schema", "retro",
            "release", "oncall", "budget", "design", "demo", "backlog", "offsite", "metrics", "roadmap");
    private static final List<String> SLACK_EMOJI = List.of("tada", "eyes", "rocket", "heart", "fire", "wave",
            "thumbsup", "clap", "bulb", "100");
    private static final List<String> TEAMS_REACTIONS = List.of("like", "heart", "laugh", "surprised");

    /** A post the soak wrote: where, as which message, its edits, and whether it was deleted. */
    final class SoakPost {
        final int number;
        final String key;
        final Place origin;
        final String originId;
        final SoakPost root;
        final String author;
        final String words;
        int edits;
        boolean deleted;
        int replies;
        /** The reactions on it now, "person kind". */
        final java.util.Set<String> reacted = new java.util.HashSet<>();

        SoakPost(int number, Place origin, String originId, SoakPost root, String author, String words) {
            this.number = number;
            this.key = String.format("M%05d", number);
            this.origin = origin;
            this.originId = originId;
            this.root = root;
            this.author = author;
            this.words = words;
        }

        String text() {
            return words + " " + key + (edits == 0 ? "" : "E" + edits);
        }

        /** Where its copies go. */
        List<Place> targets() {
            return places.stream().filter(place -> !place.equals(origin)).toList();
        }
    }

    /** What an action asks one channel to show, and when it did (empty: not yet). */
    record Effect(Place where, Supplier<Optional<Instant>> seen) {
    }

    /** One action: what it asked each other channel to show, and when they all did. */
    static final class Action {
        final String kind;
        final String what;
        final Instant acceptedAt;
        final List<Effect> effects;
        volatile Instant doneAt;
        /** When the channels of each tool all showed it. */
        final Map<Tool, Instant> doneIn = new java.util.EnumMap<>(Tool.class);

        Action(String kind, String what, Instant acceptedAt, List<Effect> effects) {
            this.kind = kind;
            this.what = what;
            this.acceptedAt = acceptedAt;
            this.effects = effects;
        }

        /** Done when every effect was seen: at the last of them. */
        boolean check() {
            Instant last = acceptedAt;
            Map<Tool, Instant> byTool = new java.util.EnumMap<>(Tool.class);
            for (Effect effect : effects) {
                Optional<Instant> at = effect.seen().get();
                if (at.isEmpty()) {
                    return false;
                }
                last = at.get().isAfter(last) ? at.get() : last;
                byTool.merge(effect.where().tool(), at.get(), (a, b) -> a.isAfter(b) ? a : b);
            }
            doneIn.putAll(byTool);
            doneAt = last;
            return true;
        }

        /** The channels that never showed it. */
        String missing() {
            return what + ", not shown in " + effects.stream().filter(e -> e.seen().get().isEmpty())
                    .map(e -> e.where().name()).toList();
        }
    }

    private final LocalStack stack;
    private final Options options;
    private final Random random;
    private final SoakObserver observer;
    private final SlackInteractions slack = new SlackInteractions(LocalStack.SIGNING_SECRET, FakeSlackApi.TEAM_ID);
    private final String slug = "soak-" + UUID.randomUUID().toString().substring(0, 6);
    private final Place slackA = new Place(Tool.SLACK, "C0SOAKA001", "soak-a");
    private final Place slackB = new Place(Tool.SLACK, "C0SOAKB001", "soak-b");
    private final Place teamsA = new Place(Tool.TEAMS, teamsChannel(), "Soak A");
    private final Place teamsB = new Place(Tool.TEAMS, teamsChannel(), "Soak B");
    private final List<Place> places = List.of(slackA, slackB, teamsA, teamsB);
    private final List<LocalStack.SlackUser> slackWriters = new ArrayList<>();
    private final List<LocalStack.TeamsUser> teamsWriters = new ArrayList<>();
    private final Map<String, LocalStack.TeamsUser> teamsByName = new java.util.HashMap<>();
    /** Who has written in the community: people take part by writing, and only then may their reactions count. */
    private final java.util.Set<String> writersSoFar = new java.util.LinkedHashSet<>();
    private final List<SoakPost> posts = new ArrayList<>();
    private final List<Action> actions = new CopyOnWriteArrayList<>();
    /** Events already delivered once, to deliver again (Slack's retries, the Bot Connector's redeliveries). */
    private final List<Runnable> redeliveries = new ArrayList<>();
    private final Map<String, Integer> actionsByKind = new TreeMap<>();
    private final SoakFaults faults;
    private long slackMicros = 100;
    private volatile boolean observing = true;

    MirrorSoak(LocalStack stack, Options options) {
        this.stack = stack;
        this.options = options;
        this.random = new Random(options.seed());
        this.observer = new SoakObserver(stack.slackApi, stack.botFramework);
        this.faults = new SoakFaults(stack);
    }

    private static String teamsChannel() {
        return "19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.tacv2";
    }

    /** Runs the soak and says what it measured. */
    SoakReport run() throws InterruptedException {
        setUp();
        Thread watching = Thread.ofPlatform().daemon().name("soak-observer").start(this::observe);
        Instant started = Instant.now();
        long next = System.nanoTime();
        boolean faultDue = false;
        for (int i = 0; i < options.actions(); i++) {
            next += options.every().toNanos();
            faultDue |= i > 0 && i % options.faultEvery() == 0;
            if (faultDue && faults.armNext()) {
                faultDue = false;
            }
            act();
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(Duration.ofNanos(sleep));
            }
        }
        Instant lastAccepted = actions.stream().map(a -> a.acceptedAt).max(Instant::compareTo).orElse(started);
        awaitDone(Duration.ofMinutes(5).plus(options.every().multipliedBy(options.actions() / 4)));
        Thread.sleep(5_000); // anything sent late (a duplicate) is seen too
        observer.look();
        observing = false;
        watching.join(2_000);
        return report(started, lastAccepted);
    }

    // ---- the community and its four channels ----

    private void setUp() {
        LocalStack.SlackUser steward = stack.slackUser("U0SOAKSTW", "Sam Steward");
        // The same person in Teams (the same address): a steward of the community on both tools.
        LocalStack.TeamsUser teamsSteward = stack.teamsUser("Sam Steward", "u0soakstw@example.com", "user");
        assertTrue(steward.ciment("create " + slug + " A long run of mixed actions").says(slug));
        for (Place place : List.of(slackA, slackB)) {
            assertTrue(steward.answer(stack.slashCommands.sign(stack.slashCommands.command(steward.userId, steward.name,
                    "link " + slug).inChannel(place.id(), place.name()), Instant.now())).says("Linked"));
        }
        for (Place place : List.of(teamsA, teamsB)) {
            LocalStack.TeamsAnswer linked = teamsSteward.send(teamsSteward.message("link " + slug)
                    .conversation(place.id()).channelName(place.name()), token());
            assertTrue(linked.says("Linked"), linked.toString());
        }
        // Writers join: a reaction counts only from a member (writing in a linked channel does not make one).
        for (int i = 1; i <= 3; i++) {
            LocalStack.SlackUser slackWriter = stack.slackUser("U0SOAKW0" + i, "Slack Writer " + i);
            assertTrue(slackWriter.ciment("join " + slug).says(slug));
            slackWriters.add(slackWriter);
            LocalStack.TeamsUser writer = stack.teamsUser("Teams Writer " + i);
            assertTrue(writer.ciment("join " + slug).says(slug));
            teamsWriters.add(writer);
            teamsByName.put(writer.name, writer);
        }
    }

    private String token() {
        return stack.botFramework.token(stack.botFramework.serviceUrl());
    }

    // ---- actions ----

    private void act() {
        int roll = random.nextInt(100);
        List<SoakPost> live = posts.stream().filter(p -> !p.deleted).toList();
        List<SoakPost> liveRoots = live.stream().filter(p -> p.root == null).toList();
        if (live.size() < 4 || roll < 35) {
            newPost(places.get(random.nextInt(places.size())), null);
        } else if (roll < 50 && !liveRoots.isEmpty()) {
            SoakPost root = liveRoots.get(random.nextInt(liveRoots.size()));
            newPost(root.origin, root);
        } else if (roll < 66) {
            edit(live.get(random.nextInt(live.size())));
        } else if (roll < 76) {
            delete(live.get(random.nextInt(live.size())));
        } else if (roll < 95) {
            react(live.get(random.nextInt(live.size())));
        } else if (!redeliveries.isEmpty()) {
            redeliveries.get(random.nextInt(redeliveries.size())).run();
            count("an event delivered again (no change expected)");
        } else {
            newPost(places.get(random.nextInt(places.size())), null);
        }
    }

    private void count(String kind) {
        actionsByKind.merge(kind, 1, Integer::sum);
    }

    /** A message in the channel (a reply in its root's thread there); every other channel gets a copy. */
    private void newPost(Place place, SoakPost root) {
        String words = WORDS.get(random.nextInt(WORDS.size())) + " " + WORDS.get(random.nextInt(WORDS.size()));
        int number = posts.size() + 1;
        SoakPost post;
        if (place.tool() == Tool.SLACK) {
            LocalStack.SlackUser writer = slackWriters.get(random.nextInt(slackWriters.size()));
            String ts = slackTs();
            post = new SoakPost(number, place, ts, root, writer.userId, words);
            Map<String, Object> event = SlackInteractions.message(writer.userId, place.id(), ts,
                    root == null ? null : root.originId, post.text());
            String eventId = SlackInteractions.newEventId();
            deliverToSlack(slack.event(event, eventId, Instant.now()));
            redeliveries.add(() -> deliverToSlack(slack.event(event, eventId, Instant.now())
                    .withHeader("X-Slack-Retry-Num", "1").withHeader("X-Slack-Retry-Reason", "http_timeout")));
        } else {
            LocalStack.TeamsUser writer = teamsWriters.get(random.nextInt(teamsWriters.size()));
            TeamsActivities.Message message = writer.message("").unmentioned();
            message = root == null ? message.conversation(place.id()) : message.inReplyChainOf(place.id(), root.originId);
            post = new SoakPost(number, place, message.id(), root, writer.name, words);
            TeamsActivities.Message sent = message.text(post.text());
            deliverToTeams(sent);
            redeliveries.add(() -> deliverToTeams(sent));
        }
        posts.add(post);
        writersSoFar.add(post.author);
        if (root != null) {
            root.replies++;
        }
        String kind = root == null ? "message" : "thread reply";
        count(kind + " in " + place.tool().name().charAt(0) + place.tool().name().substring(1).toLowerCase());
        accepted(kind, post.key + " in " + place.name(), post.targets().stream().map(target ->
                new Effect(target, () -> observer.posted(post.key, target.id()))).toList());
    }

    /** The author edits the message in its channel: every copy shows the new text. */
    private void edit(SoakPost post) {
        String before = post.text();
        post.edits++;
        int edit = post.edits;
        if (post.origin.tool() == Tool.SLACK) {
            deliverToSlack(slack.event(SlackInteractions.messageChanged(post.author, post.origin.id(), post.originId,
                    post.root == null ? null : post.root.originId, before, post.text(), slackTs()),
                    SlackInteractions.newEventId(), Instant.now()));
        } else {
            deliverToTeams(teamsByName.get(post.author).message("").conversation(teamsConversation(post))
                    .id(post.originId).edited(post.text()));
        }
        count("edit");
        accepted("edit", "edit " + edit + " of " + post.key + " in " + post.origin.name(), post.targets().stream()
                .map(target -> new Effect(target, () -> observer.shows(post.key, target.id(), edit))).toList());
    }

    /** The author deletes the message: every copy is deleted. */
    private void delete(SoakPost post) {
        post.deleted = true;
        if (post.origin.tool() == Tool.SLACK) {
            Map<String, Object> event = post.root == null && post.replies > 0
                    ? SlackInteractions.messageTombstoned(post.author, post.origin.id(), post.originId, post.text(), slackTs())
                    : SlackInteractions.messageDeleted(post.author, post.origin.id(), post.originId,
                            post.root == null ? null : post.root.originId, post.text(), slackTs());
            deliverToSlack(slack.event(event, SlackInteractions.newEventId(), Instant.now()));
        } else {
            deliverToTeams(teamsByName.get(post.author).message("").conversation(teamsConversation(post))
                    .id(post.originId).deleted());
        }
        count("deletion");
        accepted("deletion", "deletion of " + post.key + " in " + post.origin.name(), post.targets().stream()
                .map(target -> new Effect(target, () -> observer.gone(post.key, target.id()))).toList());
    }

    /**
     * Someone who took part reacts to the message (in Slack, or to its copy in the other Slack channel), with a
     * reaction of theirs not there yet, or takes one back when they all are: every copy is redrawn.
     */
    private void react(SoakPost post) {
        Instant at = Instant.now();
        boolean slackPost = post.origin.tool() == Tool.SLACK;
        List<String> people = (slackPost ? slackWriters.stream().map(w -> w.userId) : teamsWriters.stream().map(w -> w.name))
                .filter(writersSoFar::contains).toList();
        List<String> kinds = slackPost ? SLACK_EMOJI : TEAMS_REACTIONS;
        String person = people.get(random.nextInt(people.size()));
        List<String> notYet = kinds.stream().filter(k -> !post.reacted.contains(person + " " + k)).toList();
        boolean adding = !notYet.isEmpty();
        String kind = adding ? notYet.get(random.nextInt(notYet.size())) : kinds.get(random.nextInt(kinds.size()));
        if (adding) {
            post.reacted.add(person + " " + kind);
        } else {
            post.reacted.remove(person + " " + kind);
        }
        String what = (adding ? "+" : "-") + kind + " by " + person + " on " + post.key;
        if (slackPost) {
            Place other = post.origin.equals(slackA) ? slackB : slackA;
            Optional<SoakObserver.Copy> copy = observer.copies(post.key, other.id()).stream().findFirst();
            boolean onCopy = copy.isPresent() && random.nextBoolean();
            deliverToSlack(slack.reaction(adding, person, kind, onCopy ? other.id() : post.origin.id(),
                    onCopy ? copy.get().messageId() : post.originId, onCopy ? FakeSlackApi.BOT_USER_ID : post.author, at));
            what += onCopy ? "'s copy in " + other.name() : " in " + post.origin.name();
        } else {
            deliverToTeams(teamsByName.get(person).message("").conversation(teamsConversation(post)).reactions(
                    post.originId, adding ? List.of(kind) : List.of(), adding ? List.of() : List.of(kind)));
            what += " in " + post.origin.name();
        }
        count("reaction");
        accepted("reaction", what, post.targets().stream()
                .map(target -> new Effect(target, () -> observer.redrawn(post.key, target.id(), at))).toList());
    }

    private void accepted(String kind, String what, List<Effect> effects) {
        actions.add(new Action(kind, what, Instant.now(), effects));
    }

    /** A Teams message's conversation: its channel, or its root's reply chain there. */
    private static String teamsConversation(SoakPost post) {
        return post.root == null ? post.origin.id() : post.origin.id() + ";messageid=" + post.root.originId;
    }

    private String slackTs() {
        slackMicros = Math.max(slackMicros + 1, Instant.now().toEpochMilli() * 1000);
        return String.format("%d.%06d", slackMicros / 1_000_000, slackMicros % 1_000_000);
    }

    private void deliverToSlack(SlashCommands.Signed event) {
        HttpResponse<String> response = stack.post("/slack/events", event.headers(), event.body());
        assertEquals(200, response.statusCode(), response.body());
    }

    private void deliverToTeams(TeamsActivities.Message activity) {
        HttpResponse<String> response = stack.post("/api/messages", Map.of("Content-Type", "application/json",
                "Authorization", FakeBotFramework.bearer(token())), activity.json());
        assertTrue(response.statusCode() == 200 || response.statusCode() == 201, response.statusCode() + " " + response.body());
    }

    // ---- watching and counting ----

    private void observe() {
        while (observing) {
            observer.look();
            for (Action action : actions) {
                if (action.doneAt == null) {
                    action.check();
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void awaitDone(Duration atMost) throws InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        while (Instant.now().isBefore(deadline) && actions.stream().anyMatch(a -> a.doneAt == null)) {
            Thread.sleep(200);
        }
    }

    private SoakReport report(Instant started, Instant lastAccepted) {
        SoakReport.Builder report = new SoakReport.Builder(options, started, lastAccepted);
        actionsByKind.forEach(report::action);
        actions.stream().map(a -> a.doneAt).filter(java.util.Objects::nonNull).max(Instant::compareTo)
                .ifPresent(report::lastDone);
        report.posts(posts.size());
        for (Action action : actions) {
            report.lag(action.doneAt == null ? action.missing() : null,
                    action.doneAt == null ? null : Duration.between(action.acceptedAt, action.doneAt));
            action.doneIn.forEach((tool, at) -> report.lagIn(tool.name(), Duration.between(action.acceptedAt, at)));
        }
        for (SoakPost post : posts) {
            for (Place target : post.targets()) {
                check(post, target, report);
            }
        }
        report.stalls(stack.runner.streamStalls());
        report.deadLetters(deadLetters());
        faults.armed().forEach(report::faultArmed);
        faults.met().forEach(report::faultMet);
        return report.build();
    }

    /** One post's copies in one channel: how many, what they show, and where they are. */
    private void check(SoakPost post, Place target, SoakReport.Builder report) {
        List<SoakObserver.Copy> copies = observer.copies(post.key, target.id());
        report.copies(target.tool().name(), copies.size());
        if (copies.isEmpty()) {
            report.problem(post.key + " has no copy in " + target.name());
            return;
        }
        if (post.deleted) {
            long left = copies.stream().filter(c -> observer.deletedAt(c).isEmpty()).count();
            if (left > 0) {
                report.leftVisible(target.tool().name(), (int) left);
            }
            if (left == copies.size()) {
                report.problem(post.key + " was deleted, and its copy in " + target.name() + " was not");
            }
            return;
        }
        if (copies.stream().noneMatch(c -> observer.showing(c) == post.edits)) {
            report.problem(post.key + "'s copy in " + target.name() + " shows edit " + observer.showing(copies.get(0))
                    + ", not " + post.edits);
        }
        if (post.root != null) {
            List<String> threads = threadsIn(post.root, target);
            if (copies.stream().noneMatch(c -> threads.contains(c.thread()))) {
                report.problem(post.key + "'s copy in " + target.name() + " is not in its thread (" + copies.get(0).thread()
                        + ", expected one of " + threads + ")");
            }
        }
    }

    /** Where a reply to {@code root} belongs in the channel: under its message there, or under a copy of it. */
    private List<String> threadsIn(SoakPost root, Place place) {
        List<String> messages = root.origin.equals(place) ? List.of(root.originId)
                : observer.copies(root.key, place.id()).stream().map(SoakObserver.Copy::messageId).toList();
        return messages.stream().map(m -> place.tool() == Tool.SLACK ? m : place.id() + ";messageid=" + m).toList();
    }

    private int deadLetters() {
        String queue = stack.runner.settings().require(SqsDeadLetters.QUEUE_URL);
        try (SqsClient sqs = SqsDeadLetters.client(stack.runner.settings())) {
            return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queue)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        }
    }
}
