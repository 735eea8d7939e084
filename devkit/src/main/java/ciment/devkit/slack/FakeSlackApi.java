package ciment.devkit.slack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Stands in for Slack's Web API (https://slack.com/api/) on a free loopback port, and records every
 * call Ciment makes: method, parameters (form or JSON) and bearer token. It answers auth.test,
 * users.info (for the users a test registers: names, email, guest flags and home team),
 * chat.postMessage (the message kept, with its metadata; username, icon_url and thread_ts are in the
 * recorded call), chat.update and chat.delete (of a kept message) and chat.postEphemeral, conversations.history and
 * conversations.replies (the messages posted, and those a test adds: {@link #addMessage}), views.open (a trigger id it was told is expired gets
 * {@code expired_trigger_id}), views.update (of a view it opened) and views.publish; any other method gets
 * {@code unknown_method}, as Slack answers. It also plays the response_url of interactions
 * ({@link #responseUrl}), recorded as calls of the method {@code response_url}. For files, it answers
 * conversations.open (a DM channel {@code D…} per user), files.getUploadURLExternal (an upload URL of its own,
 * where the bytes posted are recorded: {@link #uploads()}) and files.completeUploadExternal (the files it
 * was given, shared in {@code channel_id}). For installs, it answers oauth.v2.access for the codes a test
 * registers ({@link #registerOAuthCode}), auth.test with each token so issued as that token's workspace, and
 * auth.revoke (the token refused afterwards).
 * A test can make a method refuse a channel as Slack would ({@code not_in_channel}, ...) or fail at the
 * HTTP level (429 with Retry-After, 5xx) a number of times, answer late (the call done, its answer held beyond
 * the client's timeout), or do the call and then kill the caller ({@link #killAfterNext}: a container that dies
 * between Slack's accepting a message and its recording it); the faults of a method are met in the order given,
 * and counted ({@link #faultsInjected}). Messages get a ts of the time they are posted, as Slack's.
 */
public final class FakeSlackApi implements AutoCloseable, SlackTyping.Names {
    public static final String TEAM_ID = "T0CIMENT01";
    public static final String BOT_USER_ID = "U0CIMENTBOT";
    public static final String BOT_ID = "B0CIMENT01";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final String teamId;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    /** Channel names to ids, for the slash commands' text ({@link SlackTyping}): #general is there from the start. */
    private final Map<String, String> channels = new ConcurrentHashMap<>(
            Map.of(SlashCommands.DEFAULT_CHANNEL_NAME, SlashCommands.DEFAULT_CHANNEL_ID));
    /** The last ts given, in microseconds: each message's is its time, and unique. */
    private final AtomicLong lastTsMicros = new AtomicLong();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    /** method + " " + channel to the error Slack answers there. */
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    /** The faults each method meets next, in order. */
    private final Map<String, java.util.Queue<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> faultsInjected = new ConcurrentHashMap<>();
    private volatile Runnable onKill = () -> {
    };
    private final Set<String> expiredTriggers = ConcurrentHashMap.newKeySet();
    private final Set<String> openedViews = ConcurrentHashMap.newKeySet();
    private final AtomicLong views = new AtomicLong();
    private final AtomicLong files = new AtomicLong();
    /** file id to the name and length announced by files.getUploadURLExternal. */
    private final Map<String, Call> announcedFiles = new ConcurrentHashMap<>();
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private final FakeConversations conversations = new FakeConversations();
    /** Every message posted, updated or deleted, in order, with when. */
    private final List<Change> changes = new CopyOnWriteArrayList<>();
    /** OAuth codes a test registered (oauth.v2.access), and the bot tokens they gave, to their workspace. */
    private final Map<String, Workspace> oauthCodes = new ConcurrentHashMap<>();
    private final Map<String, Workspace> issuedTokens = new ConcurrentHashMap<>();
    private final Set<String> revokedTokens = ConcurrentHashMap.newKeySet();

    private FakeSlackApi(HttpServer server, ExecutorService executor, String teamId) {
        this.server = server;
        this.executor = executor;
        this.teamId = teamId;
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
            server.createContext("/api/", api::handle);
            server.createContext("/hooks/", api::handleResponseUrl);
            server.createContext("/upload/", api::handleUpload);
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
        expiredTriggers.add(triggerId);
        return this;
    }

    /**
     * Makes oauth.v2.access exchange {@code code} for a new bot token of workspace {@code teamId}, as Slack does
     * once a person approved the install; auth.test with that token then reports that workspace. Returns the
     * bot token the exchange will give.
     */
    public String registerOAuthCode(String code, String teamId, String teamName) {
        Workspace workspace = new Workspace(teamId, teamName, "xoxb-" + teamId + "-" + code);
        oauthCodes.put(code, workspace);
        return workspace.botToken();
    }

    /** The tokens auth.revoke was asked to revoke, in no order. */
    public Set<String> revokedTokens() {
        return Set.copyOf(revokedTokens);
    }

    /** Makes users.info know this user. */
    public FakeSlackApi addUser(User user) {
        users.put(user.id(), user);
        return this;
    }

    public FakeSlackApi addUser(String id, String realName, String displayName, String email) {
        return addUser(new User(id, realName, displayName, email));
    }

    /** A channel people can name with #name in what they type. */
    public FakeSlackApi addChannel(String id, String name) {
        channels.put(name, id);
        return this;
    }

    @Override
    public Optional<User> userNamed(String name) {
        return users.values().stream().filter(user -> Stream.of(nameOf(user), user.displayName(), user.realName())
                .anyMatch(name::equalsIgnoreCase)).findFirst();
    }

    @Override
    public Optional<String> channelNamed(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    /** The user's name as users.info gives it (and Slack's mentions show after the |). */
    public static String nameOf(User user) {
        return user.displayName().isBlank() ? user.id().toLowerCase(Locale.ROOT) : user.displayName();
    }

    /** Makes every later call of {@code method} wait this long before answering (a slow Slack). */
    public FakeSlackApi delay(String method, Duration delay) {
        delays.put(method, delay);
        return this;
    }

    /**
     * Makes every later call of {@code method} to {@code channel} answer {@code {"ok":false,"error":error}},
     * as Slack answers chat.postEphemeral with not_in_channel when the app is not in the channel.
     */
    public FakeSlackApi refuse(String method, String channel, String error) {
        refusals.put(method + " " + channel, error);
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
        for (int i = 0; i < times; i++) {
            fault(method, new Fault("HTTP " + status, status, retryAfterSeconds, null, false));
        }
        return this;
    }

    /** The next {@code times} calls of {@code method} are done (a message posted), their answers held this long. */
    public FakeSlackApi answerLate(String method, Duration held, int times) {
        for (int i = 0; i < times; i++) {
            fault(method, new Fault("answered late", 200, 0, held, false));
        }
        return this;
    }

    /**
     * The next {@code times} calls of {@code method} are done (a message posted), then the caller is killed
     * ({@link #onKill}) before it gets the answer: a container that dies between the send and its record.
     */
    public FakeSlackApi killAfterNext(String method, int times) {
        for (int i = 0; i < times; i++) {
            fault(method, new Fault("caller killed after the call was done", 200, 0, null, true));
        }
        return this;
    }

    /** What kills the caller (the local runner kills the container of the delivery function). */
    public FakeSlackApi onKill(Runnable kill) {
        this.onKill = kill;
        return this;
    }

    /** How many faults were met, by kind ("HTTP 429", "answered late", ...). */
    public Map<String, Long> faultsInjected() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        faultsInjected.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }

    /** Faults armed and not met yet, over every method. */
    public int faultsWaiting() {
        return faults.values().stream().mapToInt(java.util.Queue::size).sum();
    }

    private void fault(String method, Fault fault) {
        faults.computeIfAbsent(method, m -> new java.util.concurrent.ConcurrentLinkedQueue<>()).add(fault);
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
        return List.copyOf(uploads);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Object> params = new LinkedHashMap<>(queryParams(exchange.getRequestURI().getRawQuery()));
            params.putAll(isJson(contentType) ? jsonParams(body) : formParams(body));
            Call call = new Call(method, Map.copyOf(withoutNulls(params)), token(exchange, params), contentType, body);
            calls.add(call);
            pause(delays.get(method));
            java.util.Queue<Fault> waiting = faults.get(method);
            Fault fault = waiting == null ? null : waiting.poll();
            if (fault != null) {
                faultsInjected.computeIfAbsent(fault.kind(), kind -> new AtomicLong()).incrementAndGet();
            }
            if (fault != null && fault.status() != 200) {
                fail(exchange, fault.status(), fault.retryAfterSeconds());
                return;
            }
            byte[] answer = JSON.writeValueAsBytes(answer(call));
            if (fault != null && fault.kill()) {
                onKill.run();
            }
            if (fault != null && fault.held() != null) {
                pause(fault.held());
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    /** A new message's ts: the time now, made unique (seconds and microseconds, as Slack writes it). */
    private String nextTs() {
        long now = java.time.Instant.now().toEpochMilli() * 1000;
        long micros = lastTsMicros.updateAndGet(last -> Math.max(now, last + 1));
        return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    private static void fail(HttpExchange exchange, int status, int retryAfterSeconds) throws IOException {
        byte[] body;
        if (status == 429) {
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfterSeconds));
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            body = "{\"ok\":false,\"error\":\"ratelimited\"}".getBytes(StandardCharsets.UTF_8);
        } else {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            body = ("<html><body>" + status + "</body></html>").getBytes(StandardCharsets.UTF_8);
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private Map<String, Object> answer(Call call) {
        if (call.method().equals("oauth.v2.access")) {
            return oauthV2Access(call);
        }
        if (call.token() != null && revokedTokens.contains(call.token())) {
            return Map.of("ok", false, "error", "token_revoked");
        }
        if (call.token() != null && issuedTokens.containsKey(call.token())) {
            Workspace workspace = issuedTokens.get(call.token());
            switch (call.method()) {
                case "auth.test":
                    return Map.of("ok", true, "url", "https://" + workspace.teamId().toLowerCase(Locale.ROOT)
                            + ".slack.com/", "team", workspace.teamName(), "user", "ciment", "team_id",
                            workspace.teamId(), "user_id", BOT_USER_ID, "bot_id", BOT_ID, "is_enterprise_install", false);
                case "auth.revoke":
                    revokedTokens.add(call.token());
                    return Map.of("ok", true, "revoked", true);
                default:
                    break;
            }
        }
        if (call.token() == null) {
            return Map.of("ok", false, "error", "not_authed");
        }
        String refusal = refusals.get(call.method() + " " + call.param("channel"));
        if (refusal != null) {
            return Map.of("ok", false, "error", refusal);
        }
        return switch (call.method()) {
            case "auth.test" -> Map.of("ok", true, "url", "https://ciment-test.slack.com/", "team", "Ciment test",
                    "user", "ciment", "team_id", teamId, "user_id", BOT_USER_ID, "bot_id", BOT_ID,
                    "is_enterprise_install", false);
            case "users.info" -> usersInfo(call.param("user"));
            case "chat.postMessage" -> postMessage(call);
            case "chat.update" -> conversations.update(call.param("channel"), String.valueOf(call.param("ts")),
                    call.param("text"), call.json("metadata"))
                    ? changed(call, null, Map.of("ok", true, "channel", call.param("channel"), "ts", call.param("ts")))
                    : Map.of("ok", false, "error", "message_not_found");
            case "chat.delete" -> conversations.delete(call.param("channel"), String.valueOf(call.param("ts")))
                    ? changed(call, null, Map.of("ok", true, "channel", call.param("channel"), "ts", call.param("ts")))
                    : Map.of("ok", false, "error", "message_not_found");
            case "conversations.history" -> conversations.history(call);
            case "conversations.replies" -> conversations.replies(call);
            case "chat.postEphemeral" -> Map.of("ok", true,
                    "message_ts", nextTs());
            case "conversations.open" -> call.param("users") == null || call.param("users").contains(",")
                    ? Map.of("ok", false, "error", "invalid_arguments")
                    : Map.of("ok", true, "channel", Map.of("id", "D0" + call.param("users")));
            case "files.getUploadURLExternal" -> filesGetUploadUrl(call);
            case "files.completeUploadExternal" -> filesComplete(call);
            case "views.open" -> viewsOpen(call);
            case "views.update" -> viewsUpdate(call);
            case "views.publish" -> call.param("user_id") == null || call.json("view").isEmpty()
                    ? Map.of("ok", false, "error", "invalid_arguments")
                    : Map.of("ok", true, "view", view(call, "V0HOME" + call.param("user_id")));
            default -> Map.of("ok", false, "error", "unknown_method");
        };
    }

    /**
     * Slack's answer to oauth.v2.access: the client's credentials (HTTP Basic or form fields) and a code a
     * test registered; a code is good once.
     */
    private Map<String, Object> oauthV2Access(Call call) {
        String basic = call.token() == null ? null : call.token();
        boolean identified = call.param("client_id") != null || basic != null;
        if (!identified) {
            return Map.of("ok", false, "error", "invalid_client_id");
        }
        Workspace workspace = call.param("code") == null ? null : oauthCodes.remove(call.param("code"));
        if (workspace == null) {
            return Map.of("ok", false, "error", "invalid_code");
        }
        issuedTokens.put(workspace.botToken(), workspace);
        return Map.of("ok", true, "access_token", workspace.botToken(), "token_type", "bot",
                "scope", "commands,chat:write", "bot_user_id", BOT_USER_ID, "app_id", "A0CIMENT01",
                "team", Map.of("id", workspace.teamId(), "name", workspace.teamName()),
                "is_enterprise_install", false,
                "authed_user", Map.of("id", "U0INSTALLER"));
    }

    /**
     * Posts the message where conversations.history and conversations.replies find it, with its metadata;
     * a user id as the channel is the app's direct messages with them ({@code D0<user>}, as conversations.open).
     */
    private Map<String, Object> postMessage(Call call) {
        String channel = String.valueOf(call.param("channel"));
        if (channel.startsWith("U") || channel.startsWith("W")) {
            channel = "D0" + channel;
        }
        String ts = nextTs();
        Map<String, Object> metadata = call.json("metadata");
        conversations.add(new Message(channel, ts, call.param("thread_ts"), BOT_USER_ID, BOT_ID,
                String.valueOf(call.param("text")), metadata.isEmpty() ? null : metadata));
        changes.add(new Change(call.method(), channel, ts, call.param("thread_ts"), String.valueOf(call.param("text")),
                java.time.Instant.now()));
        return Map.of("ok", true, "channel", channel, "ts", ts);
    }

    /** An update or a deletion done: noted among the changes; the answer as given. */
    private Map<String, Object> changed(Call call, String threadTs, Map<String, Object> answer) {
        changes.add(new Change(call.method(), call.param("channel"), call.param("ts"), threadTs, call.param("text"),
                java.time.Instant.now()));
        return answer;
    }

    /**
     * The messages posted (chat.postMessage), updated (chat.update) and deleted (chat.delete), in the order they
     * were, from the {@code from}-th on: what people saw change, with when.
     */
    public List<Change> changes(int from) {
        return List.copyOf(changes.subList(Math.min(from, changes.size()), changes.size()));
    }

    /** The messages of a conversation (posted by chat.postMessage or added), oldest first. */
    public List<Message> messages(String channel) {
        return conversations.all().stream().filter(m -> m.channel().equals(channel))
                .sorted(java.util.Comparator.comparing(m -> new java.math.BigDecimal(m.ts()))).toList();
    }

    /** Makes conversations.history and conversations.replies know a message (one a person wrote, say). */
    public FakeSlackApi addMessage(Message message) {
        conversations.add(message);
        return this;
    }

    private Map<String, Object> filesGetUploadUrl(Call call) {
        if (call.param("filename") == null || call.param("length") == null) {
            return Map.of("ok", false, "error", "invalid_arguments");
        }
        String id = "F0" + files.incrementAndGet();
        announcedFiles.put(id, call);
        return Map.of("ok", true, "file_id", id,
                "upload_url", "http://127.0.0.1:" + server.getAddress().getPort() + "/upload/" + id);
    }

    /** Shares the uploaded files in the channel; a file never uploaded is refused as Slack does. */
    private Map<String, Object> filesComplete(Call call) {
        List<Map<String, Object>> given;
        try {
            Object value = call.params().get("files");
            given = value instanceof String text ? JSON.readValue(text, new TypeReference<List<Map<String, Object>>>() { })
                    : List.of();
        } catch (IOException notJson) {
            return Map.of("ok", false, "error", "invalid_arguments");
        }
        List<Map<String, Object>> shared = new java.util.ArrayList<>();
        for (Map<String, Object> file : given) {
            String id = String.valueOf(file.get("id"));
            if (uploads.stream().noneMatch(upload -> upload.fileId().equals(id))) {
                return Map.of("ok", false, "error", "file_not_found");
            }
            Call announced = announcedFiles.get(id);
            shared.add(Map.of("id", id, "name", announced.param("filename"),
                    "title", String.valueOf(file.getOrDefault("title", announced.param("filename"))),
                    "channels", call.param("channel_id") == null ? List.of() : List.of(call.param("channel_id"))));
        }
        return Map.of("ok", true, "files", shared);
    }

    private void handleUpload(HttpExchange exchange) throws IOException {
        try (exchange) {
            String id = exchange.getRequestURI().getPath().substring("/upload/".length());
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            Call announced = announcedFiles.get(id);
            int status = announced == null || !"POST".equals(exchange.getRequestMethod()) ? 404 : 200;
            if (status == 200) {
                uploads.add(new Upload(id, announced.param("filename"), bytes));
            }
            byte[] answer = (status == 200 ? "OK - " + bytes.length : "Not found").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private Map<String, Object> viewsOpen(Call call) {
        String trigger = call.param("trigger_id");
        if (trigger == null || call.json("view").isEmpty()) {
            return Map.of("ok", false, "error", "invalid_arguments");
        }
        if (expiredTriggers.contains(trigger)) {
            return Map.of("ok", false, "error", "expired_trigger_id");
        }
        String id = "V0MODAL" + views.incrementAndGet();
        openedViews.add(id);
        return Map.of("ok", true, "view", view(call, id));
    }

    private Map<String, Object> viewsUpdate(Call call) {
        String id = call.param("view_id");
        if (id == null || call.json("view").isEmpty()) {
            return Map.of("ok", false, "error", "invalid_arguments");
        }
        return openedViews.contains(id) ? Map.of("ok", true, "view", view(call, id))
                : Map.of("ok", false, "error", "not_found");
    }

    /** The view as Slack answers it: what was sent, with its id and a fresh hash. */
    private Map<String, Object> view(Call call, String id) {
        Map<String, Object> view = new LinkedHashMap<>(call.json("view"));
        view.put("id", id);
        view.put("hash", views.incrementAndGet() + ".hash");
        view.put("team_id", teamId);
        return view;
    }

    private void handleResponseUrl(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/hooks/".length());
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Object> params = new LinkedHashMap<>(isJson(contentType) ? jsonParams(body) : formParams(body));
            params.put("path", path);
            calls.add(new Call("response_url", Map.copyOf(withoutNulls(params)), null, contentType, body));
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    /** The profile picture users.info gives a user (72 pixels). */
    public static String pictureOf(String userId) {
        return "https://avatars.slack-edge.example/" + userId + "_72.png";
    }

    private Map<String, Object> usersInfo(String userId) {
        User user = userId == null ? null : users.get(userId);
        if (user == null) {
            return Map.of("ok", false, "error", "user_not_found");
        }
        // Slack leaves out the email when the app lacks users:read.email (or the user has none).
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("real_name", user.realName());
        profile.put("display_name", user.displayName());
        if (user.email() != null) {
            profile.put("email", user.email());
        }
        profile.put("image_72", pictureOf(user.id()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", user.id());
        answer.put("team_id", user.teamId() == null ? teamId : user.teamId());
        answer.put("name", nameOf(user));
        answer.put("real_name", user.realName());
        answer.put("is_bot", false);
        answer.put("is_restricted", user.restricted());
        answer.put("is_ultra_restricted", user.ultraRestricted());
        if (user.stranger()) {
            answer.put("is_stranger", true);
        }
        answer.put("profile", profile);
        return Map.of("ok", true, "user", answer);
    }

    private static void pause(Duration delay) {
        if (delay == null) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String token(HttpExchange exchange, Map<String, Object> params) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return authorization.strip(); // oauth.v2.access: the client's id and secret
        }
        Object token = params.get("token");
        return token == null ? null : token.toString();
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    private static Map<String, Object> jsonParams(String body) throws IOException {
        return body.isBlank() ? Map.of() : JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
    }

    private static Map<String, String> formParams(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static Map<String, String> queryParams(String rawQuery) {
        return rawQuery == null ? Map.of() : formParams(rawQuery);
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> params) {
        params.values().removeIf(value -> value == null);
        return params;
    }

    private record Workspace(String teamId, String teamName, String botToken) {
    }

    /**
     * A fault a call meets: an HTTP status other than 200 fails it undone; else it is done, then its caller is
     * killed ({@code kill}) or its answer held ({@code held}).
     */
    private record Fault(String kind, int status, int retryAfterSeconds, Duration held, boolean kill) {
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
     */
    public record User(String id, String realName, String displayName, String email, String teamId,
                       boolean restricted, boolean ultraRestricted, boolean stranger) {

        /** A member of the fake's workspace. */
        public User(String id, String realName, String displayName, String email) {
            this(id, realName, displayName, email, null, false, false, false);
        }

        /** The same person, from another organisation's workspace (Slack Connect). */
        public User fromTeam(String otherTeamId) {
            return new User(id, realName, displayName, email, otherTeamId, restricted, ultraRestricted, stranger);
        }

        /** The same person as a multi-channel guest. */
        public User multiChannelGuest() {
            return new User(id, realName, displayName, email, teamId, true, false, stranger);
        }

        /** The same person as a single-channel guest (Slack marks them restricted too). */
        public User singleChannelGuest() {
            return new User(id, realName, displayName, email, teamId, true, true, stranger);
        }

        public User asStranger() {
            return new User(id, realName, displayName, email, teamId, restricted, ultraRestricted, true);
        }

        /** The same person, without the email address users.info would give. */
        public User withoutEmail() {
            return new User(id, realName, displayName, null, teamId, restricted, ultraRestricted, stranger);
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
