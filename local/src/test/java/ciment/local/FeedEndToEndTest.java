package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.teams.FakeBotFramework;
import ciment.local.LocalStack.SlackAnswer;
import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, item 6 over HTTP through the local runner: a feed's pages in Slack (the words under a page) and in
 * Teams (the card's More, a signed adaptiveCard/action invoke); an altered cursor refused in one sentence.
 */
class FeedEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT = Pattern.compile("feed paged-guild more:[A-Za-z0-9_-]+");
    private static final Pattern TIP = Pattern.compile("Tip (\\d+)");
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = new LocalStack();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void slackPagesWithTheWordsUnderAPage_teamsWithMore_andAnAlteredCursorIsRefused() throws Exception {
        SlackUser ada = stack.slackUser("U0ADAFEED", "Ada");
        assertTrue(ada.ciment("create paged-guild Feeds a page at a time").says("first steward"));
        for (int i = 0; i < 23; i++) {
            assertTrue(ada.ciment("post paged-guild Tip " + i).says("Posted"));
        }

        SlackAnswer first = ada.ciment("feed paged-guild");
        Matcher next = NEXT.matcher(first.text());
        assertTrue(first.says("Latest in paged-guild: 20 posts") && next.find(), first.toString());
        SlackAnswer older = ada.ciment(next.group());
        assertTrue(older.says("Older in paged-guild: 3 posts."), older.toString());
        // Posts made within one second have no order among them: the two pages hold the 23, each once.
        List<String> shown = new ArrayList<>(tips(first.toString()));
        shown.addAll(tips(older.toString()));
        assertEquals(23, new HashSet<>(shown).size(), shown.toString());
        String token = next.group().substring(next.group().indexOf("more:") + 5);
        String altered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        assertTrue(ada.ciment("feed paged-guild more:" + altered).says("That “more:” link was altered"));

        TeamsUser grace = stack.teamsUser("Grace Feed");
        assertEquals(200, grace.ciment("join paged-guild").status());
        assertEquals(200, grace.ciment("feed paged-guild").status());
        List<FakeBotFramework.SentActivity> sent = stack.botFramework.sent();
        JsonNode card = JSON.valueToTree(sent.get(sent.size() - 1).attachmentContents().get(0));
        JsonNode more = card.findParents("verb").stream().filter(a -> "More".equals(a.path("title").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no More in " + card));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = JSON.convertValue(more.path("data"), Map.class);
        HttpResponse<String> clicked = stack.post("/api/messages", Map.of("Content-Type", "application/json",
                "Authorization", FakeBotFramework.bearer(stack.botFramework.token(stack.botFramework.serviceUrl()))),
                grace.message("").cardAction(more.path("verb").asText(), data).json());

        assertEquals(200, clicked.statusCode(), clicked.body());
        assertTrue(clicked.body().contains("Older in paged-guild: 3 posts."), clicked.body());
        assertEquals(tips(older.toString()), tips(clicked.body()), "the same older page on both tools");
    }

    /** The tips a page shows, once each. */
    private static Set<String> tips(String page) {
        Set<String> tips = new TreeSet<>();
        Matcher tip = TIP.matcher(page);
        while (tip.find()) {
            tips.add(tip.group(1));
        }
        return tips;
    }
}
