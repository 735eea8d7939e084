package ciment.devkit.slack;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The messages {@link FakeSlackApi} holds: the ones chat.postMessage posted (with their metadata, a ts of the
 * time they were posted, as Slack's) and the ones a test adds (what people wrote); every post, update and
 * deletion is noted among the changes, with when. conversations.history and conversations.replies give them:
 * history lists a channel's top-level messages, newest first; replies a thread, its first message first.
 * Both take latest/oldest (inclusive when asked) and limit, and page with cursors as Slack does (has_more and
 * response_metadata.next_cursor, an opaque string); metadata is given only with include_all_metadata.
 */
final class FakeConversations {
    private final List<FakeSlackApi.Message> messages = new CopyOnWriteArrayList<>();
    /** Every message posted, updated or deleted, in order, with when. */
    private final List<FakeSlackApi.Change> changes = new CopyOnWriteArrayList<>();
    /** The last ts given, in microseconds: each message's is its time, and unique. */
    private final AtomicLong lastTsMicros = new AtomicLong();

    void add(FakeSlackApi.Message message) {
        messages.add(message);
    }

    /**
     * chat.postMessage: the message kept where history and replies find it, with its metadata; a user id as the
     * channel is the app's direct messages with them ({@code D0<user>}, as conversations.open).
     */
    Map<String, Object> post(FakeSlackApi.Call call) {
        String channel = String.valueOf(call.param("channel"));
        if (channel.startsWith("U") || channel.startsWith("W")) {
            channel = "D0" + channel;
        }
        String ts = nextTs();
        Map<String, Object> metadata = call.json("metadata");
        add(new FakeSlackApi.Message(channel, ts, call.param("thread_ts"), FakeSlackApi.BOT_USER_ID,
                FakeSlackApi.BOT_ID, String.valueOf(call.param("text")), metadata.isEmpty() ? null : metadata));
        changes.add(new FakeSlackApi.Change(call.method(), channel, ts, call.param("thread_ts"),
                String.valueOf(call.param("text")), Instant.now()));
        return Map.of("ok", true, "channel", channel, "ts", ts);
    }

    /** chat.update and chat.delete, of a kept message. */
    Map<String, Object> change(FakeSlackApi.Call call) {
        String channel = call.param("channel");
        String ts = String.valueOf(call.param("ts"));
        boolean done = call.method().equals("chat.delete") ? delete(channel, ts)
                : update(channel, ts, call.param("text"), call.json("metadata"));
        if (!done) {
            return Map.of("ok", false, "error", "message_not_found");
        }
        changes.add(new FakeSlackApi.Change(call.method(), channel, call.param("ts"), null, call.param("text"),
                Instant.now()));
        return Map.of("ok", true, "channel", channel, "ts", call.param("ts"));
    }

    /** The changes from the {@code from}-th on. */
    List<FakeSlackApi.Change> changes(int from) {
        return List.copyOf(changes.subList(Math.min(from, changes.size()), changes.size()));
    }

    /** A conversation's messages, oldest first. */
    List<FakeSlackApi.Message> in(String channel) {
        return messages.stream().filter(m -> m.channel().equals(channel))
                .sorted(Comparator.comparing(m -> new BigDecimal(m.ts()))).toList();
    }

    /** A new message's ts: the time now, made unique (seconds and microseconds, as Slack writes it). */
    String nextTs() {
        long now = Instant.now().toEpochMilli() * 1000;
        long micros = lastTsMicros.updateAndGet(last -> Math.max(now, last + 1));
        return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    /** chat.update: the message's text and metadata as sent now; false when there is no such message. */
    private boolean update(String channel, String ts, String text, Map<String, Object> metadata) {
        for (FakeSlackApi.Message m : messages) {
            if (m.channel().equals(channel) && m.ts().equals(ts)) {
                messages.set(messages.indexOf(m), new FakeSlackApi.Message(channel, ts, m.threadTs(), m.user(),
                        m.botId(), text == null ? m.text() : text, metadata == null || metadata.isEmpty()
                        ? m.metadata() : metadata));
                return true;
            }
        }
        return false;
    }

    /** chat.delete: false when there is no such message. */
    private boolean delete(String channel, String ts) {
        return messages.removeIf(m -> m.channel().equals(channel) && m.ts().equals(ts));
    }

    Map<String, Object> history(FakeSlackApi.Call call) {
        String channel = call.param("channel");
        if (channel == null) {
            return Map.of("ok", false, "error", "channel_not_found");
        }
        List<FakeSlackApi.Message> found = messages.stream()
                .filter(m -> m.channel().equals(channel) && (m.threadTs() == null || m.threadTs().equals(m.ts())))
                .filter(m -> within(m.ts(), call))
                .sorted(Comparator.comparing((FakeSlackApi.Message m) -> new BigDecimal(m.ts())).reversed())
                .toList();
        return answer(found, call);
    }

    Map<String, Object> replies(FakeSlackApi.Call call) {
        String channel = call.param("channel");
        String ts = call.param("ts");
        FakeSlackApi.Message named = messages.stream()
                .filter(m -> m.channel().equals(channel) && m.ts().equals(ts)).findFirst().orElse(null);
        if (named == null) {
            return Map.of("ok", false, "error", "thread_not_found");
        }
        String root = named.threadTs() == null ? named.ts() : named.threadTs();
        List<FakeSlackApi.Message> found = messages.stream()
                .filter(m -> m.channel().equals(channel) && (m.ts().equals(root) || root.equals(m.threadTs())))
                .filter(m -> within(m.ts(), call))
                .sorted(Comparator.comparing(m -> new BigDecimal(m.ts())))
                .toList();
        return answer(found, call);
    }

    /** The page the call's cursor names (the first without one), of at most its limit. */
    private Map<String, Object> answer(List<FakeSlackApi.Message> found, FakeSlackApi.Call call) {
        boolean metadata = "true".equals(call.param("include_all_metadata")) || "1".equals(call.param("include_all_metadata"));
        int from = offsetOf(call.param("cursor"));
        int to = (int) Math.min(found.size(), from + limit(call));
        List<Map<String, Object>> shown = new ArrayList<>();
        for (FakeSlackApi.Message message : found.subList(Math.min(from, to), to)) {
            shown.add(shown(message, metadata));
        }
        boolean more = to < found.size();
        return Map.of("ok", true, "messages", shown, "has_more", more,
                "response_metadata", Map.of("next_cursor", more ? cursorAt(to) : ""));
    }

    private static String cursorAt(int offset) {
        return java.util.Base64.getEncoder().encodeToString(("next_offset:" + offset).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private static int offsetOf(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        String decoded = new String(java.util.Base64.getDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8);
        return Integer.parseInt(decoded.substring("next_offset:".length()));
    }

    private Map<String, Object> shown(FakeSlackApi.Message message, boolean withMetadata) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("type", "message");
        shown.put("ts", message.ts());
        shown.put("text", message.text());
        if (message.user() != null) {
            shown.put("user", message.user());
        }
        if (message.botId() != null) {
            shown.put("bot_id", message.botId());
        }
        if (message.threadTs() != null) {
            shown.put("thread_ts", message.threadTs());
        }
        long replies = messages.stream().filter(m -> m.channel().equals(message.channel())
                && message.ts().equals(m.threadTs()) && !m.ts().equals(message.ts())).count();
        if (replies > 0) {
            shown.put("thread_ts", message.ts());
            shown.put("reply_count", replies);
        }
        if (withMetadata && message.metadata() != null && !message.metadata().isEmpty()) {
            shown.put("metadata", message.metadata());
        }
        return shown;
    }

    private static boolean within(String ts, FakeSlackApi.Call call) {
        boolean inclusive = "true".equals(call.param("inclusive")) || "1".equals(call.param("inclusive"));
        BigDecimal at = new BigDecimal(ts);
        String latest = call.param("latest");
        String oldest = call.param("oldest");
        if (latest != null && !latest.isEmpty()) {
            int c = at.compareTo(new BigDecimal(latest));
            if (c > 0 || (c == 0 && !inclusive)) {
                return false;
            }
        }
        if (oldest != null && !oldest.isEmpty()) {
            int c = at.compareTo(new BigDecimal(oldest));
            return c > 0 || (c == 0 && inclusive);
        }
        return true;
    }

    private static long limit(FakeSlackApi.Call call) {
        String limit = call.param("limit");
        return limit == null || limit.isEmpty() || "0".equals(limit) ? 100 : Long.parseLong(limit);
    }
}
