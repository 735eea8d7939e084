package ciment.devkit.slack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stands in for Slack's Web API (https://slack.com/api/) on a free loopback port, and records every
 * call Ciment makes: method, parameters (form or JSON) and bearer token ({@link SlackDispatch}). It answers
 * auth.test, users.info for the users a test registers ({@link SlackUsers}), chat.postMessage, chat.update,
 * chat.delete, chat.postEphemeral, conversations.history and conversations.replies ({@link FakeConversations}),
 * views.open, views.update and views.publish ({@link SlackViews}), conversations.open and the external file
 * uploads ({@link SlackFiles}), and installs: oauth.v2.access, auth.test and auth.revoke of the tokens it issued
 * ({@link SlackInstalls}); any other method gets {@code unknown_method}, as Slack answers. It also plays the
 * response_url of interactions ({@link #responseUrl}). A test can make it refuse, fail, answer late or kill
 * its caller ({@link SlackFaults}).
 */
public final class FakeSlackApi implements AutoCloseable, SlackTyping.Names {
    public static final String TEAM_ID = "T0CIMENT01";
    public static final String BOT_USER_ID = "U0CIMENTBOT";
    public static final String BOT_ID = "B0CIMENT01";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final SlackFaults faults = new SlackFaults();
    private final SlackInstalls installs = new SlackInstalls();
    private final FakeConversations conversations = new FakeConversations();
    private final SlackUsers users;
    private final SlackViews views;
    private final SlackFiles files;

    private FakeSlackApi(HttpServer server, ExecutorService executor, String teamId) {
        this.server = server;
        this.executor = executor;
        this.users = new SlackUsers(teamId);
        this.views = new SlackViews(teamId);
        this.files = new SlackFiles("http://127.0.0.1:" + server.getAddress().getPort() + "/upload/");
    }

    public static FakeSlackApi start() {
        return start(TEAM_ID);
    }

    /** A fake for the workspace {@code teamId} (what auth.test and users.info report). */
    public static FakeSlackApi start(String teamId) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newFixedThreadPool(8, runnable -> {
                Thread thread = new Thread(runnable, "fake-slack-api");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            FakeSlackApi api = new FakeSlackApi(server, executor, teamId);
            SlackDispatch dispatch = new SlackDispatch(teamId, api.calls, api.faults, api.installs, api.users,
                    api.conversations, api.files, api.views);
            server.createContext("/api/", dispatch::handle);
            server.createContext("/hooks/", dispatch::handleResponseUrl);
            server.createContext("/upload/", api.files::upload);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the fake Slack Web API", e);
        }
    }

    /** Where Ciment should send Web API calls (SLACK_API_URL); ends with '/'. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /**
     * A response_url for an interaction's payload: what Ciment posts there is recorded as a call of the
     * method {@code response_url} (its JSON fields as params, and {@code path} the URL's last part).
     */
    public String responseUrl(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + name;
    }

    /** Makes views.open refuse this trigger id as Slack does after 3 seconds ({@code expired_trigger_id}). */
    public FakeSlackApi expireTrigger(String triggerId) {
        views.expire(triggerId);
        return this;
    }

    /**
     * Makes oauth.v2.access exchange {@code code} for a new bot token of workspace {@code teamId}, as Slack does
     * once a person approved the install; auth.test with that token then reports that workspace. Returns the
     * bot token the exchange will give.
     */
    public String registerOAuthCode(String code, String teamId, String teamName) {
        return installs.register(code, teamId, teamName);
    }

    /** The tokens auth.revoke was asked to revoke, in no order. */
    public Set<String> revokedTokens() {
        return installs.revoked();
    }

    /** Makes users.info know this user. */
    public FakeSlackApi addUser(User user) {
        users.add(user);
        return this;
    }

    public FakeSlackApi addUser(String id, String realName, String displayName, String email) {
        return addUser(new User(id, realName, displayName, email));
    }

    /** A channel people can name with #name in what they type. */
    public FakeSlackApi addChannel(String id, String name) {
        users.addChannel(id, name);
        return this;
    }

    @Override
    public Optional<User> userNamed(String name) {
        return users.userNamed(name);
    }

    @Override
    public Optional<String> channelNamed(String name) {
        return users.channelNamed(name);
    }

    /** The user's name as users.info gives it (and Slack's mentions show after the |). */
    public static String nameOf(User user) {
        return user.displayName().isBlank() ? user.id().toLowerCase(Locale.ROOT) : user.displayName();
    }

    /** The profile picture users.info gives a user (72 pixels). */
    public static String pictureOf(String userId) {
        return "https://avatars.slack-edge.example/" + userId + "_72.png";
    }

    /** Makes every later call of {@code method} wait this long before answering (a slow Slack). */
    public FakeSlackApi delay(String method, Duration delay) {
        faults.delay(method, delay);
        return this;
    }

    /**
     * Makes every later call of {@code method} to {@code channel} answer {@code {"ok":false,"error":error}},
     * as Slack answers chat.postEphemeral with not_in_channel when the app is not in the channel.
     */
    public FakeSlackApi refuse(String method, String channel, String error) {
        faults.refuse(method, channel, error);
        return this;
    }

    /**
     * Makes the next {@code times} calls of {@code method} fail with this HTTP status: 429 comes with
     * {@code Retry-After: 1} and Slack's ratelimited error, any other status with a body that is not JSON,
     * as a proxy in front of Slack would send. The calls are recorded all the same.
     */
    public FakeSlackApi failNext(String method, int status, int times) {
        return failNext(method, status, times, 1);
    }

    /** As {@link #failNext(String, int, int)}, a 429 asking to wait {@code retryAfterSeconds}. */
    public FakeSlackApi failNext(String method, int status, int times, int retryAfterSeconds) {
        faults.add(method, new SlackFaults.Fault("HTTP " + status, status, retryAfterSeconds, null, false), times);
        return this;
    }

    /** The next {@code times} calls of {@code method} are done (a message posted), their answers held this long. */
    public FakeSlackApi answerLate(String method, Duration held, int times) {
        faults.add(method, new SlackFaults.Fault("answered late", 200, 0, held, false), times);
        return this;
    }

    /**
     * The next {@code times} calls of {@code method} are done (a message posted), then the caller is killed
     * ({@link #onKill}) before it gets the answer: a container that dies between the send and its record.
     */
    public FakeSlackApi killAfterNext(String method, int times) {
        faults.add(method, new SlackFaults.Fault("caller killed after the call was done", 200, 0, null, true), times);
        return this;
    }

    /** What kills the caller (the local runner kills the container of the delivery function). */
    public FakeSlackApi onKill(Runnable kill) {
        faults.onKill(kill);
        return this;
    }

    /** How many faults were met, by kind ("HTTP 429", "answered late", ...). */
    public Map<String, Long> faultsInjected() {
        return faults.injected();
    }

    /** Faults armed and not met yet, over every method. */
    public int faultsWaiting() {
        return faults.waiting();
    }

    /** Every call received so far, oldest first. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls of one method (for example "users.info"), oldest first. */
    public List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    public void clearCalls() {
        calls.clear();
    }

    /** The files posted to the upload URLs files.getUploadURLExternal gave, oldest first. */
    public List<Upload> uploads() {
        return files.uploads();
    }

    /**
     * The messages posted (chat.postMessage), updated (chat.update) and deleted (chat.delete), in the order they
     * were, from the {@code from}-th on: what people saw change, with when.
     */
    public List<Change> changes(int from) {
        return conversations.changes(from);
    }

    /** The messages of a conversation (posted by chat.postMessage or added), oldest first. */
    public List<Message> messages(String channel) {
        return conversations.in(channel);
    }

    /** Makes conversations.history and conversations.replies know a message (one a person wrote, say). */
    public FakeSlackApi addMessage(Message message) {
        conversations.add(message);
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * A change to a conversation: {@code method} chat.postMessage, chat.update or chat.delete, the message's channel and
     * ts (its thread's for a reply), its text as sent (null for a deletion), and when the fake made it.
     */
    public record Change(String method, String channel, String ts, String threadTs, String text,
            java.time.Instant at) {
    }

    /** A file posted to an upload URL: its id, the name announced for it, and its bytes. */
    public record Upload(String fileId, String filename, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * A message in a conversation.
     *
     * @param threadTs the ts of its thread's first message (null: not in a thread)
     * @param user     who wrote it (the bot user for the app's messages)
     * @param botId    the app's bot id for a message it posted, else null
     * @param metadata Slack message metadata ({@code event_type}, {@code event_payload}), or null
     */
    public record Message(String channel, String ts, String threadTs, String user, String botId, String text,
            Map<String, Object> metadata) {

        /** What a person wrote: at the top of the channel ({@code threadTs} null) or in a thread. */
        public static Message byPerson(String channel, String ts, String threadTs, String user, String text) {
            return new Message(channel, ts, threadTs, user, null, text, null);
        }
    }

    /**
     * A Slack user as users.info describes them.
     *
     * @param email           null: users.info gives none (no users:read.email scope, or no address)
     * @param teamId          the user's own workspace; null: the fake's workspace
     * @param restricted      a multi-channel guest ({@code is_restricted})
     * @param ultraRestricted a single-channel guest ({@code is_ultra_restricted})
     * @param stranger        someone from another organisation Slack shows as a stranger ({@code is_stranger})
     * @param locale          the user's language, which users.info gives only when asked with include_locale
     */
    public record User(String id, String realName, String displayName, String email, String teamId,
                       boolean restricted, boolean ultraRestricted, boolean stranger, String locale) {

        /** Slack's default locale, as users.info gives it with include_locale. */
        public static final String ENGLISH_US = "en-US";

        public User(String id, String realName, String displayName, String email, String teamId,
                    boolean restricted, boolean ultraRestricted, boolean stranger) {
            this(id, realName, displayName, email, teamId, restricted, ultraRestricted, stranger, ENGLISH_US);
        }

        /** A member of the fake's workspace. */
        public User(String id, String realName, String displayName, String email) {
            this(id, realName, displayName, email, null, false, false, false);
        }

        /** The same person, from another organisation's workspace (Slack Connect). */
        public User fromTeam(String otherTeamId) {
            return new User(id, realName, displayName, email, otherTeamId, restricted, ultraRestricted, stranger, locale);
        }

        /** The same person as a multi-channel guest. */
        public User multiChannelGuest() {
            return new User(id, realName, displayName, email, teamId, true, false, stranger, locale);
        }

        /** The same person as a single-channel guest (Slack marks them restricted too). */
        public User singleChannelGuest() {
            return new User(id, realName, displayName, email, teamId, true, true, stranger, locale);
        }

        public User asStranger() {
            return new User(id, realName, displayName, email, teamId, restricted, ultraRestricted, true, locale);
        }

        /** The same person, without the email address users.info would give. */
        public User withoutEmail() {
            return new User(id, realName, displayName, null, teamId, restricted, ultraRestricted, stranger, locale);
        }

        /** The same person with Slack set to another language ("fr-FR"). */
        public User speaking(String otherLocale) {
            return new User(id, realName, displayName, email, teamId, restricted, ultraRestricted, stranger, otherLocale);
        }
    }

    /**
     * One Web API call as received.
     *
     * @param params form fields or top-level JSON fields (JSON values as maps, lists, strings, numbers)
     * @param token  the bearer token (or the {@code token} parameter), null when none was sent
     */
    public record Call(String method, Map<String, Object> params, String token, String contentType, String body) {
        public String param(String name) {
            Object value = params.get(name);
            return value == null ? null : value.toString();
        }

        /**
         * A parameter holding JSON, as a map: the SDK sends views.* their {@code view} as a JSON string in a
         * form field. Empty when absent or not a JSON object.
         */
        @SuppressWarnings("unchecked")
        public Map<String, Object> json(String name) {
            Object value = params.get(name);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            if (value instanceof String text && text.strip().startsWith("{")) {
                try {
                    return JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
                } catch (IOException notJson) {
                    return Map.of();
                }
            }
            return Map.of();
        }
    }
}
