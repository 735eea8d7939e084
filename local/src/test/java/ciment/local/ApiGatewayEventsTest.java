package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiGatewayEventsTest {
    private static HttpCall call(String contentType, String body) {
        return new HttpCall("POST", "/slack/events", "a=1&a=2&b=%C3%A9", Map.of("content-type", contentType),
                body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
    }

    @Test
    void formBody_isBase64Encoded_asHttpApisSendIt() {
        var event = ApiGatewayEvents.payloadV1(call("application/x-www-form-urlencoded", "text=h%C3%A9"));
        assertTrue(event.isBase64Encoded());
        assertEquals("text=h%C3%A9", new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8));
    }

    @Test
    void jsonBody_isPassedAsText_withRepeatedQueryValuesJoined() {
        var event = ApiGatewayEvents.payloadV2(call("application/json; charset=utf-8", "{\"type\":\"message\"}"));
        assertFalse(event.getIsBase64Encoded());
        assertEquals("{\"type\":\"message\"}", event.getBody());
        assertEquals("POST /slack/events", event.getRouteKey());
        assertEquals(Map.of("a", "1,2", "b", "é"), event.getQueryStringParameters());
    }
}
