package ciment.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import ciment.core.model.ChatAccount;
import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Profile;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersonalDataJsonTest {
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void export_escapesWhatPeopleTyped_andListsEverySection() {
        Person ada = new Person("P1", "Ada \"the\" Lovelace");
        PersonalData data = new PersonalData(
                new Profile(ada, List.of("Onboarding buddy"), List.of(), Optional.of("ada@example.com"),
                        Optional.of("T1")),
                List.of(new ChatAccount(Platform.SLACK, "T1", "U1")),
                List.of(new Membership("C1", new Slug("data-guild"), "P1", Role.STEWARD, AT)),
                List.of(), List.of(),
                List.of(new Post("01ABC", "C1", new Slug("data-guild"), "P1", "Ada", Platform.TEAMS, "a\nb \\ \"c\"\u0001", AT)),
                List.of(), List.of(new PersonalData.Reaction("01XYZ", "tada")));

        String json = PersonalDataJson.render(data, AT);

        assertTrue(json.contains("\"displayName\": \"Ada \\\"the\\\" Lovelace\""), json);
        assertTrue(json.contains("\"text\": \"a\\nb \\\\ \\\"c\\\"\\u0001\""), json);
        assertTrue(json.contains("\"role\": \"steward\""), json);
        assertTrue(json.contains("\"joinRequests\": []"), json);
        assertTrue(json.contains("\"email\": \"ada@example.com\""), json);
        assertTrue(json.contains("\"emailVouchedBy\": \"T1\""), "the workspace that vouched for it: " + json);
        assertTrue(json.contains("\"post\": \"01XYZ\""), json);
        assertTrue(json.contains("\"emoji\": \"tada\""), json);
        assertTrue(json.contains("\"language\": \"auto\""), "no language chosen: " + json);
        assertEquals('{', json.charAt(0));
        assertEquals("}\n", json.substring(json.length() - 2));
    }

    @Test
    void export_ofSomeoneWhoChoseFrench_saysSo_andItsNoteIsFrench() {
        Person camille = new Person("P2", "Camille").choosing(Optional.of(Language.FRENCH));
        PersonalData data = new PersonalData(new Profile(camille, List.of(), List.of(), Optional.empty(),
                Optional.empty()), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

        String json = PersonalDataJson.render(data, AT);

        assertTrue(json.contains("\"language\": \"fr\""), json);
        assertTrue(json.contains("\"note\": \"" + Catalogue.of(Language.FRENCH).orElseThrow().say("core.export.note")), json);
    }
}
