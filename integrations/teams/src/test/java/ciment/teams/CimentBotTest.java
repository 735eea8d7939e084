package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.core.model.Platform;
import ciment.core.service.Caller;
import ciment.core.service.Ciment;
import ciment.core.testing.InMemoryStore;
import ciment.devkit.teams.TeamsActivities;
import com.microsoft.bot.schema.Activity;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CimentBotTest {
    private final Clock clock = Clock.systemUTC();
    private final CimentBot bot = new CimentBot(new Ciment(new InMemoryStore(), clock), clock);

    private static Activity activity(TeamsActivities.Message message) throws Exception {
        return ActivityJson.parse(message.json());
    }

    @Test
    void caller_isTheAadUserInTheConversationsTenant_namedAsTeamsShowsThem() throws Exception {
        Instant sentAt = Instant.parse("2025-03-01T09:30:15.123Z");
        TeamsActivities.Message message = TeamsActivities.message("https://x/", "28:bot")
                .tenant("tenant-1").from("29:teams-id", "aad-1", "Ada Lovelace").timestamp(sentAt).text("help");
        Caller caller = bot.callerOf(activity(message));

        assertEquals(Platform.TEAMS, caller.account().platform());
        assertEquals("tenant-1", caller.account().workspace());
        assertEquals("aad-1", caller.account().userId());
        assertEquals("Ada Lovelace", caller.displayName().get());
        assertEquals(message.conversationId() + "|" + message.id(), caller.requestId());
        assertEquals(sentAt, caller.at());
    }

    @Test
    void teamsSevenDigitTimestamp_isReadToTheTenthOfAMicrosecond() throws Exception {
        TeamsActivities.Message message = TeamsActivities.message("https://x/", "28:bot")
                .timestamp(Instant.parse("2025-03-01T09:30:15.1234567Z")).text("help");
        assertEquals(Instant.parse("2025-03-01T09:30:15.1234567Z"), bot.callerOf(activity(message)).at());
    }

    @Test
    void tenantOnlyInChannelData_isFound() throws Exception {
        Activity activity = activity(TeamsActivities.message("https://x/", "28:bot").tenant("tenant-2").tenantOnlyInChannelData());
        assertEquals("tenant-2", bot.callerOf(activity).account().workspace());
    }

    @Test
    void emulatorActivityWithoutTenantOrAadId_usesThePlaceholderTenantAndTheChannelUserId() throws Exception {
        Activity activity = activity(TeamsActivities.message("http://localhost:5000", "bot").withoutTenant()
                .from("emulator-user", null, "User").channelId("emulator"));
        Caller caller = bot.callerOf(activity);
        assertEquals(CimentBot.NO_TENANT, caller.account().workspace());
        assertEquals("emulator-user", caller.account().userId());
    }
}
