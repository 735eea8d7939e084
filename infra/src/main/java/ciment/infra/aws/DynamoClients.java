package ciment.infra.aws;

import ciment.core.config.Settings;
import software.amazon.awssdk.awscore.endpoints.AccountIdEndpointMode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The DynamoDB client, made once per container and tuned for cold starts: every choice the SDK would
 * otherwise discover at first use is given (see {@link AwsClients}), account-id endpoints included,
 * so none of that discovery runs.
 */
public final class DynamoClients {
    private DynamoClients() {
    }

    public static DynamoDbClient create(Settings settings) {
        return builder(settings).build();
    }

    /** The configured builder, for tests that add an interceptor. */
    public static DynamoDbClientBuilder builder(Settings settings) {
        return AwsClients.configure(DynamoDbClient.builder(), settings)
                // The account-id endpoint needs the account id resolved first; the regional endpoint does not.
                .accountIdEndpointMode(AccountIdEndpointMode.DISABLED);
    }
}
