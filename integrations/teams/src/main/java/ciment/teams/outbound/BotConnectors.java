package ciment.teams.outbound;

import ciment.teams.auth.ClientCredentials;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;

/**
 * The Bot Connector clients a container sends through, one per service URL (made once, then kept), signed with
 * the bot's credentials, each call counted. A recipient or link that names no service URL goes to the default one.
 */
final class BotConnectors {
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    private static final int READ_TIMEOUT_SECONDS = 10;

    /** The SDK's client retries 5xx itself, at once; here the delivery function decides when to retry. */
    private static final RetryStrategy NO_RETRY = new RetryStrategy("none", false) {
        @Override
        public boolean shouldRetry(int retryCount, Response response) {
            return false;
        }
    };

    private final ClientCredentials credentials;
    private final String defaultServiceUrl;
    private final TeamsCalls calls;
    private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();

    BotConnectors(ClientCredentials credentials, String defaultServiceUrl, TeamsCalls calls) {
        this.credentials = credentials;
        this.defaultServiceUrl = defaultServiceUrl;
        this.calls = calls;
    }

    /** The bot's app id; empty without one (the Emulator's mode). */
    Optional<String> botAppId() {
        return Optional.ofNullable(credentials.getAppId()).filter(appId -> !appId.isBlank());
    }

    /** The service URL a send goes to: the one named, else the default. */
    String serviceUrl(String named) {
        return named == null || named.isBlank() ? defaultServiceUrl : named;
    }

    /** The client for the service URL named (else the default's). */
    ConnectorClient at(String named) {
        return clients.computeIfAbsent(serviceUrl(named), this::client);
    }

    /** A Bot Connector client that asks once per call (retries are the delivery function's), with timeouts. */
    private ConnectorClient client(String serviceUrl) {
        RestClient client = RestConnectorClient.getDefaultRestClientBuilder(serviceUrl, credentials)
                .withRetryStrategy(NO_RETRY)
                .withConnectionTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .withReadTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .withInterceptor(calls.interceptor())
                .build();
        return new RestConnectorClient(client);
    }
}
