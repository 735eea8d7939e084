package ciment.local;

import ciment.core.config.Settings;
import ciment.devkit.MotoServer;
import ciment.devkit.RecordingProxy;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlashCommands;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.infra.aws.DynamoClients;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole local stack, driven over HTTP as Slack and the Bot Connector drive it: the local runner
 * on moto, a fake Slack Web API and a fake Bot Framework (keys, tokens, Bot Connector) on loopback.
 */
final class LocalStack implements AutoCloseable {
    static final String SIGNING_SECRET = "e2e-signing-secret";

    /** How long the tests wait for the stream and the delivery functions to tell someone something. */
    static final Duration DELIVERY_WITHIN = Duration.ofSeconds(20);

    /** The list once it is not empty (polled every 50 ms); fails after DELIVERY_WITHIN. */
    static <T> List<T> eventually(Supplier<List<T>> found, String what) {
        Instant deadline = Instant.now().plus(DELIVERY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            List<T> items = found.get();
            if (!items.isEmpty()) {
                return items;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("not delivered within " + DELIVERY_WITHIN + ": " + what);
    }
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REFERENCE = Pattern.compile("#[0-9A-Z]{26}(/[0-9A-Z]{26})?");

    /** The first post reference (#id or #root/id) an answer shows; fails the test when it shows none. */
    static String reference(Object answer) {
        Matcher found = REFERENCE.matcher(String.valueOf(answer));
        if (!found.find()) {
            throw new AssertionError("no post reference in " + answer);
        }
        return found.group();
    }

    final FakeSlackApi slackApi = FakeSlackApi.start();
    final FakeBotFramework botFramework = FakeBotFramework.start();
    /** Slash commands typed as people type them; their @names and #channels are the fake Slack API's. */
    final SlashCommands slashCommands = new SlashCommands(SIGNING_SECRET, FakeSlackApi.TEAM_ID, slackApi);
    final LocalRunner runner;
    final DynamoDbClient dynamo;
    /** What the runner asked the table, when started by {@link #recordingTable}; else null. */
    final RecordingProxy tableRequests;
    private final HttpClient http = HttpClient.newHttpClient();

    LocalStack() {
        this(Map.of());
    }

    /** The tenant of {@link #teamsUser}s. */
    static final String TENANT = "tenant-e2e";
    /**
     * The fake Slack workspace and the Teams tenant are trusted for example.com addresses (CIMENT_TRUSTED_DOMAINS):
     * a person's Slack and Teams accounts with one address are one person.
     */
    static final String TRUSTED_DOMAINS = "example.com=" + FakeSlackApi.TEAM_ID + ",example.com=" + TENANT;

    /** With more settings for the runner (finance's token and emails, say). */
    LocalStack(Map<String, String> more) {
        this(more, false);
    }

    /** With more settings, its functions reaching moto through a proxy that records every request. */
    static LocalStack recordingTable(Map<String, String> more) {
        return new LocalStack(more, true);
    }

    private LocalStack(Map<String, String> more, boolean recording) {
        Map<String, String> settings = new HashMap<>(botFramework.settings());
        settings.put("CIMENT_TRUSTED_DOMAINS", TRUSTED_DOMAINS);
        // A Teams message with no conversation to answer (an announcement told from Slack) goes to the fake's connector.
        settings.put("TEAMS_SERVICE_URL", botFramework.serviceUrl());
        settings.putAll(more);
        settings.put("CIMENT_PORT", "0");
        settings.putAll(MotoServer.tableSettings("e2e"));
        tableRequests = recording ? RecordingProxy.to(java.net.URI.create(settings.get("AWS_ENDPOINT_URL"))) : null;
        if (recording) {
            settings.put("AWS_ENDPOINT_URL", tableRequests.endpoint().toString());
        }
        settings.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
        settings.put("SLACK_BOT_TOKEN", "xoxb-e2e");
        settings.put("SLACK_API_URL", slackApi.baseUrl());
        runner = LocalRunner.start(Settings.of(settings));
        dynamo = DynamoClients.create(runner.settings());
    }

    SlackUser slackUser(String userId, String displayName) {
        slackApi.addUser(userId, displayName, displayName, userId.toLowerCase() + "@example.com");
        return new SlackUser(userId, displayName);
    }

    /** A Slack user as users.info describes them (another workspace's, a guest, without an address ...). */
    SlackUser slackUser(FakeSlackApi.User user) {
        slackApi.addUser(user);
        return new SlackUser(user.id(), user.displayName());
    }

    TeamsUser teamsUser(String displayName) {
        return teamsUser(displayName, UUID.randomUUID() + "@teams.example.com", "user");
    }

    /** A Teams user the Bot Connector knows (its member lookup gives their email and role: "user" or "guest"). */
    TeamsUser teamsUser(String displayName, String email, String role) {
        return teamsUser(displayName, email, role, TENANT);
    }

    /** A Teams user of this tenant, writing to the bot in a conversation of it (external access, another organisation). */
    TeamsUser teamsUser(String displayName, String email, String role, String tenantId) {
        TeamsUser user = new TeamsUser(displayName, email, tenantId);
        botFramework.addMember(new FakeBotFramework.Member(user.fromId, user.aadObjectId, displayName, email, email,
                user.tenantId, role));
        return user;
    }

    /**
     * A Teams guest of the tenant (B2B): an account of the host tenant that the member lookup marks with the role
     * "guest", its email their own address, its user principal name the host's #EXT# form.
     */
    TeamsUser teamsGuest(String displayName, String email) {
        TeamsUser user = new TeamsUser(displayName, email, TENANT);
        botFramework.addMember(FakeBotFramework.Member.guest(user.fromId, user.aadObjectId, displayName, email, TENANT));
        return user;
    }

    /** How many items the table holds: a refused request must not change it. */
    /** The table's items, but the usage items that metering adds to on every invocation, a refused one too. */
    int itemCount() {
        return dynamo.scan(b -> b.tableName(runner.settings().table()).consistentRead(true)
                .filterExpression("NOT begins_with(sk, :use)")
                .expressionAttributeValues(Map.of(":use", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("USE#"))))
                .count();
    }

    /** Whether any attribute of any item of the table (lists, maps and sets looked into) holds these words. */
    boolean tableHolds(String words) {
        return dynamo.scanPaginator(b -> b.tableName(runner.settings().table()).consistentRead(true)).items().stream()
                .flatMap(item -> item.values().stream()).anyMatch(value -> holds(value, words));
    }

    private static boolean holds(software.amazon.awssdk.services.dynamodb.model.AttributeValue value, String words) {
        return value.s() != null ? value.s().contains(words)
                : value.hasL() ? value.l().stream().anyMatch(v -> holds(v, words))
                : value.hasM() ? value.m().values().stream().anyMatch(v -> holds(v, words))
                : value.hasSs() && value.ss().stream().anyMatch(s -> s.contains(words));
    }

    HttpResponse<String> post(String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(runner.url().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(runner.url().resolve(path)).GET().build());
    }

    /** A GET with an Authorization header (the finance routes' bearer token). */
    HttpResponse<String> get(String path, String authorization) {
        return send(HttpRequest.newBuilder(runner.url().resolve(path)).header("Authorization", authorization).GET()
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        runner.close();
        dynamo.close();
        slackApi.close();
        botFramework.close();
        if (tableRequests != null) {
            tableRequests.close();
        }
    }

    /** What Slack shows after a slash command: the ack's plain text and every block's text. */
    record SlackAnswer(int status, String text, String blocks) {
        boolean says(String fragment) {
            return text.contains(fragment) || blocks.contains(fragment);
        }
    }

    /** A Slack user typing /ciment. */
    final class SlackUser {
        final String userId;
        final String name;

        SlackUser(String userId, String name) {
            this.userId = userId;
            this.name = name;
        }

        SlackAnswer ciment(String text) {
            return answer(slashCommands.sign(slashCommands.command(userId, name, text), Instant.now()));
        }

        SlackAnswer answer(SlashCommands.Signed signed) {
            HttpResponse<String> response = post("/slack/events", signed.headers(), signed.body());
            if (response.statusCode() != 200) {
                return new SlackAnswer(response.statusCode(), response.body(), "");
            }
            try {
                JsonNode ack = JSON.readTree(response.body());
                StringBuilder blocks = new StringBuilder();
                ack.path("blocks").findValues("text").forEach(t -> blocks.append(t.path("text").asText(t.asText())).append('\n'));
                return new SlackAnswer(200, ack.path("text").asText(), blocks.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** What a Teams user sees: the bot's reply through the Bot Connector (text, or a card as JSON). */
    record TeamsAnswer(int status, String text, String cards) {
        boolean says(String fragment) {
            return text.contains(fragment) || cards.contains(fragment);
        }
    }

    /** A Teams user writing to the bot in a channel, with an @mention. */
    final class TeamsUser {
        final String fromId = "29:" + UUID.randomUUID();
        final String aadObjectId = UUID.randomUUID().toString();
        final String tenantId;
        final String name;
        final String email;
        final String conversationId = "19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.tacv2";
        /** What this user's Teams client says in activity.locale. */
        private String locale = "en-US";

        TeamsUser(String name, String email, String tenantId) {
            this.name = name;
            this.email = email;
            this.tenantId = tenantId;
        }

        /** This user's Teams client in another language (activity.locale: "fr-FR"). */
        TeamsUser speaking(String locale) {
            this.locale = locale;
            return this;
        }

        /** This user's message naming another Teams user with an @mention, as Teams sends it. */
        TeamsAnswer cimentMentioning(String textBeforeMention, TeamsUser mentioned) {
            var message = message(textBeforeMention + " <at>" + mentioned.name + "</at>")
                    .mentioning(mentioned.fromId, mentioned.name);
            return send(message, botFramework.token(botFramework.serviceUrl()));
        }

        TeamsActivities.Message message(String text) {
            return TeamsActivities.message(botFramework.serviceUrl(), botFramework.botId())
                    .tenant(tenantId).from(fromId, aadObjectId, name).conversation(conversationId).locale(locale).text(text);
        }

        TeamsAnswer ciment(String text) {
            return send(message(text), botFramework.token(botFramework.serviceUrl()));
        }

        /** Sends the activity with this token (null: none) and returns the reply the bot sent, if any. */
        TeamsAnswer send(TeamsActivities.Message message, String token) {
            int sentBefore = botFramework.sent().size();
            Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json"));
            if (token != null) {
                headers.put("Authorization", FakeBotFramework.bearer(token));
            }
            HttpResponse<String> response = post("/api/messages", headers, message.json());
            List<FakeBotFramework.SentActivity> sent = botFramework.sent();
            // The bot's answer replies to this very activity: a notice or a mirror the stream delivers meanwhile
            // into the same conversation is not it.
            FakeBotFramework.SentActivity reply = sent.subList(sentBefore, sent.size()).stream()
                    .filter(activity -> message.id().equals(activity.replyToId())).reduce((first, last) -> last)
                    .orElse(null);
            if (reply == null) {
                return new TeamsAnswer(response.statusCode(), "", "");
            }
            String text = reply.text() == null ? "" : reply.text();
            String cards = reply.attachmentContents().toString();
            return new TeamsAnswer(response.statusCode(), text, cards);
        }
    }

}
