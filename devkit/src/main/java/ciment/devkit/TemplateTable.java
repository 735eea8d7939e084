package ciment.devkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * The table as template.yaml declares it (resource {@code Table}), created on an emulator for local
 * runs and tests. Keys, index, stream and TTL come from the template, so there is one definition.
 */
public final class TemplateTable {
    private static final String RESOURCE = "ciment/template.yaml";

    private final Map<String, Object> properties;

    private TemplateTable(Map<String, Object> properties) {
        this.properties = properties;
    }

    /** Reads the template shipped in this module's jar (copied from the repository root at build time). */
    public static TemplateTable fromClasspath() {
        try (InputStream in = TemplateTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static TemplateTable parse(InputStream template) {
        Map<String, Object> root = new Yaml(new CloudFormationTags()).load(template);
        Map<String, Object> resources = (Map<String, Object>) root.get("Resources");
        Map<String, Object> table = (Map<String, Object>) resources.get("Table");
        if (table == null || !"AWS::DynamoDB::Table".equals(table.get("Type"))) {
            throw new IllegalStateException("template.yaml has no AWS::DynamoDB::Table resource named Table");
        }
        return new TemplateTable((Map<String, Object>) table.get("Properties"));
    }

    /** The whole template, CloudFormation's short tags (!Ref, !GetAtt, !Sub ...) read as their plain values. */
    public static Map<String, Object> document() {
        try (InputStream in = TemplateTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new Yaml(new CloudFormationTags()).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A template file as it is now (the repository's template.yaml, rather than the copy in this jar), read
     * as {@link #document()} reads it.
     */
    public static Map<String, Object> document(java.nio.file.Path template) {
        try (InputStream in = java.nio.file.Files.newInputStream(template)) {
            return new Yaml(new CloudFormationTags()).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The memory each function of the template is given (its MemorySize, else the Globals'), by logical id:
     * what the local runner bills metered invocations at.
     */
    public static Map<String, Integer> functionMemory() {
        Map<String, Object> root = document();
        Object globalMemory = map(map(root.get("Globals")).get("Function")).get("MemorySize");
        Map<String, Integer> memory = new java.util.TreeMap<>();
        map(root.get("Resources")).forEach((id, resource) -> {
            if ("AWS::Serverless::Function".equals(map(resource).get("Type"))) {
                Object own = map(map(resource).get("Properties")).get("MemorySize");
                memory.put(id, ((Number) (own != null ? own : globalMemory)).intValue());
            }
        });
        return memory;
    }

    /** Creates the table (if absent) and turns on its TTL; returns when the table can be used. */
    public void create(DynamoDbClient dynamo, String tableName) {
        try {
            dynamo.createTable(createRequest(tableName));
        } catch (ResourceInUseException alreadyThere) {
            return;
        }
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        Map<String, Object> ttl = map(properties.get("TimeToLiveSpecification"));
        if (ttl != null && Boolean.TRUE.equals(ttl.get("Enabled"))) {
            dynamo.updateTimeToLive(b -> b.tableName(tableName).timeToLiveSpecification(TimeToLiveSpecification.builder()
                    .attributeName((String) ttl.get("AttributeName")).enabled(true).build()));
        }
    }

    public CreateTableRequest createRequest(String tableName) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.fromValue((String) properties.get("BillingMode")))
                .attributeDefinitions(list(properties.get("AttributeDefinitions")).stream()
                        .map(a -> AttributeDefinition.builder()
                                .attributeName((String) a.get("AttributeName"))
                                .attributeType((String) a.get("AttributeType")).build())
                        .toList())
                .keySchema(keys(properties.get("KeySchema")));
        List<Map<String, Object>> indexes = list(properties.get("GlobalSecondaryIndexes"));
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes.stream()
                    .map(i -> GlobalSecondaryIndex.builder()
                            .indexName((String) i.get("IndexName"))
                            .keySchema(keys(i.get("KeySchema")))
                            .projection(Projection.builder()
                                    .projectionType((String) map(i.get("Projection")).get("ProjectionType")).build())
                            .build())
                    .toList());
        }
        Map<String, Object> stream = map(properties.get("StreamSpecification"));
        if (stream != null) {
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true).streamViewType((String) stream.get("StreamViewType")).build());
        }
        return request.build();
    }

    private static List<KeySchemaElement> keys(Object schema) {
        return list(schema).stream()
                .map(k -> KeySchemaElement.builder()
                        .attributeName((String) k.get("AttributeName"))
                        .keyType((String) k.get("KeyType")).build())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** Reads CloudFormation's short tags (!Ref, !Sub, !GetAtt ...) as their plain values: the table needs none. */
    private static final class CloudFormationTags extends SafeConstructor {
        CloudFormationTags() {
            super(new LoaderOptions());
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    if (node instanceof ScalarNode scalar) {
                        return constructScalar(scalar);
                    }
                    if (node instanceof SequenceNode sequence) {
                        return constructSequence(sequence);
                    }
                    return constructMapping((org.yaml.snakeyaml.nodes.MappingNode) node);
                }
            });
        }
    }
}
