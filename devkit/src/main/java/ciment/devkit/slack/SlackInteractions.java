package ciment.devkit.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What Slack posts to the app besides slash commands, signed as Slack signs it: Events API callbacks
 * (a JSON body: app_home_opened, reaction_added/removed, message) and interactions (a form body whose
 * {@code payload} field is JSON: block_actions from the App Home or a message, a global or message shortcut,
 * a modal's view_submission).
 */
public final class SlackInteractions {
    public static final String APP_ID = "A0CIMENT01";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SlashCommands signer;
    private final String teamId;

    public SlackInteractions(String signingSecret, String teamId) {
        this.signer = new SlashCommands(signingSecret, teamId);
        this.teamId = teamId;
    }

    /** The user opened the app's Home tab (the event Slack sends each time). */
    public SlashCommands.Signed homeOpened(String userId, Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "app_home_opened");
        event.put("user", userId);
        event.put("channel", "D0" + userId.substring(1));
        event.put("tab", "home");
        event.put("event_ts", at.getEpochSecond() + ".000100");
        return event(event, newEventId(), at);
    }

    /**
     * An Events API callback as Slack sends it: {@code event} wrapped with the team, the app, an event id
     * (give the same one again for a retry, with {@link SlashCommands.Signed#withHeader} X-Slack-Retry-Num).
     */
    public SlashCommands.Signed event(Map<String, Object> event, String eventId, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", "legacy-verification-token");
        body.put("team_id", teamId);
        body.put("api_app_id", APP_ID);
        body.put("event", event);
        body.put("type", "event_callback");
        body.put("event_id", eventId);
        body.put("event_time", at.getEpochSecond());
        return signer.sign(json(body), at.getEpochSecond()).withHeader("Content-Type", "application/json");
    }

    /** A new event id, as Slack gives each event it sends (a retry keeps its event's id). */
    public static String newEventId() {
        return "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    /** reaction_added (or reaction_removed with {@code added} false) by the user on a message. */
    public SlashCommands.Signed reaction(boolean added, String userId, String emoji, String channel, String ts,
            String itemUser, Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", added ? "reaction_added" : "reaction_removed");
        event.put("user", userId);
        event.put("reaction", emoji);
        if (itemUser != null) {
            event.put("item_user", itemUser);
        }
        event.put("item", Map.of("type", "message", "channel", channel, "ts", ts));
        event.put("event_ts", at.getEpochSecond() + ".000500");
        return event(event, newEventId(), at);
    }

    /** A message a person wrote in a channel ({@code threadTs} null) or in a thread: the message event. */
    public static Map<String, Object> message(String userId, String channel, String ts, String threadTs, String text) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "message");
        event.put("user", userId);
        event.put("text", text);
        event.put("ts", ts);
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
        }
        event.put("channel", channel);
        event.put("channel_type", channel.startsWith("D") ? "im" : "channel");
        event.put("event_ts", ts);
        return event;
    }

    /** A person edited their message {@code ts} to {@code newText}: the message_changed event. */
    public static Map<String, Object> messageChanged(String userId, String channel, String ts, String threadTs,
            String oldText, String newText, String eventTs) {
        Map<String, Object> message = new LinkedHashMap<>(message(userId, channel, ts, threadTs, newText));
        message.remove("channel");
        message.remove("channel_type");
        message.remove("event_ts");
        message.put("edited", Map.of("user", userId, "ts", eventTs));
        Map<String, Object> previous = new LinkedHashMap<>(message);
        previous.remove("edited");
        previous.put("text", oldText);
        Map<String, Object> event = hiddenMessageEvent("message_changed", channel, previous, eventTs);
        event.put("message", message);
        return event;
    }

    /**
     * A person deleted their message {@code ts} while it had thread replies: Slack keeps a tombstone in its place
     * and says so with message_changed (the message now Slackbot's, subtype tombstone, hidden).
     */
    public static Map<String, Object> messageTombstoned(String userId, String channel, String ts, String text,
            String eventTs) {
        Map<String, Object> previous = new LinkedHashMap<>(message(userId, channel, ts, null, text));
        previous.remove("channel");
        previous.remove("channel_type");
        previous.remove("event_ts");
        previous.put("thread_ts", ts);
        Map<String, Object> tombstone = new LinkedHashMap<>();
        tombstone.put("type", "message");
        tombstone.put("subtype", "tombstone");
        tombstone.put("text", "This message was deleted.");
        tombstone.put("user", "USLACKBOT");
        tombstone.put("hidden", true);
        tombstone.put("ts", ts);
        tombstone.put("thread_ts", ts);
        Map<String, Object> event = hiddenMessageEvent("message_changed", channel, previous, eventTs);
        event.put("message", tombstone);
        return event;
    }

    /** A person deleted their message {@code ts}: the message_deleted event. */
    public static Map<String, Object> messageDeleted(String userId, String channel, String ts, String threadTs,
            String text, String eventTs) {
        Map<String, Object> previous = new LinkedHashMap<>(message(userId, channel, ts, threadTs, text));
        previous.remove("channel");
        previous.remove("channel_type");
        previous.remove("event_ts");
        Map<String, Object> event = hiddenMessageEvent("message_deleted", channel, previous, eventTs);
        event.put("deleted_ts", ts);
        return event;
    }

    /** The frame Slack puts around a change to a message (a hidden event of that subtype, with the message before). */
    private static Map<String, Object> hiddenMessageEvent(String subtype, String channel, Map<String, Object> previous,
            String eventTs) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "message");
        event.put("subtype", subtype);
        event.put("hidden", true);
        event.put("previous_message", previous);
        event.put("channel", channel);
        event.put("channel_type", "channel");
        event.put("ts", eventTs);
        event.put("event_ts", eventTs);
        return event;
    }

    /**
     * A message shortcut (a message's "More actions" menu) on a message of {@code channel}: {@code message}
     * as Slack gives it (ts, user, text, and thread_ts and reply_count when it has replies).
     */
    public SlashCommands.Signed messageShortcut(String userId, String callbackId, String triggerId, String channel,
            Map<String, Object> message, String responseUrl, Instant at) {
        Map<String, Object> payload = interaction("message_action", userId);
        payload.put("callback_id", callbackId);
        payload.put("trigger_id", triggerId);
        payload.put("message_ts", message.get("ts"));
        payload.put("channel", Map.of("id", channel, "name", "general"));
        payload.put("message", message);
        payload.put("response_url", responseUrl);
        payload.put("action_ts", at.getEpochSecond() + ".000300");
        return signed(payload, at);
    }

    /** An overflow menu's option chosen in an (ephemeral) message of the app in #general. */
    public SlashCommands.Signed messageOverflow(String userId, String actionId, String selected, String responseUrl,
            Instant at) {
        return inMessage("C0GENERAL1", "general", true, userId, responseUrl, overflow(actionId, selected, at), at);
    }

    /** An overflow menu's option chosen in the user's App Home. */
    public SlashCommands.Signed homeOverflow(String userId, String actionId, String selected, Instant at) {
        return inHome(userId, overflow(actionId, selected, at), at);
    }

    /** A button clicked in a message the app posted in a conversation (a DM, say), answered through responseUrl. */
    public SlashCommands.Signed buttonIn(String channel, String userId, String actionId, String value,
            String responseUrl, Instant at) {
        return inMessage(channel, "directmessage", false, userId, responseUrl, button(actionId, value, at), at);
    }

    /** A button clicked in the user's App Home (the view Slack published for them). */
    public SlashCommands.Signed homeButton(String userId, String actionId, String value, Instant at) {
        return inHome(userId, button(actionId, value, at), at);
    }

    /** A button clicked in an (ephemeral) message of the app in #general, answered through responseUrl. */
    public SlashCommands.Signed messageButton(String userId, String actionId, String value, String responseUrl,
            Instant at) {
        return inMessage("C0GENERAL1", "general", true, userId, responseUrl, button(actionId, value, at), at);
    }

    /** A block action in a message of the app in that channel, answered through responseUrl. */
    private SlashCommands.Signed inMessage(String channel, String channelName, boolean ephemeral, String userId,
            String responseUrl, Map<String, Object> action, Instant at) {
        Map<String, Object> payload = interaction("block_actions", userId);
        payload.put("container", Map.of("type", "message", "message_ts", at.getEpochSecond() + ".000200",
                "channel_id", channel, "is_ephemeral", ephemeral));
        payload.put("channel", Map.of("id", channel, "name", channelName));
        payload.put("trigger_id", SlashCommands.newTriggerId());
        payload.put("response_url", responseUrl);
        payload.put("actions", List.of(action));
        return signed(payload, at);
    }

    /** A block action in the user's App Home (the view Slack published for them). */
    private SlashCommands.Signed inHome(String userId, Map<String, Object> action, Instant at) {
        Map<String, Object> payload = interaction("block_actions", userId);
        payload.put("container", Map.of("type", "view", "view_id", "V0HOME" + userId));
        payload.put("trigger_id", SlashCommands.newTriggerId());
        payload.put("view", Map.of("id", "V0HOME" + userId, "type", "home", "team_id", teamId, "hash", "1.hash"));
        payload.put("actions", List.of(action));
        return signed(payload, at);
    }

    /** A global shortcut (the lightning menu), with the trigger id that opens a modal for 3 seconds. */
    public SlashCommands.Signed shortcut(String userId, String callbackId, String triggerId, Instant at) {
        Map<String, Object> payload = interaction("shortcut", userId);
        payload.remove("api_app_id");
        payload.put("callback_id", callbackId);
        payload.put("trigger_id", triggerId);
        payload.put("action_ts", at.getEpochSecond() + ".000300");
        return signed(payload, at);
    }

    /**
     * A modal submitted: {@code values} by block id, then action id, each an element's state as Slack
     * sends it (use {@link #text}, {@link #radio}, {@link #checkboxes}).
     */
    public SlashCommands.Signed submission(String userId, String callbackId, String viewId,
            Map<String, Map<String, Object>> values, Instant at) {
        return submission(userId, callbackId, viewId, "", values, at);
    }

    /** A modal submitted, with the private_metadata the app gave it. */
    public SlashCommands.Signed submission(String userId, String callbackId, String viewId, String privateMetadata,
            Map<String, Map<String, Object>> values, Instant at) {
        Map<String, Object> payload = interaction("view_submission", userId);
        payload.put("trigger_id", SlashCommands.newTriggerId());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", viewId);
        view.put("team_id", teamId);
        view.put("type", "modal");
        view.put("callback_id", callbackId);
        view.put("private_metadata", privateMetadata);
        view.put("hash", "2.hash");
        view.put("state", Map.of("values", values));
        payload.put("view", view);
        payload.put("response_urls", List.of());
        return signed(payload, at);
    }

    /** A plain_text_input's state under its action id ({@code value} null: left empty). */
    public static Map<String, Object> text(String actionId, String value) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("type", "plain_text_input");
        state.put("value", value);
        return Map.of(actionId, state);
    }

    /** A static_select's state under its action id. */
    public static Map<String, Object> select(String actionId, String selectedValue) {
        return Map.of(actionId, Map.of("type", "static_select",
                "selected_option", Map.of("text", Map.of("type", "plain_text", "text", selectedValue), "value", selectedValue)));
    }

    public static Map<String, Object> radio(String actionId, String selectedValue) {
        return Map.of(actionId, Map.of("type", "radio_buttons",
                "selected_option", Map.of("text", Map.of("type", "plain_text", "text", selectedValue), "value", selectedValue)));
    }

    public static Map<String, Object> checkboxes(String actionId, List<String> selectedValues) {
        return Map.of(actionId, Map.of("type", "checkboxes", "selected_options", selectedValues.stream()
                .map(v -> Map.of("text", Map.of("type", "plain_text", "text", v), "value", v)).toList()));
    }

    private Map<String, Object> interaction(String type, String userId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("team", Map.of("id", teamId, "domain", "ciment-test"));
        payload.put("user", Map.of("id", userId, "username", userId.toLowerCase(), "name", userId.toLowerCase(),
                "team_id", teamId));
        payload.put("api_app_id", APP_ID);
        payload.put("token", "legacy-verification-token");
        payload.put("is_enterprise_install", false);
        return payload;
    }

    private static Map<String, Object> overflow(String actionId, String selected, Instant at) {
        return Map.of("action_id", actionId, "block_id", "b" + Math.abs(actionId.hashCode()), "type", "overflow",
                "selected_option", Map.of("text", Map.of("type", "plain_text", "text", selected), "value", selected),
                "action_ts", at.getEpochSecond() + ".000400");
    }

    private static Map<String, Object> button(String actionId, String value, Instant at) {
        return Map.of("action_id", actionId, "block_id", "b" + Math.abs(actionId.hashCode()), "type", "button",
                "value", value, "text", Map.of("type", "plain_text", "text", actionId),
                "action_ts", at.getEpochSecond() + ".000400");
    }

    private SlashCommands.Signed signed(Map<String, Object> payload, Instant at) {
        String body = "payload=" + URLEncoder.encode(json(payload), StandardCharsets.UTF_8);
        return signer.sign(body, at.getEpochSecond());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
