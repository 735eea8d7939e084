package ciment.functions.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bot Framework 4.14.3 was built on Jackson 2.12 and okhttp 3; the root pom pins Jackson 2.23.0 and
 * okhttp 4.12.0. Only the pinned versions may be on the classpath (the replies sent in the other tests
 * prove RestConnectorClient works through them), and MSAL, which ClientCredentials replaces, is absent.
 */
class DependencyPinsTest {

    private static List<URL> copiesOf(String classFile) throws IOException {
        return Collections.list(DependencyPinsTest.class.getClassLoader().getResources(classFile));
    }

    private static void onlyFrom(String classFile, String jar) throws IOException {
        List<URL> copies = copiesOf(classFile);
        assertEquals(1, copies.size(), classFile + " on the classpath: " + copies);
        assertTrue(copies.get(0).toString().contains("/" + jar + "!"), classFile + " comes from " + copies.get(0));
    }

    @Test
    void jacksonOnTheClasspath_isThePinned2230() throws IOException {
        assertEquals("2.23.0", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
        assertEquals("2.23.0", com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString());
        onlyFrom("com/fasterxml/jackson/databind/ObjectMapper.class", "jackson-databind-2.23.0.jar");
        onlyFrom("com/fasterxml/jackson/core/JsonFactory.class", "jackson-core-2.23.0.jar");
        onlyFrom("com/fasterxml/jackson/datatype/jsr310/JavaTimeModule.class", "jackson-datatype-jsr310-2.23.0.jar");
    }

    @Test
    void okhttpOnTheClasspath_isThePinned4120_andOkhttp3IsGone() throws IOException {
        assertEquals("4.12.0", okhttp3.OkHttp.VERSION);
        onlyFrom("okhttp3/OkHttpClient.class", "okhttp-4.12.0.jar");
        onlyFrom("okhttp3/logging/HttpLoggingInterceptor.class", "logging-interceptor-4.12.0.jar");
        assertTrue(copiesOf("okhttp3/internal/Version.class").isEmpty(), "okhttp 3's version class is absent");
    }

    @Test
    void connectorClient_isBuiltOnThePinnedOkhttp() throws Exception {
        var client = new com.microsoft.bot.connector.rest.RestConnectorClient("https://smba.trafficmanager.net/teams/",
                com.microsoft.bot.connector.authentication.MicrosoftAppCredentials.empty());
        assertEquals(okhttp3.OkHttpClient.class.getProtectionDomain().getCodeSource(),
                client.getRestClient().httpClient().getClass().getProtectionDomain().getCodeSource());
    }

    @Test
    void msal_isNotOnTheClasspath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.microsoft.aad.msal4j.ConfidentialClientApplication"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.nimbusds.jose.JWSObject"));
    }
}
