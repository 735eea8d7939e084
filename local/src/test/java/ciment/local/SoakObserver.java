package ciment.local;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.teams.FakeBotFramework;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What people saw in the four linked channels of a soak, read from the fakes' change logs as they grow: each copy
 * of a post (found by the post's marker in its text, {@code M00012}, and its edit, {@code E2}), each update of a
 * copy with what it showed, each deletion, and when. Posts are told apart by marker, channels by id; a Teams reply
 * chain ({@code 19:...;messageid=...}) is its channel's.
 */
final class SoakObserver {
    private static final Pattern MARKER = Pattern.compile("M(\\d{5})(?:E(\\d+))?");

    /** A copy of a post in a channel: its message, its thread (Slack thread_ts, Teams conversation), its edit shown. */
    record Copy(String channel, String messageId, String thread, int edit, Instant at) {
    }

    /** An update of a copy: the edit it showed (-1: none read), and when. */
    record Update(int edit, Instant at) {
    }

    private final FakeSlackApi slack;
    private final FakeBotFramework teams;
    private int slackRead;
    private int teamsRead;
    private final Map<String, List<Copy>> copiesByPost = new ConcurrentHashMap<>();
    private final Map<String, String> postByCopy = new ConcurrentHashMap<>();
    private final Map<String, List<Update>> updatesByCopy = new ConcurrentHashMap<>();
    private final Map<String, Instant> deletedCopies = new ConcurrentHashMap<>();

    SoakObserver(FakeSlackApi slack, FakeBotFramework teams) {
        this.slack = slack;
        this.teams = teams;
    }

    /** Reads what the fakes did since the last look. One reader at a time. */
    synchronized void look() {
        for (FakeSlackApi.Change change : slack.changes(slackRead)) {
            slackRead++;
            String copy = change.channel() + "|" + change.ts();
            switch (change.method()) {
                case "chat.postMessage" -> marker(change.text()).ifPresent(m -> copied(m.post(), copy,
                        new Copy(change.channel(), change.ts(), change.threadTs(), m.edit(), change.at())));
                case "chat.update" -> updated(copy, marker(change.text()).map(Marker::edit).orElse(-1), change.at());
                case "chat.delete" -> deletedCopies.putIfAbsent(copy, change.at());
                default -> {
                }
            }
        }
        for (FakeBotFramework.Change change : teams.changes(teamsRead)) {
            teamsRead++;
            String channel = change.conversationId().split(";")[0];
            String copy = channel + "|" + change.activityId();
            switch (change.kind()) {
                case "send" -> marker(change.json()).ifPresent(m -> copied(m.post(), copy,
                        new Copy(channel, change.activityId(), change.conversationId(), m.edit(), change.at())));
                case "update" -> updated(copy, marker(change.json()).map(Marker::edit).orElse(-1), change.at());
                case "delete" -> deletedCopies.putIfAbsent(copy, change.at());
                default -> {
                }
            }
        }
    }

    private void copied(String post, String copy, Copy seen) {
        copiesByPost.computeIfAbsent(post, p -> new CopyOnWriteArrayList<>()).add(seen);
        postByCopy.put(copy, post);
    }

    private void updated(String copy, int edit, Instant at) {
        updatesByCopy.computeIfAbsent(copy, c -> new CopyOnWriteArrayList<>()).add(new Update(edit, at));
    }

    /** Every copy of the post in the channel, oldest first (more than one: a duplicate). */
    List<Copy> copies(String post, String channel) {
        return copiesByPost.getOrDefault(post, List.of()).stream().filter(c -> c.channel().equals(channel)).toList();
    }

    List<Update> updates(Copy copy) {
        return updatesByCopy.getOrDefault(copy.channel() + "|" + copy.messageId(), List.of());
    }

    Optional<Instant> deletedAt(Copy copy) {
        return Optional.ofNullable(deletedCopies.get(copy.channel() + "|" + copy.messageId()));
    }

    /** The edit a copy shows now: its last update's, else what it was sent with. */
    int showing(Copy copy) {
        List<Update> updates = updates(copy);
        for (int i = updates.size() - 1; i >= 0; i--) {
            if (updates.get(i).edit() >= 0) {
                return updates.get(i).edit();
            }
        }
        return copy.edit();
    }

    // ---- effects: when the channel showed what an action asked for (empty: not yet) ----

    /** The post's first copy in the channel. */
    Optional<Instant> posted(String post, String channel) {
        return copies(post, channel).stream().map(Copy::at).min(Instant::compareTo);
    }

    /** A copy of the post in the channel showing this edit (sent with it, or updated to it). */
    Optional<Instant> shows(String post, String channel, int edit) {
        return copies(post, channel).stream().flatMap(copy -> {
            var at = updates(copy).stream().filter(u -> u.edit() == edit).map(Update::at);
            return copy.edit() == edit ? java.util.stream.Stream.concat(java.util.stream.Stream.of(copy.at()), at) : at;
        }).min(Instant::compareTo);
    }

    /** A copy of the post in the channel deleted. */
    Optional<Instant> gone(String post, String channel) {
        return copies(post, channel).stream().map(this::deletedAt).flatMap(Optional::stream).min(Instant::compareTo);
    }

    /** A copy of the post in the channel drawn again (or first sent) after {@code after}. */
    Optional<Instant> redrawn(String post, String channel, Instant after) {
        return copies(post, channel).stream().flatMap(copy -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(copy.at()), updates(copy).stream().map(Update::at)))
                .filter(at -> at.isAfter(after)).min(Instant::compareTo);
    }

    private record Marker(String post, int edit) {
    }

    /** The first marker in a text (a Teams card shows its post's own text before any reply's preview). */
    private static Optional<Marker> marker(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher found = MARKER.matcher(text);
        return found.find() ? Optional.of(new Marker("M" + found.group(1),
                found.group(2) == null ? 0 : Integer.parseInt(found.group(2)))) : Optional.empty();
    }
}
