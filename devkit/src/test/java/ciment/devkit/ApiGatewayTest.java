package ciment.devkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ApiGateway.Request call(String contentType, String body) {
        return new ApiGateway.Request("POST", "/slack/events", "a=1&a=2&b=%C3%A9",
                Map.of("content-type", contentType, "x-slack-signature", "v0=abc"),
                body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
    }

    private static JsonNode read(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void payloadV1_formBody_isBase64Encoded_andFlagged_asHttpApisSendIt() throws Exception {
        JsonNode event = read(ApiGateway.payloadV1(call("application/x-www-form-urlencoded", "text=h%C3%A9")));

        assertEquals("1.0", event.path("version").asText());
        assertEquals("/slack/events", event.path("path").asText());
        assertEquals("POST", event.path("httpMethod").asText());
        assertTrue(event.path("isBase64Encoded").booleanValue());
        assertEquals("text=h%C3%A9", new String(Base64.getDecoder().decode(event.path("body").asText()), StandardCharsets.UTF_8));
        assertEquals("v0=abc", event.path("headers").path("x-slack-signature").asText());
        assertEquals("127.0.0.1", event.path("requestContext").path("identity").path("sourceIp").asText());
    }

    @Test
    void payloadV1_repeatedQueryValues_keepTheLastOne_andAllInTheMultiValueMap() throws Exception {
        JsonNode event = read(ApiGateway.payloadV1(call("application/json", "{}")));

        assertEquals("2", event.path("queryStringParameters").path("a").asText());
        assertEquals("é", event.path("queryStringParameters").path("b").asText());
        assertEquals("[\"1\",\"2\"]", event.path("multiValueQueryStringParameters").path("a").toString());
        assertFalse(event.path("isBase64Encoded").booleanValue());
        assertEquals("{}", event.path("body").asText());
    }

    @Test
    void payloadV2_jsonBody_isPassedAsText_withRepeatedQueryValuesJoined() throws Exception {
        JsonNode event = read(ApiGateway.payloadV2(call("application/json; charset=utf-8", "{\"type\":\"message\"}")));

        assertEquals("2.0", event.path("version").asText());
        assertFalse(event.path("isBase64Encoded").booleanValue());
        assertEquals("{\"type\":\"message\"}", event.path("body").asText());
        assertEquals("POST /slack/events", event.path("routeKey").asText());
        assertEquals("1,2", event.path("queryStringParameters").path("a").asText());
        assertEquals("é", event.path("queryStringParameters").path("b").asText());
        assertEquals("POST", event.path("requestContext").path("http").path("method").asText());
    }

    @Test
    void answer_givesTheStatusHeadersAndBody_decodingABase64Body() {
        ApiGateway.Answer text = ApiGateway.Answer.served(
                "{\"statusCode\":401,\"headers\":{\"Content-Type\":\"text/plain\"},\"body\":\"invalid request\",\"isBase64Encoded\":false}");
        assertEquals(401, text.status());
        assertEquals(Map.of("Content-Type", "text/plain"), text.headers());
        assertEquals("invalid request", new String(text.body(), StandardCharsets.UTF_8));

        ApiGateway.Answer binary = ApiGateway.Answer.served("{\"statusCode\":200,\"headers\":{},\"body\":\""
                + Base64.getEncoder().encodeToString(new byte[] {0, 1, (byte) 0xff}) + "\",\"isBase64Encoded\":true}");
        assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, binary.body());
    }

    @Test
    void answer_noneIsAnEmpty200_andOneWithoutAStatusIsNamedNotAnAnswer() {
        assertEquals(200, ApiGateway.Answer.served("").status());
        assertEquals(200, ApiGateway.Answer.served("null").status());
        ApiGateway.Answer garbled = ApiGateway.Answer.served("{\"body\":\"hello\"}");
        assertEquals(502, garbled.status());
        assertTrue(new String(garbled.body(), StandardCharsets.UTF_8).contains("not an API Gateway response"));
    }

    @Test
    void headerNames_areLowerCased_asApiGatewayHandsThemOver() throws Exception {
        ApiGateway.Request request = ApiGateway.Request.post("/api/messages",
                Map.of("Content-Type", "application/json", "Authorization", "Bearer x"), "{}");

        assertEquals(Map.of("content-type", "application/json", "authorization", "Bearer x"), request.headers());
        assertEquals("Bearer x", read(ApiGateway.payloadV2(request)).path("headers").path("authorization").asText());
    }

    @Test
    void bodyEncoding_canBeChosen_whateverTheContentType() throws Exception {
        JsonNode text = read(ApiGateway.payloadV1(call("application/x-www-form-urlencoded", "a=1"), ApiGateway.Body.TEXT));
        assertFalse(text.path("isBase64Encoded").booleanValue());
        assertEquals("a=1", text.path("body").asText());

        JsonNode base64 = read(ApiGateway.payloadV2(call("application/json", "{}"), ApiGateway.Body.BASE64));
        assertTrue(base64.path("isBase64Encoded").booleanValue());
        assertEquals("{}", new String(Base64.getDecoder().decode(base64.path("body").asText()), StandardCharsets.UTF_8));
    }

    @Test
    void read_takesOnlyAResponse() {
        assertEquals(401, ApiGateway.Answer.read("{\"statusCode\":401,\"headers\":{},\"body\":\"no\"}").status());
        for (String notAResponse : new String[] {"", "null", "not json", "{\"body\":\"hello\"}", "{\"statusCode\":\"200\"}"}) {
            assertThrows(IllegalArgumentException.class, () -> ApiGateway.Answer.read(notAResponse), notAResponse);
        }
    }

    @Test
    void invoke_handsTheFunctionTheEventsBytes_andGivesBackWhatItWrote() {
        String answer = ApiGateway.invoke((input, output, context) -> {
            output.write("{\"statusCode\":200,\"body\":\"".getBytes(StandardCharsets.UTF_8));
            input.transferTo(output);
            output.write("\"}".getBytes(StandardCharsets.UTF_8));
        }, "é");

        assertEquals("é", ApiGateway.Answer.read(answer).bodyText());
    }
}
