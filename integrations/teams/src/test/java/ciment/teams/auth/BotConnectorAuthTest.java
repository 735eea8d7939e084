package ciment.teams.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.MutableClock;
import ciment.devkit.teams.FakeBotFramework;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BotConnectorAuthTest {
    private FakeBotFramework fake;
    private MutableClock clock;
    private BotConnectorAuth auth;
    private String serviceUrl;

    @BeforeEach
    void start() {
        fake = FakeBotFramework.start();
        clock = MutableClock.now();
        auth = new BotConnectorAuth(fake.appId(), new OpenIdKeys(URI.create(fake.openIdMetadataUrl()), clock), clock);
        serviceUrl = fake.serviceUrl();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private ClaimsIdentity check(String token) throws Unauthorized {
        return auth.authenticate(FakeBotFramework.bearer(token), "msteams", serviceUrl);
    }

    private String refusal(String header, String channelId, String activityServiceUrl) {
        return assertThrows(Unauthorized.class, () -> auth.authenticate(header, channelId, activityServiceUrl)).getMessage();
    }

    private String refusal(String token) {
        return refusal(FakeBotFramework.bearer(token), "msteams", serviceUrl);
    }

    @Test
    void validChannelToken_isAccepted_withTheAppIdAsAudienceClaim() throws Unauthorized {
        ClaimsIdentity identity = check(fake.token(serviceUrl));

        assertTrue(identity.isAuthenticated());
        assertEquals(BotConnectorAuth.ISSUER, identity.getIssuer());
        assertEquals(fake.appId(), identity.claims().get("aud"));
        assertEquals(serviceUrl, identity.claims().get("serviceurl"));
    }

    @Test
    void expiredToken_isRefused() {
        assertTrue(refusal(fake.expiredToken(serviceUrl)).contains("expired"));
    }

    @Test
    void tokenExpiredWithinTheFiveMinuteSkew_isAccepted_butNotBeyond() throws Unauthorized {
        Map<String, Object> claims = fake.validClaims(serviceUrl);
        claims.put("exp", clock.instant().minus(Duration.ofMinutes(4)).getEpochSecond());
        String token = fake.mint(claims);
        check(token);

        clock.advance(Duration.ofMinutes(2));
        assertTrue(refusal(token).contains("expired"));
    }

    @Test
    void tokenNotYetValidBeyondTheSkew_isRefused() {
        assertTrue(refusal(fake.notYetValidToken(serviceUrl)).contains("not valid before"));
    }

    @Test
    void tokenWithoutExpiry_isRefused() {
        Map<String, Object> claims = fake.validClaims(serviceUrl);
        claims.remove("exp");
        assertTrue(refusal(fake.mint(claims)).contains("no expiry"));
    }

    @Test
    void tokenForAnotherAudience_isRefused() {
        assertTrue(refusal(fake.tokenForAudience(serviceUrl, "another-bot")).contains("audience"));
    }

    @Test
    void tokenFromAnotherIssuer_isRefused() {
        assertTrue(refusal(fake.tokenFromIssuer(serviceUrl, "https://sts.windows.net/evil/")).contains("issuer"));
    }

    @Test
    void tokenSignedByAnUnpublishedKey_isRefused() {
        assertTrue(refusal(fake.tokenSignedByUnknownKey(serviceUrl)).contains("does not publish"));
    }

    @Test
    void tokenSignedByAKeyNotEndorsedForTeams_isRefusedForTeams_butTheKeyWorksForItsOwnChannel() throws Unauthorized {
        String token = fake.tokenSignedByKeyNotEndorsedForTeams(serviceUrl);

        assertTrue(refusal(FakeBotFramework.bearer(token), "msteams", serviceUrl).contains("not endorsed"));
        auth.authenticate(FakeBotFramework.bearer(token), "webchat", serviceUrl);
    }

    @Test
    void tokenWhoseServiceUrlIsNotTheActivitys_isRefused() {
        String token = fake.token("https://smba.trafficmanager.net/amer/");
        assertTrue(refusal(FakeBotFramework.bearer(token), "msteams", "https://attacker.example/").contains("serviceurl"));
    }

    @Test
    void tokenWithoutServiceUrlClaim_isRefused() {
        Map<String, Object> claims = fake.validClaims(serviceUrl);
        claims.remove("serviceurl");
        assertTrue(refusal(fake.mint(claims)).contains("no serviceurl"));
    }

    @Test
    void tokenWithAnotherAlgorithmInItsHeader_isRefused() {
        assertTrue(refusal(fake.tokenWithAlgorithm(serviceUrl, "RS512")).contains("only RS256"));
        assertTrue(refusal(fake.tokenWithAlgorithm(serviceUrl, "none")).contains("only RS256"));
    }

    @Test
    void tokenWithTamperedClaims_failsItsSignature() {
        String token = fake.token(serviceUrl);
        String[] parts = token.split("\\.");
        String forgedClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"https://api.botframework.com\",\"aud\":\"" + fake.appId() + "\",\"exp\":"
                        + Instant.now().plusSeconds(3600).getEpochSecond() + ",\"serviceurl\":\"https://attacker.example/\"}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String forged = parts[0] + "." + forgedClaims + "." + parts[2];
        assertTrue(refusal(FakeBotFramework.bearer(forged), "msteams", "https://attacker.example/").contains("signature"));
    }

    @Test
    void missingOrNonBearerOrMalformedAuthorization_isRefused() {
        assertTrue(refusal(null, "msteams", serviceUrl).contains("no Authorization"));
        assertTrue(refusal("Basic dXNlcjpwYXNz", "msteams", serviceUrl).contains("not a Bearer"));
        assertTrue(refusal("Bearer not-a-jwt", "msteams", serviceUrl).contains("not a signed JWT"));
    }

    @Test
    void rotatedKey_isAcceptedAfterOneRefresh_andASecondUnknownKidWithinFiveMinutesDoesNotRefetch() throws Unauthorized {
        check(fake.token(serviceUrl));
        assertEquals(1, fake.keyRequests());

        fake.rotateKey();
        check(fake.token(serviceUrl));
        assertEquals(2, fake.keyRequests(), "an unknown kid fetches the keys again");

        fake.rotateKey();
        String secondRotation = fake.token(serviceUrl);
        assertTrue(refusal(secondRotation).contains("does not publish"));
        assertEquals(2, fake.keyRequests(), "no second fetch within 5 minutes");

        clock.advance(Duration.ofMinutes(5));
        check(secondRotation);
        assertEquals(3, fake.keyRequests());
    }

    @Test
    void tokensWithMadeUpKids_fetchAtMostOncePerFiveMinutes() {
        check(() -> fake.token(serviceUrl));
        for (int i = 0; i < 5; i++) {
            refusal(fake.tokenSignedByUnknownKey(serviceUrl));
        }
        assertEquals(2, fake.keyRequests());
    }

    @Test
    void keysAreFetchedAgainAfterADay_evenForAKnownKid() throws Unauthorized {
        check(tokenValidAtTheTestClock());
        clock.advance(Duration.ofHours(23));
        check(tokenValidAtTheTestClock());
        assertEquals(1, fake.keyRequests());

        clock.advance(Duration.ofHours(2));
        check(tokenValidAtTheTestClock());
        assertEquals(2, fake.keyRequests());
    }

    private String tokenValidAtTheTestClock() {
        Map<String, Object> claims = fake.validClaims(serviceUrl);
        claims.put("nbf", clock.instant().minusSeconds(60).getEpochSecond());
        claims.put("exp", clock.instant().plusSeconds(3600).getEpochSecond());
        return fake.mint(claims);
    }

    @Test
    void prefetch_loadsTheKeysOnce_soTheFirstRequestFetchesNothing() throws Unauthorized {
        auth.keys().prefetch();
        auth.keys().prefetch();
        assertEquals(1, fake.metadataRequests());
        check(fake.token(serviceUrl));
        assertEquals(1, fake.keyRequests());
    }

    @Test
    void unreachableKeys_refuseWithAReason() {
        BotConnectorAuth offline = new BotConnectorAuth(fake.appId(),
                new OpenIdKeys(URI.create("http://127.0.0.1:9/none"), clock), clock);
        Unauthorized refused = assertThrows(Unauthorized.class,
                () -> offline.authenticate(FakeBotFramework.bearer(fake.token(serviceUrl)), "msteams", serviceUrl));
        assertTrue(refused.getMessage().contains("could not be fetched"));
    }

    private void check(java.util.function.Supplier<String> token) {
        try {
            check(token.get());
        } catch (Unauthorized e) {
            throw new AssertionError(e);
        }
    }
}
