package ciment.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {
    @Test
    void names_listOnlySettingsWithAValue_asGetSeesThem() {
        Settings settings = Settings.of(Map.of("CIMENT_TABLE", "ciment", "SLACK_BOT_TOKEN_ARN", " ", "AWS_REGION", ""))
                .with("SLACK_SIGNING_SECRET", "secret");

        assertEquals(Set.of("CIMENT_TABLE", "SLACK_SIGNING_SECRET"), settings.names());
    }
}
