package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.local.LocalStack.SlackAnswer;
import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsAnswer;
import ciment.local.LocalStack.TeamsUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 6 to the end, over HTTP: activity on both tools in three communities is metered by the functions
 * themselves; then finance reads the month in Slack and in Teams (every community and the platform, with links),
 * a steward only their own, a member nothing; and GET /costs on the runner, with the finance token, gives the
 * same communities, whose cents add up to the total.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FinanceEndToEndTest {
    private static final String TOKEN = "e2e-finance-token";
    /** The HTTP requests the activity below sends: 3 creates, 5 in each community, 2 whoami. */
    private static final int ACTIVITY_REQUESTS = 3 + 3 * 5 + 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalStack stack;
    private static SlackUser sam;
    private static SlackUser finn;
    private static SlackUser mia;
    private static TeamsUser tess;
    private static TeamsUser fiona;

    @BeforeAll
    static void aMonthOfActivity_onBothTools_inThreeCommunities() {
        stack = new LocalStack(Map.of(
                "CIMENT_FINANCE_TOKEN", TOKEN,
                "CIMENT_FINANCE_EMAILS", "U0FIN0002@example.com, fiona@example.com",
                "CIMENT_PUBLIC_URL", "https://ciment.example.com"));
        sam = stack.slackUser("U0FIN0001", "Sam");
        finn = stack.slackUser("U0FIN0002", "Finn");
        mia = stack.slackUser("U0FIN0003", "Mia");
        tess = stack.teamsUser("Tess", "tess@example.com", "user");
        fiona = stack.teamsUser("Fiona", "fiona@example.com", "user");
        sam.ciment("create fin-alpha Alpha things");
        sam.ciment("create fin-beta Beta things");
        tess.ciment("create fin-gamma Gamma things");
        for (String slug : new String[] {"fin-alpha", "fin-beta", "fin-gamma"}) {
            mia.ciment("join " + slug);
            mia.ciment("post " + slug + " Hello from Slack in " + slug);
            tess.ciment("join " + slug);
            tess.ciment("post " + slug + " Hello from Teams in " + slug);
            mia.ciment("feed " + slug);
        }
        finn.ciment("whoami");
        fiona.ciment("whoami");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /**
     * Before any other test adds requests: the month's API requests are the 20 the activity sent, and the Slack
     * and Bot Connector calls are those the fakes received, each counted once, whoever paid for them.
     */
    @Test
    @Order(1)
    void theMonthsReport_countsTheRequestsAndChatCallsTheFakesSaw_exactly() throws Exception {
        int slackCalls = stack.slackApi.calls().size();
        int teamsCalls = stack.botFramework.sent().size() + stack.botFramework.memberLookups().size()
                + stack.botFramework.createdConversations().size();

        HttpResponse<String> json = stack.get("/costs?format=json", "Bearer " + TOKEN);

        Map<String, BigDecimal> used = new HashMap<>();
        JSON.readTree(json.body()).path("lines").forEach(line -> used.merge(line.path("meter").asText(),
                line.path("consumedQuantity").decimalValue(), BigDecimal::add));
        assertEquals(0, new BigDecimal(ACTIVITY_REQUESTS).compareTo(used.get("api")), used.toString());
        assertEquals(0, new BigDecimal(slackCalls).compareTo(used.getOrDefault("slack", BigDecimal.ZERO)), used + " " + stack.slackApi.calls().stream().map(c -> c.method()).toList());
        assertEquals(0, new BigDecimal(teamsCalls).compareTo(used.getOrDefault("teams", BigDecimal.ZERO)), used.toString());
        assertTrue(used.get("lreq").compareTo(used.get("api")) >= 0, "every API request is a Lambda request: " + used);
    }

    @Test
    void finance_onSlack_seesEveryCommunity_thePlatform_andTheLinks() {
        SlackAnswer costs = finn.ciment("costs");

        assertEquals(200, costs.status());
        for (String slug : new String[] {"fin-alpha", "fin-beta", "fin-gamma", "platform"}) {
            assertTrue(costs.says(slug), slug + " in " + costs);
        }
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        assertTrue(costs.says("https://ciment.example.com/costs/chart.svg?month=" + month), costs.toString());
        assertTrue(costs.says("format=csv"), costs.toString());
        assertTrue(costs.says("us-east-1/arm64"), costs.toString());
    }

    @Test
    void finance_inEnglish_withNoCurrencySet_readsDollars_andNoRate() {
        SlackAnswer costs = finn.ciment("costs");

        assertTrue(costs.says(" in all") && costs.says("fin-alpha: $"), costs.toString());
        assertFalse(costs.says("1 USD =") || costs.says("€"), costs.toString());
    }

    @Test
    void finance_onTeams_seesEveryCommunityToo() {
        TeamsAnswer costs = fiona.ciment("costs");

        for (String slug : new String[] {"fin-alpha", "fin-beta", "fin-gamma", "platform"}) {
            assertTrue(costs.says(slug), slug + " in " + costs);
        }
        assertTrue(costs.says("Action.OpenUrl"), costs.cards());
    }

    @Test
    void aSteward_seesOnlyTheirCommunities_onEitherTool() {
        TeamsAnswer tessCosts = tess.ciment("costs");
        SlackAnswer samCosts = sam.ciment("costs");

        assertTrue(tessCosts.says("fin-gamma"), tessCosts.toString());
        assertFalse(tessCosts.says("fin-alpha") || tessCosts.says("platform"), tessCosts.toString());
        assertTrue(samCosts.says("fin-alpha") && samCosts.says("fin-beta"), samCosts.toString());
        assertFalse(samCosts.says("fin-gamma") || samCosts.says("platform"), samCosts.toString());
    }

    @Test
    void aMember_isRefused_inOneSentence_andABudgetOfOthersToo() {
        assertTrue(mia.ciment("costs").says("Cost reports are for finance and for the stewards"));
        assertTrue(mia.ciment("budget fin-alpha 25").says("is for its stewards and for finance"));
        assertTrue(sam.ciment("budget fin-alpha 25").says("monthly budget is now $25.00"));
        assertTrue(sam.ciment("costs").says("budget $25.00"));
    }

    @Test
    void theRunnersCostsRoute_givesTheSameCommunities_whoseCentsAddUpToTheTotal() throws Exception {
        HttpResponse<String> refused = stack.get("/costs");
        HttpResponse<String> json = stack.get("/costs?format=json", "Bearer " + TOKEN);

        assertEquals(401, refused.statusCode());
        assertEquals(200, json.statusCode(), json.body());
        JsonNode report = JSON.readTree(json.body());
        Map<String, BigDecimal> owners = new HashMap<>();
        report.path("totals").path("owners").forEach(o -> owners.put(o.path("community").asText(), o.path("usd").decimalValue()));
        for (String name : new String[] {"fin-alpha", "fin-beta", "fin-gamma", "platform"}) {
            assertTrue(owners.containsKey(name), name + " in " + owners);
        }
        BigDecimal sum = owners.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(report.path("totals").path("usd").decimalValue()), json.body());
        HttpResponse<String> csv = stack.get("/costs?format=csv", "Bearer " + TOKEN);
        assertTrue(csv.body().contains("fin-gamma"), csv.body());
    }
}
