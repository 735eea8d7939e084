package ciment.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.core.model.ChatAccount;
import ciment.core.model.Platform;
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
        assertEquals(Optional.empty(), new SlackDirectory(null).accountOf("<@U0ADA>"));
    }

    @Test
    void mentionsInTheCommandText_surviveUnescaping_whole() {
        String sent = "approve data-guild <@U0BOB|bob>";
        assertEquals(sent, Mrkdwn.unescape(sent));
        assertEquals(user("U0BOB"), directory.accountOf(Mrkdwn.unescape("&lt;@U0BOB&gt;")));
    }
}
