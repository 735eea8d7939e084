package ciment.devkit.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlashCommandsTest {
    private final SlashCommands commands = new SlashCommands("secret", "T1");

    @Test
    void formBody_encodesTextAndCommand_asSlackDoes() {
        String body = commands.command("U1", "ada", "post data-guild héllo & bye").formBody();

        assertTrue(body.contains("&command=%2Fciment&"), body);
        // The manifest asks Slack to escape: & arrives as &amp;, then form-encoded.
        assertTrue(body.contains("&text=post+data-guild+h%C3%A9llo+%26amp%3B+bye&"), body);
        assertTrue(body.startsWith("token="), body);
        assertTrue(body.contains("team_id=T1&"), body);
    }

    @Test
    void sign_atGivenTime_putsThatTimeAndItsSignatureInTheHeaders() {
        SlashCommands.Command command = commands.command("U1", "ada", "help");
        SlashCommands.Signed signed = commands.sign(command, Instant.ofEpochSecond(1_700_000_000L));

        assertEquals("1700000000", signed.headers().get(SlashCommands.TIMESTAMP_HEADER));
        assertEquals(new SlackSigner("secret").sign(1_700_000_000L, command.formBody()),
                signed.headers().get(SlashCommands.SIGNATURE_HEADER));
        assertEquals(SlashCommands.FORM, signed.headers().get("Content-Type"));
    }

    @Test
    void command_eachHasItsOwnTriggerId() {
        assertNotEquals(commands.command("U1", "ada", "help").triggerId(), commands.command("U1", "ada", "help").triggerId());
    }
}
