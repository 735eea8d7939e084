package ciment.devkit.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeBotFrameworkTest {

    @Test
    void mintedToken_verifiesWithThePublishedKeyOfItsKid_andCarriesTheEndorsements() throws Exception {
        try (FakeBotFramework fake = FakeBotFramework.start()) {
            Map<String, Object> metadata = Json.parseObject(get(fake.openIdMetadataUrl()));
            assertEquals(FakeBotFramework.ISSUER, metadata.get("issuer"));
            List<?> keys = (List<?>) Json.parseObject(get((String) metadata.get("jwks_uri"))).get("keys");

            String token = fake.token(fake.serviceUrl());
            String[] parts = token.split("\\.");
            Map<String, Object> header = Json.parseObject(decode(parts[0]));
            Map<?, ?> jwk = keys.stream().map(k -> (Map<?, ?>) k).filter(k -> k.get("kid").equals(header.get("kid")))
                    .findFirst().orElseThrow();
            assertEquals(List.of("msteams", "emulator"), jwk.get("endorsements"));
            assertTrue(verifies(jwk, parts));
            assertEquals(fake.appId(), Json.parseObject(decode(parts[1])).get("aud"));

            String unknown = fake.tokenSignedByUnknownKey(fake.serviceUrl());
            String unknownKid = (String) Json.parseObject(decode(unknown.split("\\.")[0])).get("kid");
            assertFalse(keys.stream().anyMatch(k -> ((Map<?, ?>) k).get("kid").equals(unknownKid)));
        }
    }

    @Test
    void rotateKey_publishesANewKid_andMintsWithIt() throws Exception {
        try (FakeBotFramework fake = FakeBotFramework.start()) {
            String before = fake.currentKid();
            String rotated = fake.rotateKey();
            List<?> keys = (List<?>) Json.parseObject(get(fake.keysUrl())).get("keys");
            assertTrue(keys.stream().anyMatch(k -> ((Map<?, ?>) k).get("kid").equals(rotated)));
            assertFalse(rotated.equals(before));
            assertEquals(1, fake.keyRequests());
        }
    }

    @Test
    void connector_recordsActivityAndAuthorization_andTokenEndpointChecksTheClient() throws Exception {
        try (FakeBotFramework fake = FakeBotFramework.start()) {
            String conversation = "19:abc@thread.tacv2;messageid=1";
            String url = fake.serviceUrl() + "v3/conversations/" + conversation.replace(";", "%3B") + "/activities/42";
            int status = post(url, "{\"type\":\"message\",\"text\":\"hi\"}", "application/json", "Bearer t");
            assertEquals(200, status);
            FakeBotFramework.SentActivity sent = fake.sent().get(0);
            assertEquals(conversation, sent.conversationId());
            assertEquals("42", sent.replyToId());
            assertEquals("Bearer t", sent.authorization());
            assertEquals("hi", sent.text());

            String good = "grant_type=client_credentials&client_id=" + fake.appId() + "&client_secret="
                    + fake.appPassword() + "&scope=https%3A%2F%2Fapi.botframework.com%2F.default";
            assertEquals(200, post(fake.oauthTokenUrl(), good, "application/x-www-form-urlencoded", null));
            assertEquals(401, post(fake.oauthTokenUrl(), good.replace(fake.appPassword(), "wrong"),
                    "application/x-www-form-urlencoded", null));
            assertEquals(1, fake.issuedAccessTokens().size());
            assertEquals("botframework.com", fake.tokenRequests().get(0).tenant());
        }
    }

    @Test
    void memberLookup_answersRegisteredMembersByAnyOfTheirIds_404sOthers_andRecordsEachCall() throws Exception {
        try (FakeBotFramework fake = FakeBotFramework.start()) {
            fake.addMember(FakeBotFramework.Member.of("29:grace", "aad-grace", "Grace Hopper", "grace@navy.example",
                    "Grace@navy.example", "tenant-1"));
            String members = fake.serviceUrl() + "v3/conversations/19%3Ateam%40thread.tacv2/members/";

            Map<String, Object> byTeamsId = Json.parseObject(get(members + "29%3Agrace", "Bearer t"));
            assertEquals("aad-grace", byTeamsId.get("aadObjectId"));
            assertEquals("tenant-1", byTeamsId.get("tenantId"));
            assertEquals("Grace@navy.example", byTeamsId.get("userPrincipalName"));
            assertEquals("user", byTeamsId.get("userRole"));
            assertEquals("29:grace", Json.parseObject(get(members + "aad-grace", null)).get("id"));
            assertEquals("29:grace", Json.parseObject(get(members + "grace%40navy.example", null)).get("id"));
            assertEquals(404, status(members + "29%3Anobody"));

            assertEquals(4, fake.memberLookups().size());
            FakeBotFramework.MemberLookup first = fake.memberLookups().get(0);
            assertEquals("19:team@thread.tacv2", first.conversationId());
            assertEquals("29:grace", first.memberId());
            assertEquals("Bearer t", first.authorization());
            assertEquals("29:nobody", fake.memberLookups().get(3).memberId());
        }
    }

    @Test
    void guestMember_isFoundByTheTeamsIdItsMessagesCarry_withRoleGuest_theHostsTenant_andAnExtUpn() throws Exception {
        try (FakeBotFramework fake = FakeBotFramework.start()) {
            FakeBotFramework.Member pat = fake.addMember(FakeBotFramework.Member.guest("29:pat", "aad-pat", "Pat Partner",
                    "pat@supplier.example", "host-tenant"));
            String sender = TeamsActivities.message(fake.serviceUrl(), fake.botId()).tenant("host-tenant")
                    .from(pat.id(), pat.aadObjectId(), pat.name()).fromId();

            Map<String, Object> found = Json.parseObject(get(fake.serviceUrl() + "v3/conversations/a%3A1/members/"
                    + sender.replace(":", "%3A")));
            assertEquals("guest", found.get("userRole"));
            assertEquals("host-tenant", found.get("tenantId"));
            assertEquals("pat@supplier.example", found.get("email"));
            assertEquals("pat_supplier.example#EXT#@hosttenant.onmicrosoft.com", found.get("userPrincipalName"));
            assertEquals("29:pat", fake.memberLookups().get(0).memberId());
        }
    }

    @Test
    void failMemberLookups_answersEveryLookupWithThatStatus_recordsIt_andZeroAnswersAgain() throws Exception {
        try (FakeBotFramework fake = FakeBotFramework.start()) {
            fake.addMember(FakeBotFramework.Member.of("29:grace", "aad-grace", "Grace Hopper", null, null, "t"));
            String grace = fake.serviceUrl() + "v3/conversations/a%3A1/members/29%3Agrace";

            fake.failMemberLookups(500);
            assertEquals(500, status(grace));
            fake.failMemberLookups(0);
            assertEquals(200, status(grace));
            assertEquals(2, fake.memberLookups().size());
        }
    }

    @Test
    void createConversation_givesAKnownMemberOnePersonalChat_byTeamsIdOrAadObjectId_andRecordsTheRequest() throws Exception {
        try (FakeBotFramework fake = FakeBotFramework.start()) {
            FakeBotFramework.Member grace = fake.addMember(FakeBotFramework.Member.of("29:grace", "aad-grace", "Grace Hopper",
                    null, null, "tenant-1"));
            String conversations = fake.serviceUrl() + "v3/conversations";

            HttpURLConnection byAad = postFor(conversations, "{\"isGroup\":false,\"bot\":{\"id\":\"" + fake.botId()
                    + "\"},\"members\":[{\"id\":\"aad-grace\"}],\"tenantId\":\"tenant-1\"}", "Bearer t");
            assertEquals(201, byAad.getResponseCode());
            String chat = (String) Json.parseObject(new String(byAad.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).get("id");
            assertTrue(chat.startsWith("a:"), chat);
            assertEquals(chat, fake.personalChatWith(grace).orElseThrow());
            HttpURLConnection byTeamsId = postFor(conversations,
                    "{\"isGroup\":false,\"members\":[{\"id\":\"29:grace\"}],\"tenantId\":\"tenant-1\"}", "Bearer t");
            assertEquals(chat, Json.parseObject(new String(byTeamsId.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .get("id"), "the same member always has the same personal chat");

            FakeBotFramework.CreatedConversation first = fake.createdConversations().get(0);
            assertEquals("tenant-1", first.tenantId());
            assertEquals(fake.botId(), first.botId());
            assertEquals(List.of("aad-grace"), first.memberIds());
            assertFalse(first.isGroup());
            assertEquals("Bearer t", first.authorization());
            assertEquals(2, fake.createdConversations().size());
            assertTrue(fake.sent().isEmpty(), "creating a conversation sends nothing");
        }
    }

    @Test
    void createConversation_withAnUnknownMember_is403_andWithoutTenantOrAsAGroup_is400() throws Exception {
        try (FakeBotFramework fake = FakeBotFramework.start()) {
            fake.addMember(FakeBotFramework.Member.of("29:grace", "aad-grace", "Grace Hopper", null, null, "tenant-1"));
            String conversations = fake.serviceUrl() + "v3/conversations";
            assertEquals(403, postFor(conversations,
                    "{\"isGroup\":false,\"members\":[{\"id\":\"aad-nobody\"}],\"tenantId\":\"tenant-1\"}", null).getResponseCode());
            assertEquals(400, postFor(conversations, "{\"isGroup\":false,\"members\":[{\"id\":\"aad-grace\"}]}", null)
                    .getResponseCode());
            assertEquals(400, postFor(conversations,
                    "{\"isGroup\":true,\"members\":[{\"id\":\"aad-grace\"}],\"tenantId\":\"tenant-1\"}", null).getResponseCode());
            assertEquals(3, fake.createdConversations().size());
        }
    }

    @Test
    void failConnectorCalls_failsTheNextSendsOrCreations_withRetryAfterOn429_thenServesAgain() throws Exception {
        try (FakeBotFramework fake = FakeBotFramework.start()) {
            String activities = fake.serviceUrl() + "v3/conversations/a%3A1/activities";
            fake.failConnectorCalls(429, 1);
            fake.failConnectorCalls(500, 1);

            HttpURLConnection throttled = postFor(activities, "{\"type\":\"message\",\"text\":\"hi\"}", null);
            assertEquals(429, throttled.getResponseCode());
            assertEquals("1", throttled.getHeaderField("Retry-After"));
            assertEquals(500, postFor(fake.serviceUrl() + "v3/conversations", "{}", null).getResponseCode());
            assertEquals(200, postFor(activities, "{\"type\":\"message\",\"text\":\"hi\"}", null).getResponseCode());

            assertEquals(List.of(new FakeBotFramework.FailedCall("/connector/v3/conversations/a:1/activities", 429),
                    new FakeBotFramework.FailedCall("/connector/v3/conversations", 500)), fake.failedCalls());
            assertEquals(1, fake.sent().size(), "a failed send is not recorded as sent");
            assertTrue(fake.createdConversations().isEmpty());
        }
    }

    @Test
    void aSendFollowedByAKill_isRecordedAsSent_thenTheCallerIsKilled_andALateAnswer_isHeld() throws Exception {
        try (FakeBotFramework fake = FakeBotFramework.start()) {
            String activities = fake.serviceUrl() + "v3/conversations/a%3A1/activities";
            java.util.concurrent.atomic.AtomicInteger kills = new java.util.concurrent.atomic.AtomicInteger();
            fake.onKill(kills::incrementAndGet);
            fake.killAfterNextSends(1);

            assertEquals(200, postFor(activities, "{\"type\":\"message\",\"text\":\"killed\"}", null).getResponseCode());
            assertEquals(1, kills.get());
            fake.answerConnectorCallsLate(java.time.Duration.ofMillis(600), 1);
            HttpURLConnection late = (HttpURLConnection) java.net.URI.create(activities).toURL().openConnection();
            late.setReadTimeout(200);
            late.setRequestMethod("POST");
            late.setDoOutput(true);
            late.setRequestProperty("Content-Type", "application/json");
            late.getOutputStream().write("{\"type\":\"message\",\"text\":\"late\"}".getBytes(StandardCharsets.UTF_8));
            org.junit.jupiter.api.Assertions.assertThrows(java.net.SocketTimeoutException.class, late::getResponseCode);

            assertEquals(2, fake.sent().size(), "both were sent: a kill and a late answer follow the send");
            assertEquals(Map.of("answered late", 1, "caller killed after the send was done", 1), fake.faultsInjected());
            assertEquals(0, fake.faultsWaiting());
        }
    }

    @Test
    void mentionOfAnotherPerson_isAnEntityBesideTheBotsMention() {
        Map<String, Object> activity = Json.parseObject(TeamsActivities.message("http://x/", "28:bot")
                .mentioning("29:grace", "Grace Hopper").text("approve guild <at>Grace Hopper</at>").json());
        assertEquals("<at>Ciment</at> approve guild <at>Grace Hopper</at>", activity.get("text"));
        List<?> entities = (List<?>) activity.get("entities");
        Map<?, ?> grace = (Map<?, ?>) entities.get(1);
        assertEquals("mention", grace.get("type"));
        assertEquals("<at>Grace Hopper</at>", grace.get("text"));
        assertEquals(Map.of("id", "29:grace", "name", "Grace Hopper"), grace.get("mentioned"));
    }

    @Test
    void teamsMessage_mentionsTheBot_andCarriesTenantInConversationAndChannelData() {
        Map<String, Object> activity = Json.parseObject(
                TeamsActivities.message("http://x/", "28:bot").tenant("t1").text("help").json());
        assertEquals("<at>Ciment</at> help", activity.get("text"));
        assertEquals("t1", ((Map<?, ?>) activity.get("conversation")).get("tenantId"));
        assertEquals(Map.of("id", "t1"), ((Map<?, ?>) activity.get("channelData")).get("tenant"));
        assertEquals("mention", ((Map<?, ?>) ((List<?>) activity.get("entities")).get(0)).get("type"));
    }

    private static boolean verifies(Map<?, ?> jwk, String[] parts) throws Exception {
        Base64.Decoder url = Base64.getUrlDecoder();
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, url.decode((String) jwk.get("n"))), new BigInteger(1, url.decode((String) jwk.get("e")))));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(key);
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(url.decode(parts[2]));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String get(String url) throws IOException {
        return get(url, null);
    }

    private static String get(String url, String authorization) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        if (authorization != null) {
            connection.setRequestProperty("Authorization", authorization);
        }
        try (var in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int status(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        return connection.getResponseCode();
    }

    /** A JSON POST, its response not yet read. */
    private static HttpURLConnection postFor(String url, String json, String authorization) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        if (authorization != null) {
            connection.setRequestProperty("Authorization", authorization);
        }
        try (OutputStream out = connection.getOutputStream()) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return connection;
    }

    private static int post(String url, String body, String type, String authorization) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", type);
        if (authorization != null) {
            connection.setRequestProperty("Authorization", authorization);
        }
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        return connection.getResponseCode();
    }
}
