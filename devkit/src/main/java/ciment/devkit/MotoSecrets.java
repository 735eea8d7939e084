package ciment.devkit;

import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Secrets Manager on moto's shared server: the secrets template.yaml names by ARN, made for a test. */
public final class MotoSecrets {
    private MotoSecrets() {
    }

    /** A new secret holding {@code text}, named {@code namePrefix} and a random suffix; returns its ARN. */
    public static String create(String namePrefix, String text) {
        try (SecretsManagerClient secretsManager = SecretsManagerClient.builder()
                .endpointOverride(MotoServer.shared().endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            return secretsManager.createSecret(b -> b.name(namePrefix + UUID.randomUUID()).secretString(text)).arn();
        }
    }
}
