package ciment.devkit.teams;

import static ciment.devkit.teams.BotFrameworkHttp.decode;
import static ciment.devkit.teams.BotFrameworkHttp.error;
import static ciment.devkit.teams.BotFrameworkHttp.respond;

import ciment.devkit.teams.FakeBotFramework.Change;
import ciment.devkit.teams.FakeBotFramework.CreatedConversation;
import ciment.devkit.teams.FakeBotFramework.DeletedActivity;
import ciment.devkit.teams.FakeBotFramework.Member;
import ciment.devkit.teams.FakeBotFramework.MemberLookup;
import ciment.devkit.teams.FakeBotFramework.SentActivity;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Bot Connector's endpoints: sends, updates and deletions of activities, personal chats created, and
 * member lookups, each recorded (with the token it came with); sends, updates, deletions and creations meet
 * the {@link ConnectorFaults} a test armed first.
 */
final class FakeConnector {
    private static final Pattern ACTIVITY_PATH =
            Pattern.compile("^/connector/v3/conversations/([^/]+)/activities(?:/([^/]+))?$");
    private static final Pattern MEMBER_PATH = Pattern.compile("^/connector/v3/conversations/([^/]+)/members/([^/]+)$");
    private static final String CONVERSATIONS_PATH = "/connector/v3/conversations";

    final ConnectorFaults faults = new ConnectorFaults();
    final List<SentActivity> sent = new CopyOnWriteArrayList<>();
    final List<SentActivity> updated = new CopyOnWriteArrayList<>();
    final List<DeletedActivity> deleted = new CopyOnWriteArrayList<>();
    /** Every send, update and deletion done, in order, with when. */
    final List<Change> changes = new CopyOnWriteArrayList<>();
    final List<Member> members = new CopyOnWriteArrayList<>();
    final List<MemberLookup> memberLookups = new CopyOnWriteArrayList<>();
    final List<CreatedConversation> createdConversations = new CopyOnWriteArrayList<>();
    final Map<String, String> personalChats = new ConcurrentHashMap<>();
    private final AtomicInteger sentIds = new AtomicInteger();
    private volatile int memberLookupFailure;

    void failMemberLookups(int status) {
        memberLookupFailure = status;
    }

    /** Answers the call when it is one of the Bot Connector's; false when it is not. */
    boolean serve(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        Matcher activity = ACTIVITY_PATH.matcher(path);
        boolean changing = method.equals("POST") && (path.equals(CONVERSATIONS_PATH) || activity.matches())
                || (method.equals("PUT") || method.equals("DELETE")) && activity.matches();
        ConnectorFaults.Fault fault = changing ? faults.next() : null;
        if (fault != null && fault.status() != 200) {
            faults.fail(exchange, path, fault.status());
            return true;
        }
        String json = new String(body, StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (method.equals("POST") && path.equals(CONVERSATIONS_PATH)) {
            createConversation(exchange, json);
        } else if (method.equals("POST") && activity.matches()) {
            String conversationId = decode(activity.group(1));
            String replyToId = activity.group(2) == null ? null : decode(activity.group(2));
            String id = "sent-" + sentIds.incrementAndGet();
            sent.add(new SentActivity(conversationId, replyToId, authorization, json, id, body.length));
            changes.add(new Change("send", conversationId, id, json, Instant.now()));
            faults.sent();
            ConnectorFaults.holdAnswer(fault);
            respond(exchange, 200, Json.write(Map.of("id", id)));
        } else if ((method.equals("PUT") || method.equals("DELETE")) && activity.matches() && activity.group(2) != null) {
            String conversationId = decode(activity.group(1));
            String activityId = decode(activity.group(2));
            if (method.equals("PUT")) {
                updated.add(new SentActivity(conversationId, null, authorization, json, activityId, body.length));
                changes.add(new Change("update", conversationId, activityId, json, Instant.now()));
                ConnectorFaults.holdAnswer(fault);
                respond(exchange, 200, Json.write(Map.of("id", activityId)));
            } else {
                deleted.add(new DeletedActivity(conversationId, activityId, authorization));
                changes.add(new Change("delete", conversationId, activityId, null, Instant.now()));
                ConnectorFaults.holdAnswer(fault);
                respond(exchange, 200, "{}");
            }
        } else {
            Matcher member = MEMBER_PATH.matcher(path);
            if (!method.equals("GET") || !member.matches()) {
                return false;
            }
            answerMember(exchange, decode(member.group(1)), decode(member.group(2)), authorization);
        }
        return true;
    }

    /**
     * A personal chat between the bot and one member, as Teams makes it: the member named by their Teams
     * id or AAD object id, the tenant required; the same member always gets the same chat. A member the
     * fake does not know stands for a person who has not installed the bot: 403, as Teams answers.
     */
    @SuppressWarnings("unchecked")
    private void createConversation(HttpExchange exchange, String json) throws IOException {
        Map<String, Object> parameters = Json.parseObject(json);
        List<Object> memberList = parameters.get("members") instanceof List<?> list ? (List<Object>) list : List.of();
        List<String> memberIds = memberList.stream()
                .map(m -> m instanceof Map<?, ?> map ? String.valueOf(map.get("id")) : String.valueOf(m)).toList();
        Object bot = parameters.get("bot");
        String botId = bot instanceof Map<?, ?> map && map.get("id") != null ? String.valueOf(map.get("id")) : null;
        String tenantId = parameters.get("tenantId") == null ? null : String.valueOf(parameters.get("tenantId"));
        createdConversations.add(new CreatedConversation(tenantId, botId, memberIds,
                Boolean.TRUE.equals(parameters.get("isGroup")), exchange.getRequestHeaders().getFirst("Authorization"), json));
        if (Boolean.TRUE.equals(parameters.get("isGroup")) || memberIds.size() != 1 || tenantId == null) {
            error(exchange, 400, "BadSyntax", "Incorrect conversation creation parameters");
            return;
        }
        Member member = members.stream().filter(m -> m.isNamedBy(memberIds.get(0))).findFirst().orElse(null);
        if (member == null) {
            error(exchange, 403, "ForbiddenOperationException",
                    "The bot is not installed for the user " + memberIds.get(0) + ".");
            return;
        }
        String chat = personalChats.computeIfAbsent(member.id(), id -> "a:" + UUID.randomUUID().toString().replace("-", ""));
        respond(exchange, 201, Json.write(Map.of("id", chat)));
    }

    private void answerMember(HttpExchange exchange, String conversationId, String memberId, String authorization)
            throws IOException {
        memberLookups.add(new MemberLookup(conversationId, memberId, authorization));
        int failure = memberLookupFailure;
        if (failure != 0) {
            error(exchange, failure, "ServiceError", "The fake Bot Connector was told to fail.");
            return;
        }
        Member found = members.stream().filter(m -> m.isNamedBy(memberId)).findFirst().orElse(null);
        if (found == null) {
            // the Bot Connector's answer for someone who is not in the conversation (or no person at all)
            error(exchange, 404, "MemberNotFoundInConversation",
                    "The member " + memberId + " was not found in the conversation.");
            return;
        }
        respond(exchange, 200, Json.write(found.toMap()));
    }
}
