package ciment.infra.testing;

import ciment.core.config.Settings;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.infra.aws.DynamoClients;
import ciment.infra.aws.TokenSeal;
import ciment.infra.dynamo.CapacityMeter;
import ciment.infra.dynamo.DynamoRepositories;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Tables made from template.yaml on the shared moto server, one per test class (or per test that needs a quiet one). */
public final class MotoTables {
    /** The emulator's endpoint, as the functions' settings name it. */
    public static final Settings SETTINGS = Settings.of(Map.of("AWS_ENDPOINT_URL", MotoServer.shared().endpoint().toString()));
    /** Made the way the functions make theirs, with the emulator's endpoint in the settings. */
    public static final DynamoDbClient CLIENT = DynamoClients.builder(SETTINGS).build();

    private MotoTables() {
    }

    public static String create(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        TemplateTable.fromClasspath().create(CLIENT, name);
        return name;
    }

    public static DynamoRepositories repositories(String table) {
        return DynamoRepositories.create(CLIENT, table, new CapacityMeter(CapacityMeter.Source.COMPUTED));
    }

    /** The emulator's settings with a KMS key of its own (CIMENT_TOKENS_KMS_KEY), as template.yaml's TokensKey. */
    public static Settings withTokensKey() {
        return SETTINGS.with(TokenSeal.KMS_KEY, TokenSeal.createKey(SETTINGS));
    }

    /** Every item of the table, to prove that a refused change wrote nothing. */
    public static List<Map<String, AttributeValue>> items(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        CLIENT.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(items::add);
        return items;
    }
}
