package ciment.devkit.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeSlackApiTest {
    private final FakeSlackApi api = FakeSlackApi.start().addUser("U1", "Ada Lovelace", "ada", "ada@example.com");
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void usersInfo_knownUser_answersProfile_andRecordsCallWithToken() throws Exception {
        String answer = postForm("users.info", "user=U1", "xoxb-1");

        assertTrue(answer.contains("\"display_name\":\"ada\""), answer);
        assertTrue(answer.contains("\"ok\":true"), answer);
        FakeSlackApi.Call call = api.calls("users.info").getFirst();
        assertEquals("U1", call.param("user"));
        assertEquals("xoxb-1", call.token());
    }

    @Test
    void usersInfo_memberOfTheWorkspace_answersItsTeamAndEmail_andNoGuestFlag() throws Exception {
        String answer = postForm("users.info", "user=U1", "xoxb-1");

        assertTrue(answer.contains("\"team_id\":\"" + FakeSlackApi.TEAM_ID + "\""), answer);
        assertTrue(answer.contains("\"email\":\"ada@example.com\""), answer);
        assertTrue(answer.contains("\"is_restricted\":false") && answer.contains("\"is_ultra_restricted\":false"), answer);
        assertFalse(answer.contains("is_stranger"), answer);
    }

    @Test
    void usersInfo_externalGuestStranger_answersEachFlag_andTheirOwnTeam() throws Exception {
        api.addUser(new FakeSlackApi.User("U2", "Eve Partner", "eve", "eve@partner.example")
                .fromTeam("T0PARTNER").singleChannelGuest().asStranger());

        String answer = postForm("users.info", "user=U2", "xoxb-1");

        assertTrue(answer.contains("\"team_id\":\"T0PARTNER\""), answer);
        assertTrue(answer.contains("\"is_restricted\":true") && answer.contains("\"is_ultra_restricted\":true")
                && answer.contains("\"is_stranger\":true"), answer);
    }

    @Test
    void usersInfo_userWithoutEmail_leavesTheFieldOut() throws Exception {
        api.addUser(new FakeSlackApi.User("U3", "No Mail", "nomail", "x@example.com").withoutEmail());

        String answer = postForm("users.info", "user=U3", "xoxb-1");

        assertTrue(answer.contains("\"ok\":true"), answer);
        assertFalse(answer.contains("email"), answer);
    }

    @Test
    void usersInfo_unknownUser_answersUserNotFound() throws Exception {
        assertTrue(postForm("users.info", "user=U404", "xoxb-1").contains("\"error\":\"user_not_found\""));
    }

    @Test
    void postMessage_json_recordsItsFields() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "chat.postMessage"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer xoxb-2")
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"C1\",\"text\":\"hi\",\"blocks\":[]}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertTrue(response.body().contains("\"ts\""), response.body());
        FakeSlackApi.Call call = api.calls("chat.postMessage").getFirst();
        assertEquals("C1", call.param("channel"));
        assertEquals("hi", call.param("text"));
        assertEquals("xoxb-2", call.token());
    }

    @Test
    void postEphemeral_recordsChannelUserAndText_andAnswersAMessageTs() throws Exception {
        String answer = postForm("chat.postEphemeral", "channel=C1&user=U1&text=only+you", "xoxb-1");

        assertTrue(answer.contains("\"ok\":true") && answer.contains("\"message_ts\""), answer);
        FakeSlackApi.Call call = api.calls("chat.postEphemeral").getFirst();
        assertEquals("C1", call.param("channel"));
        assertEquals("U1", call.param("user"));
        assertEquals("only you", call.param("text"));
    }

    @Test
    void refusedChannel_answersTheErrorThere_only() throws Exception {
        api.refuse("chat.postEphemeral", "C0OUTSIDE", "not_in_channel");

        assertTrue(postForm("chat.postEphemeral", "channel=C0OUTSIDE&user=U1&text=x", "xoxb-1")
                .contains("\"error\":\"not_in_channel\""));
        assertTrue(postForm("chat.postEphemeral", "channel=C1&user=U1&text=x", "xoxb-1").contains("\"ok\":true"));
        assertTrue(postForm("chat.postMessage", "channel=C0OUTSIDE&text=x", "xoxb-1").contains("\"ok\":true"));
    }

    @Test
    void failNext_answersTheStatusThatManyTimes_429WithRetryAfter_thenAnswersAgain() throws Exception {
        api.failNext("chat.postMessage", 429, 1).failNext("chat.postEphemeral", 503, 2);

        HttpResponse<String> limited = post("chat.postMessage", "channel=C1&text=x");
        assertEquals(429, limited.statusCode());
        assertEquals("1", limited.headers().firstValue("Retry-After").orElse(null));
        assertEquals(200, post("chat.postMessage", "channel=C1&text=x").statusCode());
        assertEquals(503, post("chat.postEphemeral", "channel=C1&user=U1&text=x").statusCode());
        assertEquals(503, post("chat.postEphemeral", "channel=C1&user=U1&text=x").statusCode());
        assertEquals(200, post("chat.postEphemeral", "channel=C1&user=U1&text=x").statusCode());
        assertEquals(5, api.calls().size(), "failed calls are recorded too");
    }

    @Test
    void otherMethod_answersUnknownMethod() throws Exception {
        assertTrue(postForm("conversations.list", "", "xoxb-1").contains("unknown_method"));
    }

    @Test
    void baseUrl_endsWithSlash() {
        assertTrue(api.baseUrl().endsWith("/api/"));
    }

    @Test
    void postMessage_getsTheTimeItWasPostedAsTs_uniqueAndIncreasing() throws Exception {
        long before = java.time.Instant.now().getEpochSecond();
        post("chat.postMessage", "channel=C1&text=one");
        post("chat.postMessage", "channel=C1&text=two");

        List<FakeSlackApi.Message> messages = api.messages("C1");
        java.math.BigDecimal first = new java.math.BigDecimal(messages.get(0).ts());
        assertTrue(first.longValue() >= before && first.longValue() <= java.time.Instant.now().getEpochSecond(), first.toString());
        assertTrue(new java.math.BigDecimal(messages.get(1).ts()).compareTo(first) > 0);
    }

    @Test
    void faultsOfAMethod_areMetInTheOrderGiven_thenItServesAgain_eachCounted() throws Exception {
        java.util.concurrent.atomic.AtomicInteger kills = new java.util.concurrent.atomic.AtomicInteger();
        api.onKill(kills::incrementAndGet).failNext("chat.postMessage", 503, 1).killAfterNext("chat.postMessage", 1)
                .answerLate("chat.postMessage", java.time.Duration.ofMillis(600), 1);

        assertEquals(503, post("chat.postMessage", "channel=C1&text=refused").statusCode());
        assertEquals(200, post("chat.postMessage", "channel=C1&text=killed").statusCode());
        assertEquals(1, kills.get(), "the caller killed once the message was posted");
        HttpClient impatient = HttpClient.newBuilder().build();
        org.junit.jupiter.api.Assertions.assertThrows(java.net.http.HttpTimeoutException.class, () -> impatient.send(
                HttpRequest.newBuilder(URI.create(api.baseUrl() + "chat.postMessage")).timeout(java.time.Duration.ofMillis(200))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Bearer xoxb-1")
                        .POST(HttpRequest.BodyPublishers.ofString("channel=C1&text=late")).build(),
                HttpResponse.BodyHandlers.ofString()));
        assertEquals(200, post("chat.postMessage", "channel=C1&text=fine").statusCode());

        assertEquals(List.of("killed", "late", "fine"), api.messages("C1").stream().map(FakeSlackApi.Message::text).toList(),
                "a killed caller's and a late answer's messages were posted");
        assertEquals(java.util.Map.of("HTTP 503", 1L, "caller killed after the call was done", 1L, "answered late", 1L),
                api.faultsInjected());
        assertEquals(0, api.faultsWaiting());
    }

    private HttpResponse<String> post(String method, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + method))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", "Bearer xoxb-1")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String postForm(String method, String form, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + method))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
