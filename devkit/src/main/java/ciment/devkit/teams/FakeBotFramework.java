package ciment.devkit.teams;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Bot Framework's side of a Teams bot, on one loopback port: the OpenID metadata and signing keys
 * that inbound tokens are checked against, the client-credentials token endpoint that outbound tokens
 * come from, and a Bot Connector that records every activity the bot sends and every conversation it
 * creates (and fails calls when a test says so: an HTTP status, an answer held beyond the client's timeout once
 * the call is done, or a send done and then its caller killed; each counted by kind). Tokens are minted with
 * the test's own RSA keys, published (or deliberately not) in the key set.
 */
public final class FakeBotFramework implements AutoCloseable {
    public static final String ISSUER = "https://api.botframework.com";
    public static final String SCOPE = "https://api.botframework.com/.default";
    public static final List<String> TEAMS_ENDORSEMENTS = List.of("msteams", "emulator");

    private static final Pattern TOKEN_PATH = Pattern.compile("^/([^/]+)/oauth2/v2\\.0/token$");
    private static final Pattern CONNECTOR_PATH =
            Pattern.compile("^/connector/v3/conversations/([^/]+)/activities(?:/([^/]+))?$");
    private static final Pattern MEMBER_PATH = Pattern.compile("^/connector/v3/conversations/([^/]+)/members/([^/]+)$");
    private static final String CONVERSATIONS_PATH = "/connector/v3/conversations";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String appId;
    private final String appPassword;
    private final List<SigningKey> published = new CopyOnWriteArrayList<>();
    private final SigningKey unpublished = SigningKey.generate("unpublished-key", TEAMS_ENDORSEMENTS);
    /** A published key of other channels, as the Bot Connector publishes them: its tokens are genuine there. */
    private final SigningKey webchatOnly = SigningKey.generate("webchat-only-key", List.of("webchat", "directline"));
    private volatile SigningKey current;
    private final AtomicInteger rotations = new AtomicInteger();
    private final AtomicInteger metadataRequests = new AtomicInteger();
    private final AtomicInteger keyRequests = new AtomicInteger();
    private final AtomicInteger issuedTokens = new AtomicInteger();
    private final AtomicInteger sentIds = new AtomicInteger();
    private final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<String> issuedAccessTokens = new CopyOnWriteArrayList<>();
    private final List<SentActivity> sent = new CopyOnWriteArrayList<>();
    private final List<Member> members = new CopyOnWriteArrayList<>();
    private final List<MemberLookup> memberLookups = new CopyOnWriteArrayList<>();
    private volatile int memberLookupFailure;
    private final List<CreatedConversation> createdConversations = new CopyOnWriteArrayList<>();
    private final Map<String, String> personalChats = new ConcurrentHashMap<>();
    private final Queue<Fault> connectorFaults = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sendsToKill = new AtomicInteger();
    private final Map<String, AtomicInteger> faultsInjected = new ConcurrentHashMap<>();
    private volatile Runnable onKill = () -> {
    };
    private final List<FailedCall> failedCalls = new CopyOnWriteArrayList<>();
    private final List<SentActivity> updated = new CopyOnWriteArrayList<>();
    private final List<DeletedActivity> deleted = new CopyOnWriteArrayList<>();
    /** Every send, update and deletion done, in order, with when. */
    private final List<Change> changes = new CopyOnWriteArrayList<>();

    private FakeBotFramework(String appId, String appPassword) throws IOException {
        this.appId = appId;
        this.appPassword = appPassword;
        this.current = SigningKey.generate("key-0", TEAMS_ENDORSEMENTS);
        published.add(current);
        published.add(webchatOnly);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-bot-framework");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** A fake for a bot with a fresh app id and password. */
    public static FakeBotFramework start() {
        return start(UUID.randomUUID().toString(), "fake-secret-" + UUID.randomUUID());
    }

    public static FakeBotFramework start(String appId, String appPassword) {
        try {
            return new FakeBotFramework(appId, appPassword);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the fake Bot Framework", e);
        }
    }

    // ---- where things are ----

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String openIdMetadataUrl() {
        return baseUrl() + "/v1/.well-known/openidconfiguration";
    }

    public String keysUrl() {
        return baseUrl() + "/v1/.well-known/keys";
    }

    /** The client-credentials token endpoint of the Bot Framework's own tenant. */
    public String oauthTokenUrl() {
        return oauthTokenUrl("botframework.com");
    }

    public String oauthTokenUrl(String tenant) {
        return baseUrl() + "/" + tenant + "/oauth2/v2.0/token";
    }

    /** The Bot Connector's serviceUrl, as Teams puts it in activities (with its trailing slash). */
    public String serviceUrl() {
        return baseUrl() + "/connector/";
    }

    public String appId() {
        return appId;
    }

    public String appPassword() {
        return appPassword;
    }

    /** The bot's id in conversations, as Teams names it. */
    public String botId() {
        return "28:" + appId;
    }

    /** The CONTRACT.md settings that point a bot at this fake. */
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("MICROSOFT_APP_ID", appId);
        settings.put("MICROSOFT_APP_PASSWORD", appPassword);
        settings.put("BOTFRAMEWORK_OPENID_METADATA_URL", openIdMetadataUrl());
        settings.put("MICROSOFT_OAUTH_ENDPOINT", oauthTokenUrl());
        return settings;
    }

    // ---- tokens ----

    /** Claims of a valid channel token for an activity sent to this bot at serviceUrl. */
    public Map<String, Object> validClaims(String serviceUrl) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("serviceurl", serviceUrl);
        claims.put("nbf", now - 60);
        claims.put("exp", now + 3600);
        claims.put("iss", ISSUER);
        claims.put("aud", appId);
        return claims;
    }

    /** Signs the claims with the current published key (RS256, its kid in the header). */
    public String mint(Map<String, Object> claims) {
        return current.sign(claims);
    }

    public String token(String serviceUrl) {
        return mint(validClaims(serviceUrl));
    }

    /** Expired longer ago than any clock skew allows. */
    public String expiredToken(String serviceUrl) {
        Map<String, Object> claims = validClaims(serviceUrl);
        long now = Instant.now().getEpochSecond();
        claims.put("nbf", now - Duration.ofHours(2).toSeconds());
        claims.put("exp", now - Duration.ofMinutes(10).toSeconds());
        return mint(claims);
    }

    /** Not valid before a time beyond any clock skew. */
    public String notYetValidToken(String serviceUrl) {
        Map<String, Object> claims = validClaims(serviceUrl);
        claims.put("nbf", Instant.now().plus(Duration.ofMinutes(10)).getEpochSecond());
        return mint(claims);
    }

    public String tokenForAudience(String serviceUrl, String audience) {
        Map<String, Object> claims = validClaims(serviceUrl);
        claims.put("aud", audience);
        return mint(claims);
    }

    public String tokenFromIssuer(String serviceUrl, String issuer) {
        Map<String, Object> claims = validClaims(serviceUrl);
        claims.put("iss", issuer);
        return mint(claims);
    }

    /** Signed by a key whose kid the key set never lists. */
    public String tokenSignedByUnknownKey(String serviceUrl) {
        return unpublished.sign(validClaims(serviceUrl));
    }

    /** Signed by a published key endorsed for Web Chat and Direct Line, so not for msteams. */
    public String tokenSignedByKeyNotEndorsedForTeams(String serviceUrl) {
        return webchatOnly.sign(validClaims(serviceUrl));
    }

    /** Signed by the current key's kid, but with another algorithm named in the header. */
    public String tokenWithAlgorithm(String serviceUrl, String alg) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("typ", "JWT");
        header.put("kid", current.kid());
        return current.sign(header, validClaims(serviceUrl));
    }

    /** Publishes a new key (the old ones stay listed) and signs from now on with it; returns its kid. */
    public String rotateKey() {
        SigningKey next = SigningKey.generate("key-" + rotations.incrementAndGet(), TEAMS_ENDORSEMENTS);
        published.add(next);
        current = next;
        return next.kid();
    }

    public String currentKid() {
        return current.kid();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    // ---- the people the Bot Connector knows ----

    /**
     * Makes the member known to the Bot Connector's member lookup, in every conversation: it is found by
     * its Teams user id, its AAD object id or its user principal name, as Teams finds members.
     */
    public Member addMember(Member member) {
        members.add(member);
        return member;
    }

    /**
     * From now on, every member lookup is recorded and answered with this HTTP status and the Bot
     * Connector's error body (a 500, a 403...), as when the connector fails or refuses; 0 answers again.
     */
    public void failMemberLookups(int status) {
        memberLookupFailure = status;
    }

    /** Member lookups the bot made, oldest first. */
    public List<MemberLookup> memberLookups() {
        return List.copyOf(memberLookups);
    }

    /**
     * The next {@code times} sends, updates, deletions and conversation creations (POST, PUT and DELETE to the
     * Bot Connector) are answered
     * with this HTTP status and the Bot Connector's error body instead of being done, and recorded as
     * failed calls; a 429 carries {@code Retry-After: 1}, as Teams' throttling does. Queued after any
     * failures already waiting.
     */
    public void failConnectorCalls(int status, int times) {
        for (int i = 0; i < times; i++) {
            connectorFaults.add(new Fault("HTTP " + status, status, null));
        }
    }

    /** The next {@code times} sends, updates and deletions are done, their answers held this long (queued likewise). */
    public void answerConnectorCallsLate(Duration held, int times) {
        for (int i = 0; i < times; i++) {
            connectorFaults.add(new Fault("answered late", 200, held));
        }
    }

    /**
     * The next {@code times} sends (POST of an activity) are done, then their caller is killed ({@link #onKill})
     * before it gets the answer: a container that dies between Teams' accepting a message and its recording it.
     */
    public void killAfterNextSends(int times) {
        sendsToKill.addAndGet(times);
    }

    /** What kills the caller (the local runner kills the container of the delivery function). */
    public void onKill(Runnable kill) {
        this.onKill = kill;
    }

    /** How many faults were met, by kind ("HTTP 429", "answered late", ...). */
    public Map<String, Integer> faultsInjected() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        faultsInjected.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }

    /** Faults armed and not met yet. */
    public int faultsWaiting() {
        return connectorFaults.size() + sendsToKill.get();
    }

    private void injected(String kind) {
        faultsInjected.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Sends and conversation creations the fake refused (by {@link #failConnectorCalls}), oldest first. */
    public List<FailedCall> failedCalls() {
        return List.copyOf(failedCalls);
    }

    // ---- what was asked and sent ----

    /** Conversations the bot created (POST {serviceUrl}/v3/conversations), oldest first. */
    public List<CreatedConversation> createdConversations() {
        return List.copyOf(createdConversations);
    }

    /** The personal chat the Bot Connector keeps between the bot and this member, if one was created. */
    public Optional<String> personalChatWith(Member member) {
        return Optional.ofNullable(personalChats.get(member.id()));
    }

    public int metadataRequests() {
        return metadataRequests.get();
    }

    public int keyRequests() {
        return keyRequests.get();
    }

    public List<TokenRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    /** Access tokens this fake issued, oldest first. */
    public List<String> issuedAccessTokens() {
        return List.copyOf(issuedAccessTokens);
    }

    /** Activities the bot sent to the Bot Connector, oldest first. */
    public List<SentActivity> sent() {
        return List.copyOf(sent);
    }

    public List<SentActivity> sentTo(String conversationId) {
        return sent.stream().filter(activity -> activity.conversationId().equals(conversationId)).toList();
    }

    public void clearSent() {
        sent.clear();
    }

    /**
     * Activities the bot updated (PUT {serviceUrl}/v3/conversations/{id}/activities/{activityId}), oldest first:
     * each with its conversation, the id of the activity updated ({@code id}) and the activity as it is now.
     */
    public List<SentActivity> updated() {
        return List.copyOf(updated);
    }

    /** Activities the bot deleted (DELETE {serviceUrl}/v3/conversations/{id}/activities/{activityId}), oldest first. */
    public List<DeletedActivity> deleted() {
        return List.copyOf(deleted);
    }

    /** The sends, updates and deletions done, in the order they were, from the {@code from}-th on, with when. */
    public List<Change> changes(int from) {
        return List.copyOf(changes.subList(Math.min(from, changes.size()), changes.size()));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- serving ----

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (method.equals("GET") && path.equals("/v1/.well-known/openidconfiguration")) {
                metadataRequests.incrementAndGet();
                respond(exchange, 200, Json.write(metadata()));
                return;
            }
            if (method.equals("GET") && path.equals("/v1/.well-known/keys")) {
                keyRequests.incrementAndGet();
                List<Object> keys = new ArrayList<>();
                published.forEach(key -> keys.add(key.jwk()));
                respond(exchange, 200, Json.write(Map.of("keys", keys)));
                return;
            }
            Matcher token = TOKEN_PATH.matcher(path);
            if (method.equals("POST") && token.matches()) {
                issueToken(exchange, decode(token.group(1)), new String(body, StandardCharsets.UTF_8));
                return;
            }
            Fault fault = null;
            if (method.equals("POST") && (path.equals(CONVERSATIONS_PATH) || CONNECTOR_PATH.matcher(path).matches())
                    || (method.equals("PUT") || method.equals("DELETE")) && CONNECTOR_PATH.matcher(path).matches()) {
                fault = connectorFaults.poll();
                if (fault != null) {
                    injected(fault.kind());
                }
                if (fault != null && fault.status() != 200) {
                    fail(exchange, path, fault.status());
                    return;
                }
            }
            if (method.equals("POST") && path.equals(CONVERSATIONS_PATH)) {
                createConversation(exchange, new String(body, StandardCharsets.UTF_8));
                return;
            }
            Matcher connector = CONNECTOR_PATH.matcher(path);
            if (method.equals("POST") && connector.matches()) {
                String replyToId = connector.group(2) == null ? null : decode(connector.group(2));
                String id = "sent-" + sentIds.incrementAndGet();
                sent.add(new SentActivity(decode(connector.group(1)), replyToId,
                        exchange.getRequestHeaders().getFirst("Authorization"), new String(body, StandardCharsets.UTF_8), id,
                        body.length));
                changes.add(new Change("send", decode(connector.group(1)), id, new String(body, StandardCharsets.UTF_8),
                        Instant.now()));
                if (sendsToKill.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                    injected("caller killed after the send was done");
                    onKill.run();
                }
                holdAnswer(fault);
                respond(exchange, 200, Json.write(Map.of("id", id)));
                return;
            }
            if ((method.equals("PUT") || method.equals("DELETE")) && connector.matches() && connector.group(2) != null) {
                String conversationId = decode(connector.group(1));
                String activityId = decode(connector.group(2));
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (method.equals("PUT")) {
                    updated.add(new SentActivity(conversationId, null, authorization,
                            new String(body, StandardCharsets.UTF_8), activityId, body.length));
                    changes.add(new Change("update", conversationId, activityId, new String(body, StandardCharsets.UTF_8),
                            Instant.now()));
                    holdAnswer(fault);
                    respond(exchange, 200, Json.write(Map.of("id", activityId)));
                } else {
                    deleted.add(new DeletedActivity(conversationId, activityId, authorization));
                    changes.add(new Change("delete", conversationId, activityId, null, Instant.now()));
                    holdAnswer(fault);
                    respond(exchange, 200, "{}");
                }
                return;
            }
            Matcher member = MEMBER_PATH.matcher(path);
            if (method.equals("GET") && member.matches()) {
                answerMember(exchange, decode(member.group(1)), decode(member.group(2)));
                return;
            }
            respond(exchange, 404, Json.write(Map.of("error", "no fake for " + method + " " + path)));
        }
    }

    /** The call is done: its answer waits when the fault says so. */
    private static void holdAnswer(Fault fault) {
        if (fault == null || fault.held() == null) {
            return;
        }
        try {
            Thread.sleep(fault.held());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers with this status and the Bot Connector's error body. */
    private void fail(HttpExchange exchange, String path, int status) throws IOException {
        failedCalls.add(new FailedCall(decode(path), status));
        if (status == 429) {
            exchange.getResponseHeaders().set("Retry-After", "1");
        }
        Map<String, Object> error = Map.of("code", status == 429 ? "Throttled" : "ServiceError",
                "message", "The fake Bot Connector was told to fail this call.");
        respond(exchange, status, Json.write(Map.of("error", error)));
    }

    /**
     * A personal chat between the bot and one member, as Teams makes it: the member named by their Teams
     * id or AAD object id, the tenant required; the same member always gets the same chat. A member the
     * fake does not know stands for a person who has not installed the bot: 403, as Teams answers.
     */
    @SuppressWarnings("unchecked")
    private void createConversation(HttpExchange exchange, String json) throws IOException {
        Map<String, Object> parameters = Json.parseObject(json);
        List<Object> memberList = parameters.get("members") instanceof List<?> list ? (List<Object>) list : List.of();
        List<String> memberIds = memberList.stream()
                .map(m -> m instanceof Map<?, ?> map ? String.valueOf(map.get("id")) : String.valueOf(m)).toList();
        Object bot = parameters.get("bot");
        String botId = bot instanceof Map<?, ?> map && map.get("id") != null ? String.valueOf(map.get("id")) : null;
        String tenantId = parameters.get("tenantId") == null ? null : String.valueOf(parameters.get("tenantId"));
        createdConversations.add(new CreatedConversation(tenantId, botId, memberIds,
                Boolean.TRUE.equals(parameters.get("isGroup")), exchange.getRequestHeaders().getFirst("Authorization"), json));
        if (Boolean.TRUE.equals(parameters.get("isGroup")) || memberIds.size() != 1 || tenantId == null) {
            Map<String, Object> error = Map.of("code", "BadSyntax", "message", "Incorrect conversation creation parameters");
            respond(exchange, 400, Json.write(Map.of("error", error)));
            return;
        }
        Member member = members.stream().filter(m -> m.isNamedBy(memberIds.get(0))).findFirst().orElse(null);
        if (member == null) {
            Map<String, Object> error = Map.of("code", "ForbiddenOperationException",
                    "message", "The bot is not installed for the user " + memberIds.get(0) + ".");
            respond(exchange, 403, Json.write(Map.of("error", error)));
            return;
        }
        String chat = personalChats.computeIfAbsent(member.id(), id -> "a:" + UUID.randomUUID().toString().replace("-", ""));
        respond(exchange, 201, Json.write(Map.of("id", chat)));
    }

    private void answerMember(HttpExchange exchange, String conversationId, String memberId) throws IOException {
        memberLookups.add(new MemberLookup(conversationId, memberId,
                exchange.getRequestHeaders().getFirst("Authorization")));
        int failure = memberLookupFailure;
        if (failure != 0) {
            Map<String, Object> error = Map.of("code", "ServiceError", "message", "The fake Bot Connector was told to fail.");
            respond(exchange, failure, Json.write(Map.of("error", error)));
            return;
        }
        Member found = members.stream().filter(m -> m.isNamedBy(memberId)).findFirst().orElse(null);
        if (found == null) {
            // the Bot Connector's answer for someone who is not in the conversation (or no person at all)
            Map<String, Object> error = Map.of("code", "MemberNotFoundInConversation",
                    "message", "The member " + memberId + " was not found in the conversation.");
            respond(exchange, 404, Json.write(Map.of("error", error)));
            return;
        }
        respond(exchange, 200, Json.write(found.toMap()));
    }

    private Map<String, Object> metadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", ISSUER);
        metadata.put("authorization_endpoint", "https://invalid.botframework.com");
        metadata.put("jwks_uri", keysUrl());
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        return metadata;
    }

    private void issueToken(HttpExchange exchange, String tenant, String form) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(formDecode(pair.substring(0, equals)), formDecode(pair.substring(equals + 1)));
            }
        }
        tokenRequests.add(new TokenRequest(tenant, Map.copyOf(fields)));
        if (!"client_credentials".equals(fields.get("grant_type")) || !SCOPE.equals(fields.get("scope"))) {
            respond(exchange, 400, Json.write(Map.of("error", "invalid_request")));
            return;
        }
        if (!appId.equals(fields.get("client_id")) || !appPassword.equals(fields.get("client_secret"))) {
            respond(exchange, 401, Json.write(Map.of("error", "invalid_client")));
            return;
        }
        String accessToken = "fake-access-token-" + issuedTokens.incrementAndGet();
        issuedAccessTokens.add(accessToken);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token_type", "Bearer");
        answer.put("expires_in", 3599);
        answer.put("ext_expires_in", 3599);
        answer.put("access_token", accessToken);
        respond(exchange, 200, Json.write(answer));
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String decode(String pathSegment) {
        return URLDecoder.decode(pathSegment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String formDecode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /**
     * A person as the Bot Connector's member lookup describes them (TeamsChannelAccount): the Teams user id
     * (29:...), the AAD object id, the name, email and user principal name, the tenant and the role
     * ("user", "guest").
     */
    public record Member(String id, String aadObjectId, String name, String email, String userPrincipalName,
            String tenantId, String userRole) {

        /** A member of the tenant (userRole "user"). */
        public static Member of(String id, String aadObjectId, String name, String email, String userPrincipalName,
                String tenantId) {
            return new Member(id, aadObjectId, name, email, userPrincipalName, tenantId, "user");
        }

        /**
         * A Teams guest: an account of the host tenant (its tenantId is the host's) that Teams marks with
         * the role "guest"; its user principal name is the host's #EXT# form, its email the guest's own.
         */
        public static Member guest(String id, String aadObjectId, String name, String email, String hostTenantId) {
            String upn = email == null ? null
                    : email.replace('@', '_') + "#EXT#@" + hostTenantId.replace("-", "") + ".onmicrosoft.com";
            return new Member(id, aadObjectId, name, email, upn, hostTenantId, "guest");
        }

        boolean isNamedBy(String memberId) {
            return memberId.equals(id) || memberId.equals(aadObjectId)
                    || (userPrincipalName != null && memberId.equalsIgnoreCase(userPrincipalName));
        }

        Map<String, Object> toMap() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("name", name);
            if (aadObjectId != null) {
                json.put("aadObjectId", aadObjectId);
            }
            json.put("email", email);
            json.put("userPrincipalName", userPrincipalName);
            json.put("tenantId", tenantId);
            json.put("userRole", userRole);
            json.values().removeIf(Objects::isNull);
            return json;
        }
    }

    /**
     * One conversation the bot asked the Bot Connector to create: for which tenant, as which bot, with
     * which members (their ids as sent), whether as a group, with which token, and the request's JSON.
     */
    public record CreatedConversation(String tenantId, String botId, List<String> memberIds, boolean isGroup,
            String authorization, String json) {
    }

    /** One activity the bot deleted: in which conversation, its id, with which token. */
    public record DeletedActivity(String conversationId, String activityId, String authorization) {
    }

    /** A call the fake was told to fail: its path (decoded) and the status it answered. */
    /**
     * A send, an update or a deletion done: {@code kind} "send", "update" or "delete", the conversation (with
     * {@code ;messageid=} for a reply chain), the activity's id, the activity as JSON (null for a deletion), and when.
     */
    public record Change(String kind, String conversationId, String activityId, String json, Instant at) {
    }

    /** A fault a Bot Connector call meets: a status other than 200 fails it undone; else its answer is held. */
    private record Fault(String kind, int status, Duration held) {
    }

    public record FailedCall(String path, int status) {
    }

    /** One member lookup: in which conversation (or team), for which member id, with which token. */
    public record MemberLookup(String conversationId, String memberId, String authorization) {
    }

    /** One client-credentials request: the tenant in its path and its form fields. */
    public record TokenRequest(String tenant, Map<String, String> form) {
    }

    /**
     * One activity the bot sent: to which conversation, in reply to which activity, with which token, the
     * id the fake gave it (as Teams gives a message's id back: a reaction or a reply names it), and the size
     * of the request's body in bytes as received (what Teams' message limit counts).
     */
    public record SentActivity(String conversationId, String replyToId, String authorization, String json, String id,
            int bytes) {
        public SentActivity(String conversationId, String replyToId, String authorization, String json, String id) {
            this(conversationId, replyToId, authorization, json, id, json.getBytes(StandardCharsets.UTF_8).length);
        }

        public SentActivity(String conversationId, String replyToId, String authorization, String json) {
            this(conversationId, replyToId, authorization, json, null);
        }

        /** Its cards as a reader sees them (TeamsMarkup.readable: Ciment's bold between **), one after the other. */
        public String cardsShown() {
            StringBuilder shown = new StringBuilder();
            TeamsMarkup.tree(json).path("attachments").forEach(a -> shown.append(TeamsMarkup.readable(a.path("content"))));
            return shown.toString();
        }

        public Map<String, Object> activity() {
            return Json.parseObject(json);
        }

        public String text() {
            Object text = activity().get("text");
            return text == null ? null : text.toString();
        }

        /** The content of each attachment (an Adaptive Card's JSON, as a map). */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> attachmentContents() {
            Object attachments = activity().get("attachments");
            if (!(attachments instanceof List<?> list)) {
                return List.of();
            }
            return list.stream().map(a -> (Map<String, Object>) ((Map<String, Object>) a).get("content")).toList();
        }

        /** The attachments' content types, in order. */
        @SuppressWarnings("unchecked")
        public List<String> attachmentTypes() {
            Object attachments = activity().get("attachments");
            if (!(attachments instanceof List<?> list)) {
                return List.of();
            }
            return list.stream().map(a -> String.valueOf(((Map<String, Object>) a).get("contentType"))).toList();
        }
    }
}
