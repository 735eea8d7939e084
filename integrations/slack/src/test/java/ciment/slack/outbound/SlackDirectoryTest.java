package ciment.slack.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.core.model.ChatAccount;
import ciment.core.model.Platform;
import ciment.devkit.slack.FakeSlackApi;
import ciment.slack.render.Mrkdwn;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackDirectoryTest {
    private final SlackDirectory directory = new SlackDirectory("T0HERE");

    private static Optional<ChatAccount> user(String id) {
        return Optional.of(new ChatAccount(Platform.SLACK, "T0HERE", id));
    }

    @Test
    void mentionWithName_namesThatUser_inTheCommandsWorkspace() {
        assertEquals(user("U0ADA"), directory.accountOf("<@U0ADA|ada>"));
    }

    @Test
    void mentionWithoutName_namesThatUser() {
        assertEquals(user("U0ADA"), directory.accountOf("<@U0ADA>"));
    }

    @Test
    void enterpriseGridUser_isNamed() {
        assertEquals(user("W0ADA12"), directory.accountOf("<@W0ADA12|ada.l>"));
    }

    @Test
    void mentionWithSpacesAround_isNamed() {
        assertEquals(user("U0ADA"), directory.accountOf("  <@U0ADA|ada> "));
    }

    @Test
    void anythingElse_namesNobody() {
        for (String notAMention : new String[] {"", "   ", "@ada", "ada", "ada@example.com", "U0ADA", "<@u0ada>",
                "<#C0GENERAL|general>", "<!here>", "<!subteam^S0TEAM|@team>", "<@U0ADA|ada> and <@U0BOB|bob>",
                "<@U0ADA|ada> thanks", "<@U0ADA", "<https://x.example|<@U0ADA>>"}) {
            assertEquals(Optional.empty(), directory.accountOf(notAMention), notAMention);
        }
        assertEquals(Optional.empty(), directory.accountOf(null));
    }

    @Test
    void withoutAWorkspace_namesNobody() {
        assertEquals(Optional.empty(), new SlackDirectory((String) null).accountOf("<@U0ADA>"));
    }

    @Test
    void mentionsInTheCommandText_surviveUnescaping_whole() {
        String sent = "approve data-guild <@U0BOB|bob>";
        assertEquals(sent, Mrkdwn.unescape(sent));
        assertEquals(user("U0BOB"), directory.accountOf(Mrkdwn.unescape("&lt;@U0BOB&gt;")));
    }

    @Test
    void withoutABotToken_nobodyIsIntroduced() {
        assertEquals(Optional.empty(), directory.introduce(new ChatAccount(Platform.SLACK, "T0HERE", "U0ADA")));
    }

    @Test
    void accountOfAnotherWorkspaceOrTool_isNotAskedAbout() {
        try (FakeSlackApi slackApi = FakeSlackApi.start("T0HERE").addUser("U0ADA", "Ada", "ada", "ada@example.com")) {
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(slackApi.baseUrl());
            SlackIntroductions introductions = new SlackIntroductions(Slack.getInstance(config).methods("xoxb-test"));
            SlackDirectory asking = new SlackDirectory(introductions.forCommand(new SlackOrigin("T0HERE", null)));

            assertEquals(Optional.empty(), asking.introduce(new ChatAccount(Platform.SLACK, "T0OTHER", "U0ADA")));
            assertEquals(Optional.empty(), asking.introduce(new ChatAccount(Platform.TEAMS, "T0HERE", "U0ADA")));
            assertEquals(0, slackApi.calls("users.info").size());

            assertEquals("ada", asking.introduce(new ChatAccount(Platform.SLACK, "T0HERE", "U0ADA")).orElseThrow()
                    .displayName());
        }
    }
}
