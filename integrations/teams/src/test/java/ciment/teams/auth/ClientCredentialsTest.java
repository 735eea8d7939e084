package ciment.teams.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.devkit.MutableClock;
import ciment.devkit.teams.FakeBotFramework;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientCredentialsTest {
    private final FakeBotFramework fake = FakeBotFramework.start();
    private final MutableClock clock = MutableClock.now();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void token_isAClientCredentialsGrantForTheBotFrameworkScope_keptUntilShortlyBeforeExpiry() throws Exception {
        ClientCredentials credentials = ClientCredentials.fromSettings(Settings.of(fake.settings()), clock);

        String first = credentials.getToken().get();
        assertEquals(fake.issuedAccessTokens().get(0), first);
        var form = fake.tokenRequests().get(0).form();
        assertEquals("client_credentials", form.get("grant_type"));
        assertEquals(fake.appId(), form.get("client_id"));
        assertEquals(fake.appPassword(), form.get("client_secret"));
        assertEquals("https://api.botframework.com/.default", form.get("scope"));

        clock.advance(Duration.ofMinutes(50));
        assertEquals(first, credentials.getToken().get(), "still valid for 10 minutes: kept");
        assertEquals(1, fake.tokenRequests().size());

        clock.advance(Duration.ofMinutes(6));
        String renewed = credentials.getToken().get();
        assertEquals(2, fake.tokenRequests().size(), "within 5 minutes of expiry: renewed");
        assertEquals(fake.issuedAccessTokens().get(1), renewed);
    }

    @Test
    void singleTenantBot_asksItsOwnTenantsEndpoint() throws Exception {
        Settings settings = Settings.of(fake.settings()).with("MICROSOFT_APP_TENANT_ID", "contoso-tenant")
                .with("MICROSOFT_OAUTH_ENDPOINT", "");
        ClientCredentials credentials = ClientCredentials.fromSettings(settings, clock);
        assertEquals("https://login.microsoftonline.com/contoso-tenant/oauth2/v2.0/token", credentials.oAuthEndpoint());

        ClientCredentials multiTenant = ClientCredentials.fromSettings(Settings.of(java.util.Map.of()), clock);
        assertEquals("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", multiTenant.oAuthEndpoint());

        ClientCredentials againstFake = new ClientCredentials(fake.appId(), fake.appPassword(),
                URI.create(fake.oauthTokenUrl("contoso-tenant")), clock);
        againstFake.getToken().get();
        assertEquals("contoso-tenant", fake.tokenRequests().get(0).tenant());
    }

    @Test
    void wrongSecret_failsTheTokenWithTheEndpointsAnswer() {
        ClientCredentials credentials = new ClientCredentials(fake.appId(), "wrong", URI.create(fake.oauthTokenUrl()), clock);
        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> credentials.getToken().get());
        assertTrue(failure.getCause().getMessage().contains("401"));
    }

    @Test
    void prefetch_fetchesOnce_andTheFirstReplyReusesIt() throws Exception {
        ClientCredentials credentials = ClientCredentials.fromSettings(Settings.of(fake.settings()), clock);
        credentials.prefetch();
        credentials.getToken().get();
        assertEquals(1, fake.tokenRequests().size());
    }
}
