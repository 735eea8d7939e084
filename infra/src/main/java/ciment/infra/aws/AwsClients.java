package ciment.infra.aws;

import ciment.core.config.Settings;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * What every AWS client of a function is given rather than left to discover at first use (the HTTP
 * client by ServiceLoader, region and credentials by their provider chains): the url-connection
 * client, the region, the credentials and AWS_ENDPOINT_URL's override, all from the settings.
 */
public final class AwsClients {
    public static final String ENDPOINT = "AWS_ENDPOINT_URL";
    static final String REGION = "AWS_REGION";
    static final String ACCESS_KEY = "AWS_ACCESS_KEY_ID";
    static final String SECRET_KEY = "AWS_SECRET_ACCESS_KEY";
    static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";

    private AwsClients() {
    }

    static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, Settings settings) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(region(settings))
                .credentialsProvider(credentials(settings, System.getenv()));
        settings.get(ENDPOINT).map(URI::create).ifPresent(builder::endpointOverride);
        return builder;
    }

    /** The region the settings name (AWS_REGION), us-east-1 by default. */
    static Region region(Settings settings) {
        return Region.of(settings.get(REGION, "us-east-1"));
    }

    /**
     * Keys given in the settings win (the local runner passes its own, it cannot set environment
     * variables); when they are the process's own (Lambda sets them), the environment provider reads
     * them. An emulator accepts any keys; elsewhere the default chain looks for them.
     */
    static AwsCredentialsProvider credentials(Settings settings, Map<String, String> environment) {
        var accessKey = settings.get(ACCESS_KEY);
        if (accessKey.isPresent()) {
            if (accessKey.get().equals(environment.get(ACCESS_KEY))
                    && Objects.equals(settings.get(SECRET_KEY).orElse(null), environment.get(SECRET_KEY))) {
                return EnvironmentVariableCredentialsProvider.create();
            }
            return StaticCredentialsProvider.create(fromSettings(accessKey.get(), settings));
        }
        if (settings.get(ENDPOINT).isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static AwsCredentials fromSettings(String accessKey, Settings settings) {
        String secretKey = settings.require(SECRET_KEY);
        return settings.get(SESSION_TOKEN)
                .<AwsCredentials>map(token -> AwsSessionCredentials.create(accessKey, secretKey, token))
                .orElseGet(() -> AwsBasicCredentials.create(accessKey, secretKey));
    }
}
