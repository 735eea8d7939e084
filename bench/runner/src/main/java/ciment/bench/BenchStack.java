package ciment.bench;

import ciment.core.config.Settings;
import ciment.core.config.WriteLimits;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlashCommands;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.infra.aws.DynamoClients;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What every measurement runs against: moto, the fake Slack API and the fake Bot Framework, on loopback. */
final class BenchStack implements AutoCloseable {
    static final String SIGNING_SECRET = "bench-signing-secret";
    static final String COMMUNITY = "bench";
    static final String SLACK_USER = "U0BENCH001";
    static final String TEAMS_TENANT = "tenant-bench";

    final MotoServer moto = MotoServer.start();
    final FakeSlackApi slackApi = FakeSlackApi.start();
    final FakeBotFramework botFramework = FakeBotFramework.start();
    final SlashCommands slashCommands = new SlashCommands(SIGNING_SECRET, FakeSlackApi.TEAM_ID);
    final Map<String, String> environment;
    final Settings settings;
    final DynamoDbClient dynamo;
    final String teamsUserId = "29:bench-teams-user";
    final String teamsAadId = "00000000-0000-0000-0000-00000000bench";

    BenchStack() {
        Map<String, String> env = new HashMap<>(botFramework.settings());
        env.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "bench");
        env.put("AWS_SECRET_ACCESS_KEY", "bench");
        env.put("CIMENT_TABLE", "ciment-bench");
        env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
        env.put("CIMENT_SLACK_ALLOWED_WORKSPACES", "*");
        env.put("CIMENT_TEAMS_ALLOWED_TENANTS", "*");
        env.put("SLACK_BOT_TOKEN", "xoxb-bench");
        env.put("SLACK_API_URL", slackApi.baseUrl());
        // The benchmark is a few people writing fast: the per-person limits still count (and cost their write
        // unit), but are set out of its reach.
        env.put(WriteLimits.POSTS, "1000000/minute");
        env.put(WriteLimits.REACTIONS, "1000000/minute");
        env.put(WriteLimits.CREATES, "1000000/day");
        environment = Map.copyOf(env);
        settings = Settings.of(environment);
        dynamo = DynamoClients.create(settings);
        TemplateTable.fromClasspath().create(dynamo, settings.table());
        slackApi.addUser(SLACK_USER, "Bench Slack", "Bench Slack", "bench@example.com");
    }

    SlashCommands.Command slashCommand(String text) {
        return slashCommands.command(SLACK_USER, "bench", text);
    }

    TeamsActivities.Message teamsMessage(String text) {
        return TeamsActivities.message(botFramework.serviceUrl(), botFramework.botId())
                .tenant(TEAMS_TENANT).from(teamsUserId, teamsAadId, "Bench Teams")
                .conversation("19:bench@thread.tacv2").text(text);
    }

    String teamsToken() {
        return botFramework.token(botFramework.serviceUrl());
    }

    @Override
    public void close() {
        dynamo.close();
        botFramework.close();
        slackApi.close();
        moto.close();
    }
}
