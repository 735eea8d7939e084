package ciment.infra.aws;

import ciment.core.config.Settings;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads secrets' text from Secrets Manager. Kept apart from {@link Secrets} so that the SDK's
 * Secrets Manager classes load only when a setting names a secret.
 */
final class SecretStrings {
    private SecretStrings() {
    }

    /** The SecretString of each ARN, by the name of the setting it is for; one client, closed after. */
    static Map<String, String> read(Settings settings, Map<String, String> arnsByName) {
        try (SecretsManagerClient client = AwsClients.configure(SecretsManagerClient.builder(), settings).build()) {
            Map<String, String> values = new HashMap<>();
            arnsByName.forEach((name, arn) -> values.put(name, read(client, name, arn)));
            return values;
        }
    }

    private static String read(SecretsManagerClient client, String name, String arn) {
        String text;
        try {
            text = client.getSecretValue(request -> request.secretId(arn)).secretString();
        } catch (SdkException e) {
            // The failure says what the function was looking for, never what a secret holds.
            throw new IllegalStateException(name + " could not be read from the secret " + arn + " named by "
                    + name + Secrets.ARN_SUFFIX + " (" + reason(e) + ").", e);
        }
        if (text == null || text.isBlank()) {
            throw new IllegalStateException(name + " could not be read from the secret " + arn + " named by "
                    + name + Secrets.ARN_SUFFIX + " (it holds no text: store the value as the secret's SecretString).");
        }
        return text;
    }

    private static String reason(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode() + ": " + stripPeriod(service.awsErrorDetails().errorMessage());
        }
        return stripPeriod(e.getMessage());
    }

    private static String stripPeriod(String message) {
        return message != null && message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }
}
