package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.devkit.TemplateTable;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metered invocations are billed locally at the memory template.yaml gives each function in AWS. */
class LocalContextTest {

    @Test
    void memoryOfEachLocalFunction_isTheTemplates() {
        Map<String, Integer> template = TemplateTable.functionMemory();
        Map<String, String> localNames = Map.of("SlackFunction", "ciment-slack", "TeamsFunction", "ciment-teams",
                "SlackDeliveryFunction", "ciment-slack-delivery", "TeamsDeliveryFunction", "ciment-teams-delivery",
                "CostsFunction", "ciment-costs", "DigestFunction", "ciment-digest");

        assertEquals(localNames.keySet(), template.keySet());
        localNames.forEach((id, name) -> assertEquals(template.get(id), new LocalContext(name).getMemoryLimitInMB(), id));
    }
}
