package ciment.infra.aws;

import ciment.core.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;

/**
 * KMS's JSON API (1.1), for the few calls Ciment makes ({@link KmsDataKeys}): each a POST signed with SigV4 by the
 * SDK's own signer, on the url-connection client, with the region, credentials and endpoint override (AWS_ENDPOINT_URL)
 * that every AWS client of a function gets ({@link AwsClients}). Not the SDK's KMS client: its 1.5 MB would take the
 * Slack delivery function's jar past Lambda's 20 MB. Throttling, 5xx answers and I/O failures are tried again, three
 * attempts in all, as the SDK's standard retries do. Made once per container.
 */
final class KmsApi {
    static final int ATTEMPTS = 3;
    private static final String SERVICE = "kms";

    /** An error KMS answered: its type (InvalidCiphertextException ...) and HTTP status. */
    static final class KmsError extends RuntimeException {
        private final int status;
        private final String type;

        KmsError(int status, String type, String message) {
            super("KMS answered " + status + " " + type + ": " + message);
            this.status = status;
            this.type = type;
        }

        String type() {
            return type;
        }

        boolean retryable() {
            return status >= 500 || type.equals("ThrottlingException");
        }
    }

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final String region;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    KmsApi(SdkHttpClient http, AwsCredentialsProvider credentials, URI endpoint, String region) {
        this.http = http;
        this.credentials = credentials;
        this.endpoint = endpoint.resolve("/");
        this.region = region;
    }

    static KmsApi fromSettings(Settings settings) {
        Region region = AwsClients.region(settings);
        URI endpoint = settings.get(AwsClients.ENDPOINT).map(URI::create)
                .orElseGet(() -> URI.create("https://" + ServiceMetadata.of(SERVICE).endpointFor(region)));
        // A data key is a few hundred bytes: KMS answers in milliseconds, or something is wrong.
        SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(5)).build();
        return new KmsApi(http, AwsClients.credentials(settings, System.getenv()), endpoint, region.id());
    }

    /** Where the calls go: KMS's regional endpoint, or AWS_ENDPOINT_URL's. */
    URI endpoint() {
        return endpoint;
    }

    /** KMS's answer to {@code operation} (GenerateDataKey, Decrypt ...) with {@code request}, a JSON object. */
    JsonNode call(String operation, byte[] request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(operation, request);
            } catch (KmsError error) {
                if (!error.retryable() || attempt == ATTEMPTS) {
                    throw error;
                }
            } catch (UncheckedIOException failed) {
                if (attempt == ATTEMPTS) {
                    throw failed;
                }
            }
            pause(attempt);
        }
    }

    private JsonNode once(String operation, byte[] request) {
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "TrentService." + operation)
                .putHeader("Content-Length", Integer.toString(request.length)).build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(request))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            byte[] body;
            try (InputStream in = response.responseBody().<InputStream>map(stream -> stream)
                    .orElseGet(InputStream::nullInputStream)) {
                body = in.readAllBytes();
            }
            JsonNode json = body.length == 0 ? JsonNode.emptyObjectNode() : JsonNode.parser().parse(body);
            int status = response.httpResponse().statusCode();
            if (status / 100 != 2) {
                throw new KmsError(status, type(json), text(json, "message").isEmpty() ? text(json, "Message") : text(json, "message"));
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("KMS " + operation + " at " + endpoint + " failed", e);
        }
    }

    /** "InvalidCiphertextException", also when KMS names it with its namespace ("com.amazonaws.kms#..."). */
    private static String type(JsonNode error) {
        String type = text(error, "__type");
        return type.substring(type.lastIndexOf('#') + 1);
    }

    static String text(JsonNode json, String field) {
        return json.field(field).filter(JsonNode::isString).map(JsonNode::text).orElse("");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking KMS again", e);
        }
    }
}
