package ciment.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.devkit.slack.SlashCommands;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A signed request to /slack/events as Bolt's own parser reads it, run by the app under test. */
final class BoltRequests {
    private BoltRequests() {
    }

    static Response run(App app, SlashCommands.Signed signed) throws Exception {
        Map<String, List<String>> headers = new HashMap<>();
        signed.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        Request<?> request = new SlackRequestParser(app.config()).parse(SlackRequestParser.HttpRequest.builder()
                .requestUri("/slack/events").queryString(Map.of()).headers(new RequestHeaders(headers))
                .requestBody(signed.body()).build());
        return app.run(request);
    }

    /** As {@link #run}, the answer expected to be 200. */
    static Response ok(App app, SlashCommands.Signed signed) throws Exception {
        Response response = run(app, signed);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return response;
    }
}
