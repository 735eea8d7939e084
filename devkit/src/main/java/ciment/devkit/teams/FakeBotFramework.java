package ciment.devkit.teams;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Bot Framework's side of a Teams bot, on one loopback port: the OpenID metadata and signing keys
 * that inbound tokens are checked against ({@link ChannelTokens}), the client-credentials token endpoint that
 * outbound tokens come from ({@link TokenEndpoint}), and a Bot Connector that records every activity the bot
 * sends and every conversation it creates ({@link FakeConnector}), and fails calls when a test says so
 * ({@link ConnectorFaults}: an HTTP status, an answer held beyond the client's timeout once the call is done,
 * or a send done and then its caller killed; each counted by kind).
 */
public final class FakeBotFramework implements AutoCloseable {
    public static final String ISSUER = "https://api.botframework.com";
    public static final String SCOPE = "https://api.botframework.com/.default";
    public static final List<String> TEAMS_ENDORSEMENTS = List.of("msteams", "emulator");

    private static final Pattern TOKEN_PATH = Pattern.compile("^/([^/]+)/oauth2/v2\\.0/token$");

    private final HttpServer server;
    private final ExecutorService executor;
    private final String appId;
    private final String appPassword;
    private final ChannelTokens tokens;
    private final TokenEndpoint tokenEndpoint;
    private final FakeConnector connector = new FakeConnector();

    private FakeBotFramework(String appId, String appPassword) throws IOException {
        this.appId = appId;
        this.appPassword = appPassword;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-bot-framework");
            thread.setDaemon(true);
            return thread;
        });
        this.tokens = new ChannelTokens(appId, keysUrl());
        this.tokenEndpoint = new TokenEndpoint(appId, appPassword);
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
        // A notice that names no conversation's service URL (a follow-up told from the stream) goes here, not to
        // the public Bot Connector.
        settings.put("TEAMS_SERVICE_URL", serviceUrl());
        return settings;
    }

    // ---- tokens ----

    /** Claims of a valid channel token for an activity sent to this bot at serviceUrl. */
    public Map<String, Object> validClaims(String serviceUrl) {
        return tokens.validClaims(serviceUrl);
    }

    /** Signs the claims with the current published key (RS256, its kid in the header). */
    public String mint(Map<String, Object> claims) {
        return tokens.mint(claims);
    }

    public String token(String serviceUrl) {
        return mint(validClaims(serviceUrl));
    }

    /** Expired longer ago than any clock skew allows. */
    public String expiredToken(String serviceUrl) {
        return tokens.expired(serviceUrl);
    }

    /** Not valid before a time beyond any clock skew. */
    public String notYetValidToken(String serviceUrl) {
        return tokens.notYetValid(serviceUrl);
    }

    public String tokenForAudience(String serviceUrl, String audience) {
        return tokens.with(serviceUrl, "aud", audience);
    }

    public String tokenFromIssuer(String serviceUrl, String issuer) {
        return tokens.with(serviceUrl, "iss", issuer);
    }

    /** Signed by a key whose kid the key set never lists. */
    public String tokenSignedByUnknownKey(String serviceUrl) {
        return tokens.signedByUnknownKey(serviceUrl);
    }

    /** Signed by a published key endorsed for Web Chat and Direct Line, so not for msteams. */
    public String tokenSignedByKeyNotEndorsedForTeams(String serviceUrl) {
        return tokens.signedByKeyNotEndorsedForTeams(serviceUrl);
    }

    /** Signed by the current key's kid, but with another algorithm named in the header. */
    public String tokenWithAlgorithm(String serviceUrl, String alg) {
        return tokens.withAlgorithm(serviceUrl, alg);
    }

    /** Publishes a new key (the old ones stay listed) and signs from now on with it; returns its kid. */
    public String rotateKey() {
        return tokens.rotate();
    }

    public String currentKid() {
        return tokens.currentKid();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    // ---- the people the Bot Connector knows, and its faults ----

    /**
     * Makes the member known to the Bot Connector's member lookup, in every conversation: it is found by
     * its Teams user id, its AAD object id or its user principal name, as Teams finds members.
     */
    public Member addMember(Member member) {
        connector.members.add(member);
        return member;
    }

    /**
     * From now on, every member lookup is recorded and answered with this HTTP status and the Bot
     * Connector's error body (a 500, a 403...), as when the connector fails or refuses; 0 answers again.
     */
    public void failMemberLookups(int status) {
        connector.failMemberLookups(status);
    }

    /** Member lookups the bot made, oldest first. */
    public List<MemberLookup> memberLookups() {
        return List.copyOf(connector.memberLookups);
    }

    /**
     * The next {@code times} sends, updates, deletions and conversation creations (POST, PUT and DELETE to the
     * Bot Connector) are answered with this HTTP status and the Bot Connector's error body instead of being
     * done, and recorded as failed calls; a 429 carries {@code Retry-After: 1}, as Teams' throttling does.
     * Queued after any failures already waiting.
     */
    public void failConnectorCalls(int status, int times) {
        connector.faults.add(new ConnectorFaults.Fault("HTTP " + status, status, null), times);
    }

    /** The next {@code times} sends, updates and deletions are done, their answers held this long (queued likewise). */
    public void answerConnectorCallsLate(Duration held, int times) {
        connector.faults.add(new ConnectorFaults.Fault("answered late", 200, held), times);
    }

    /**
     * The next {@code times} sends (POST of an activity) are done, then their caller is killed ({@link #onKill})
     * before it gets the answer: a container that dies between Teams' accepting a message and its recording it.
     */
    public void killAfterNextSends(int times) {
        connector.faults.killAfterSends(times);
    }

    /** What kills the caller (the local runner kills the container of the delivery function). */
    public void onKill(Runnable kill) {
        connector.faults.onKill(kill);
    }

    /** How many faults were met, by kind ("HTTP 429", "answered late", ...). */
    public Map<String, Integer> faultsInjected() {
        return connector.faults.injected();
    }

    /** Faults armed and not met yet. */
    public int faultsWaiting() {
        return connector.faults.waiting();
    }

    /** Sends and conversation creations the fake refused (by {@link #failConnectorCalls}), oldest first. */
    public List<FailedCall> failedCalls() {
        return connector.faults.failedCalls();
    }

    // ---- what was asked and sent ----

    /** Conversations the bot created (POST {serviceUrl}/v3/conversations), oldest first. */
    public List<CreatedConversation> createdConversations() {
        return List.copyOf(connector.createdConversations);
    }

    /** The personal chat the Bot Connector keeps between the bot and this member, if one was created. */
    public Optional<String> personalChatWith(Member member) {
        return Optional.ofNullable(connector.personalChats.get(member.id()));
    }

    public int metadataRequests() {
        return tokens.metadataRequests.get();
    }

    public int keyRequests() {
        return tokens.keyRequests.get();
    }

    public List<TokenRequest> tokenRequests() {
        return tokenEndpoint.requests();
    }

    /** Access tokens this fake issued, oldest first. */
    public List<String> issuedAccessTokens() {
        return tokenEndpoint.accessTokens();
    }

    /** Activities the bot sent to the Bot Connector, oldest first. */
    public List<SentActivity> sent() {
        return List.copyOf(connector.sent);
    }

    public List<SentActivity> sentTo(String conversationId) {
        return connector.sent.stream().filter(activity -> activity.conversationId().equals(conversationId)).toList();
    }

    public void clearSent() {
        connector.sent.clear();
    }

    /**
     * Activities the bot updated (PUT {serviceUrl}/v3/conversations/{id}/activities/{activityId}), oldest first:
     * each with its conversation, the id of the activity updated ({@code id}) and the activity as it is now.
     */
    public List<SentActivity> updated() {
        return List.copyOf(connector.updated);
    }

    /** Activities the bot deleted (DELETE {serviceUrl}/v3/conversations/{id}/activities/{activityId}), oldest first. */
    public List<DeletedActivity> deleted() {
        return List.copyOf(connector.deleted);
    }

    /** The sends, updates and deletions done, in the order they were, from the {@code from}-th on, with when. */
    public List<Change> changes(int from) {
        List<Change> changes = connector.changes;
        return List.copyOf(changes.subList(Math.min(from, changes.size()), changes.size()));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** The key documents and the token endpoint here; the rest is the Bot Connector's. */
    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Matcher token = TOKEN_PATH.matcher(path);
            if (method.equals("GET") && path.equals("/v1/.well-known/openidconfiguration")) {
                BotFrameworkHttp.respond(exchange, 200, Json.write(tokens.metadata()));
            } else if (method.equals("GET") && path.equals("/v1/.well-known/keys")) {
                BotFrameworkHttp.respond(exchange, 200, Json.write(tokens.keys()));
            } else if (method.equals("POST") && token.matches()) {
                tokenEndpoint.issue(exchange, BotFrameworkHttp.decode(token.group(1)),
                        new String(body, StandardCharsets.UTF_8));
            } else if (!connector.serve(exchange, method, path, body)) {
                BotFrameworkHttp.respond(exchange, 404, Json.write(Map.of("error", "no fake for " + method + " " + path)));
            }
        }
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

    /**
     * A send, an update or a deletion done: {@code kind} "send", "update" or "delete", the conversation (with
     * {@code ;messageid=} for a reply chain), the activity's id, the activity as JSON (null for a deletion), and when.
     */
    public record Change(String kind, String conversationId, String activityId, String json, Instant at) {
    }

    /** A call the fake was told to fail: its path (decoded) and the status it answered. */
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
