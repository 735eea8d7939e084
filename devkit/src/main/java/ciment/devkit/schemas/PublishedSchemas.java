package ciment.devkit.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.DefaultDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.KeywordType;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.util.List;
import java.util.stream.Stream;

/**
 * The platforms' own JSON schemas, vendored verbatim under {@code schemas/} (SOURCES.md there names each
 * repository, path, commit and the day it was taken) and read from the classpath: a test never reaches the
 * network. Each schema is found by the address its publisher gives it, mapped to its vendored copy.
 */
public final class PublishedSchemas {
    /** The Adaptive Cards 1.5 schema (microsoft/AdaptiveCards, schemas/1.5.0), draft-06. */
    public static final String ADAPTIVE_CARD_1_5 = "http://adaptivecards.io/schemas/adaptive-card.json";
    /** The Teams app manifest v1.17 schema (OfficeDev/microsoft-teams-app-schema), draft-04. */
    public static final String TEAMS_MANIFEST_1_17 =
            "https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json";
    /** What a Teams v1.17 language file (localizationInfo.additionalLanguages) may say, draft-04. */
    public static final String TEAMS_LOCALIZATION_1_17 =
            "https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.Localization.schema.json";
    /** Slack's app manifest schema, every major version (slackapi/manifest-schema), draft-07. */
    public static final String SLACK_MANIFEST = "https://github.com/slackapi/manifest-schema/blob/main/manifest.schema.json";
    /** Where the Slack schema's $refs point: its versioned schemas, vendored beside it. */
    private static final String SLACK_VERSIONED = "https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/";

    /**
     * The dialects as these schemas use them. The Teams schema declares draft-04 yet pins manifestVersion with
     * {@code const}, a draft-06 keyword a draft-04 validator would skip in silence: it is added so that the pin
     * is checked. The Adaptive Cards schema declares draft-06 yet names itself with draft-04's {@code id}, a
     * word without meaning in draft-06: it is read as such, not as an error (so are the schema's own annotations:
     * the card version that brought each property, its features and notes). Slack's versioned schemas have no
     * {@code $schema}: they are draft-07, as the one that refers to them; they write a colour's pattern as
     * {@code regex}, which draft-07 does not know (SlackManifestSchemaTest applies it).
     */
    private static final List<NonValidationKeyword> ADAPTIVE_CARD_ANNOTATIONS = Stream.of("id", "version", "features",
            "example").map(NonValidationKeyword::new).toList();
    /** Slack's notes, and its {@code regex} for background_color: a word no JSON Schema validator reads. */
    private static final List<NonValidationKeyword> SLACK_ANNOTATIONS = Stream.of("_note", "regex")
            .map(NonValidationKeyword::new).toList();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.builder()
            .defaultDialectId(Dialects.getDraft7().getId())
            .dialectRegistry(new DefaultDialectRegistry(List.of(
                    Dialect.builder(Dialects.getDraft4()).keyword(KeywordType.CONST).build(),
                    Dialect.builder(Dialects.getDraft6()).keywords(ADAPTIVE_CARD_ANNOTATIONS).build(),
                    Dialect.builder(Dialects.getDraft7()).keywords(SLACK_ANNOTATIONS).build())))
            .schemaRegistryConfig(SchemaRegistryConfig.builder()
                    // Drafts 4 to 7 leave format checks optional: ask for them, as the platforms' validators do.
                    .formatAssertionsEnabled(true)
                    .build())
            .schemaLoader(loader -> loader
                    .fetchRemoteResources(false)
                    .schemaIdResolvers(ids -> ids
                            .mapPrefix(ADAPTIVE_CARD_1_5, "classpath:schemas/adaptive-cards/1.5.0/adaptive-card.json")
                            .mapPrefix(TEAMS_MANIFEST_1_17, "classpath:schemas/teams/v1.17/MicrosoftTeams.schema.json")
                            .mapPrefix(TEAMS_LOCALIZATION_1_17,
                                    "classpath:schemas/teams/v1.17/MicrosoftTeams.Localization.schema.json")
                            .mapPrefix(SLACK_MANIFEST, "classpath:schemas/slack/manifest.schema.json")
                            .mapPrefix(SLACK_VERSIONED, "classpath:schemas/slack/")))
            .build();

    private static final Schema ADAPTIVE_CARD = REGISTRY.getSchema(SchemaLocation.of(ADAPTIVE_CARD_1_5));
    private static final Schema TEAMS_MANIFEST = REGISTRY.getSchema(SchemaLocation.of(TEAMS_MANIFEST_1_17));
    private static final Schema TEAMS_LOCALIZATION = REGISTRY.getSchema(SchemaLocation.of(TEAMS_LOCALIZATION_1_17));
    private static final Schema SLACK = REGISTRY.getSchema(SchemaLocation.of(SLACK_MANIFEST));

    private PublishedSchemas() {
    }

    /** What the Adaptive Cards 1.5 schema finds wrong with a card (empty: valid). */
    public static List<String> adaptiveCard(JsonNode card) {
        return errors(ADAPTIVE_CARD, card);
    }

    /** What the Teams v1.17 manifest schema finds wrong with a manifest.json (empty: valid). */
    public static List<String> teamsManifest(JsonNode manifest) {
        return errors(TEAMS_MANIFEST, manifest);
    }

    /** What the Teams v1.17 localization schema finds wrong with a language file such as fr-fr.json (empty: valid). */
    public static List<String> teamsLocalization(JsonNode languageFile) {
        return errors(TEAMS_LOCALIZATION, languageFile);
    }

    /** What Slack's manifest schema finds wrong with a manifest (YAML read as JSON; empty: valid). */
    public static List<String> slackManifest(JsonNode manifest) {
        return errors(SLACK, manifest);
    }

    private static List<String> errors(Schema schema, JsonNode instance) {
        return schema.validate(instance).stream().map(Error::toString).toList();
    }
}
