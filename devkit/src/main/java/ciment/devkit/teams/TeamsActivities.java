package ciment.devkit.teams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Message activities shaped as Microsoft Teams sends them to a bot: channel id msteams, the
 * Bot Connector's serviceUrl, a conversation with its tenant, the sender's Teams and AAD ids, the
 * bot as recipient, and (in a channel) text starting with an {@code <at>} mention of the bot.
 */
public final class TeamsActivities {
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());

    private TeamsActivities() {
    }

    /**
     * The message a message action is opened on, as Teams hands it (messagePayload): its author's name and
     * its body in HTML.
     */
    public static Map<String, Object> messagePayload(String id, String authorName, String html) {
        return messagePayload(id, "aad-" + authorName.hashCode(), authorName, html);
    }

    /** The same, written by the user with this AAD object id (as Teams names the author: from.user.id). */
    public static Map<String, Object> messagePayload(String id, String authorAadObjectId, String authorName, String html) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id);
        payload.put("messageType", "message");
        payload.put("from", Map.of("user", Map.of("id", authorAadObjectId, "displayName", authorName,
                "userIdentityType", "aadUser")));
        payload.put("body", Map.of("contentType", "html", "content", html));
        payload.put("attachments", List.of());
        payload.put("mentions", List.of());
        payload.put("reactions", List.of());
        return payload;
    }

    /** A message in a Teams channel, from a new person, mentioning the bot. */
    public static Message message(String serviceUrl, String botId) {
        return new Message(serviceUrl, botId);
    }

    public static final class Message {
        private final String serviceUrl;
        private final String botId;
        private String botName = "Ciment";
        private String id = "1" + SEQUENCE.incrementAndGet();
        private String conversationId = "19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.tacv2";
        private String conversationType = "channel";
        private String tenantId = UUID.randomUUID().toString();
        /** The language of the sender's Teams client, which Teams puts on every activity it sends. */
        private String locale = "en-US";
        private boolean tenantInConversation = true;
        private boolean tenantInChannelData = true;
        private String fromId = "29:" + UUID.randomUUID();
        private String aadObjectId = UUID.randomUUID().toString();
        private String fromName = "Ada Lovelace";
        private String channelId = "msteams";
        private Instant timestamp = Instant.now();
        private String text = "";
        private boolean mention = true;
        private final List<Map<String, Object>> mentions = new ArrayList<>();
        private String invokeName;
        private Object invokeValue;
        private String replyToId;
        private List<String> reactionsAdded;
        private List<String> reactionsRemoved;
        private String channelName;
        private String changeType;
        /** installationUpdate or conversationUpdate: the bot added to this conversation. */
        private String installType;

        private Message(String serviceUrl, String botId) {
            this.serviceUrl = serviceUrl;
            this.botId = botId;
        }

        /** The command as a person types it; the mention of the bot is added unless {@link #direct()}. */
        public Message text(String command) {
            this.text = command;
            return this;
        }

        /**
         * A channel message that does not @mention the bot, as Teams hands every message of a channel to a bot
         * granted the resource-specific consent permission ChannelMessage.Read.Group.
         */
        public Message unmentioned() {
            this.mention = false;
            return this;
        }

        /** The channel's name, as Teams gives it in channelData.channel.name. */
        public Message channelName(String name) {
            this.channelName = name;
            return this;
        }

        /**
         * The message was edited in the channel: a messageUpdate activity (channelData.eventType editMessage)
         * with the message's id and its new text.
         */
        public Message edited(String newText) {
            this.changeType = "editMessage";
            this.text = newText;
            this.mention = false;
            return this;
        }

        /** The message was deleted in the channel: a messageDelete activity (channelData.eventType softDeleteMessage). */
        public Message deleted() {
            this.changeType = "softDeleteMessage";
            this.text = "";
            this.mention = false;
            return this;
        }

        /** In the reply chain of the channel message {@code rootId}: Teams names it in the conversation id. */
        public Message inReplyChainOf(String channelId, String rootId) {
            this.conversationId = channelId + ";messageid=" + rootId;
            this.conversationType = "channel";
            return this;
        }

        /** A one-to-one chat with the bot: no mention, a personal conversation. */
        public Message direct() {
            this.mention = false;
            this.conversationType = "personal";
            this.conversationId = "a:" + UUID.randomUUID().toString().replace("-", "");
            return this;
        }

        public Message id(String id) {
            this.id = id;
            return this;
        }

        /** A new activity id, as for another message of the same person. */
        public Message nextId() {
            this.id = "1" + SEQUENCE.incrementAndGet();
            return this;
        }

        public Message conversation(String conversationId) {
            this.conversationId = conversationId;
            return this;
        }

        public Message tenant(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** Sent from a Teams client set to this language ("fr-FR"). */
        public Message locale(String locale) {
            this.locale = locale;
            return this;
        }

        /** The tenant only in channelData, as older Teams clients send it. */
        public Message tenantOnlyInChannelData() {
            this.tenantInConversation = false;
            this.tenantInChannelData = true;
            return this;
        }

        /** No tenant anywhere, as the Bot Framework Emulator sends activities. */
        public Message withoutTenant() {
            this.tenantInConversation = false;
            this.tenantInChannelData = false;
            return this;
        }

        public Message from(String teamsUserId, String aadObjectId, String name) {
            this.fromId = teamsUserId;
            this.aadObjectId = aadObjectId;
            this.fromName = name;
            return this;
        }

        /**
         * A mention of someone other than the bot, as Teams describes it: the text must hold the same
         * {@code <at>name</at>} where the person is named.
         */
        public Message mentioning(String teamsUserId, String name) {
            return mentioning(teamsUserId, name, "<at>" + name + "</at>");
        }

        /**
         * A mention whose text differs from the name: part of it (a name shortened by the sender), or one
         * part of a name Teams split into several {@code <at>} tags with the same id.
         */
        public Message mentioning(String teamsUserId, String name, String mentionText) {
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("mentioned", Map.of("id", teamsUserId, "name", name));
            entity.put("text", mentionText);
            entity.put("type", "mention");
            mentions.add(entity);
            return this;
        }

        /**
         * An invoke activity instead of a message (a card's button, a messaging extension's search): Teams
         * sends it with the same sender and conversation, a name and a value, and no text; the bot answers
         * in the HTTP response.
         */
        public Message invoke(String name, Object value) {
            this.invokeName = name;
            this.invokeValue = value;
            this.mention = false;
            return this;
        }

        /** A click on an Adaptive Card's Action.Execute (Universal Actions): its verb and data. */
        public Message cardAction(String verb, Map<String, Object> data) {
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("type", "Action.Execute");
            action.put("id", verb);
            action.put("verb", verb);
            action.put("data", data);
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("action", action);
            value.put("trigger", "manual");
            return invoke("adaptiveCard/action", value);
        }

        /** A messaging extension search: the command's id and what the person typed in its box. */
        public Message composeQuery(String commandId, String query) {
            return invoke("composeExtension/query", Map.of("commandId", commandId,
                    "parameters", List.of(Map.of("name", "query", "value", query)),
                    "queryOptions", Map.of("skip", 0, "count", 25)));
        }

        /** A messaging extension opened with nothing typed yet (initialRun). */
        public Message composeInitialRun(String commandId) {
            return invoke("composeExtension/query", Map.of("commandId", commandId,
                    "parameters", List.of(Map.of("name", "initialRun", "value", "true")),
                    "queryOptions", Map.of("skip", 0, "count", 25)));
        }

        /**
         * Teams reactions to a message (like, heart, laugh, surprised, sad, angry): a messageReaction activity
         * naming the message in replyToId, with no text. Either list may be empty.
         */
        public Message reactions(String toMessageId, List<String> added, List<String> removed) {
            this.replyToId = toMessageId;
            this.reactionsAdded = List.copyOf(added);
            this.reactionsRemoved = List.copyOf(removed);
            this.mention = false;
            return this;
        }

        /** A message action opened on a message (composeExtension/fetchTask): its command and the message. */
        public Message fetchTask(String commandId, Map<String, Object> messagePayload) {
            return invoke("composeExtension/fetchTask", Map.of("commandId", commandId, "commandContext", "message",
                    "messagePayload", messagePayload));
        }

        /** A message action's dialog submitted (composeExtension/submitAction): the inputs' data and the message. */
        public Message submitAction(String commandId, Map<String, Object> data, Map<String, Object> messagePayload) {
            return invoke("composeExtension/submitAction", Map.of("commandId", commandId, "commandContext", "message",
                    "data", data, "messagePayload", messagePayload));
        }

        /** The app installed in this conversation (a team's channel, a group or personal chat): installationUpdate, action add. */
        public Message installed() {
            this.installType = "installationUpdate";
            this.mention = false;
            return this;
        }

        /** The bot added to this conversation: conversationUpdate with the bot among membersAdded (teamMemberAdded in a team). */
        public Message botAdded() {
            this.installType = "conversationUpdate";
            this.mention = false;
            return this;
        }

        /** A group chat (several people and the bot, outside any team). */
        public Message group() {
            this.conversationType = "groupChat";
            this.conversationId = "19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.v2";
            return this;
        }

        public Message botName(String botName) {
            this.botName = botName;
            return this;
        }

        public Message channelId(String channelId) {
            this.channelId = channelId;
            return this;
        }

        public Message timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        public String id() {
            return id;
        }

        public String conversationId() {
            return conversationId;
        }

        public String tenantId() {
            return tenantId;
        }

        public String fromId() {
            return fromId;
        }

        public String aadObjectId() {
            return aadObjectId;
        }

        public String serviceUrl() {
            return serviceUrl;
        }

        public Map<String, Object> toMap() {
            Map<String, Object> activity = new LinkedHashMap<>();
            String mentionText = "<at>" + botName + "</at>";
            if (installType != null) {
                activity.put("type", installType);
                if (installType.equals("installationUpdate")) {
                    activity.put("action", "add");
                } else {
                    activity.put("membersAdded", List.of(Map.of("id", botId)));
                }
            } else if (reactionsAdded != null) {
                activity.put("type", "messageReaction");
                activity.put("replyToId", replyToId);
                if (!reactionsAdded.isEmpty()) {
                    activity.put("reactionsAdded", reactionsAdded.stream().map(t -> Map.of("type", t)).toList());
                }
                if (!reactionsRemoved.isEmpty()) {
                    activity.put("reactionsRemoved", reactionsRemoved.stream().map(t -> Map.of("type", t)).toList());
                }
            } else if (changeType != null) {
                activity.put("type", changeType.equals("editMessage") ? "messageUpdate" : "messageDelete");
                if (changeType.equals("editMessage")) {
                    activity.put("text", text);
                    activity.put("textFormat", "plain");
                }
            } else if (invokeName == null) {
                activity.put("text", mention ? mentionText + " " + text : text);
                activity.put("textFormat", "plain");
                activity.put("type", "message");
            } else {
                activity.put("type", "invoke");
                activity.put("name", invokeName);
                activity.put("value", invokeValue);
            }
            activity.put("timestamp", timestamp.toString());
            activity.put("localTimestamp", timestamp.toString());
            activity.put("id", id);
            activity.put("channelId", channelId);
            activity.put("serviceUrl", serviceUrl);

            Map<String, Object> from = new LinkedHashMap<>();
            from.put("id", fromId);
            from.put("name", fromName);
            if (aadObjectId != null) {
                from.put("aadObjectId", aadObjectId);
            }
            activity.put("from", from);

            Map<String, Object> conversation = new LinkedHashMap<>();
            conversation.put("isGroup", !conversationType.equals("personal"));
            conversation.put("conversationType", conversationType);
            if (tenantInConversation) {
                conversation.put("tenantId", tenantId);
            }
            conversation.put("id", conversationId);
            activity.put("conversation", conversation);

            activity.put("recipient", Map.of("id", botId, "name", botName));

            List<Object> entities = new ArrayList<>();
            if (mention) {
                Map<String, Object> entity = new LinkedHashMap<>();
                entity.put("mentioned", Map.of("id", botId, "name", botName));
                entity.put("text", mentionText);
                entity.put("type", "mention");
                entities.add(entity);
            }
            entities.addAll(mentions);
            entities.add(Map.of("locale", locale, "country", "US", "platform", "Web", "timezone", "Europe/Paris",
                    "type", "clientInfo"));
            activity.put("entities", entities);

            Map<String, Object> channelData = new LinkedHashMap<>();
            if (conversationType.equals("channel")) {
                String channel = channelOf(conversationId);
                channelData.put("teamsTeamId", "19:team" + channel.hashCode() + "@thread.tacv2");
                channelData.put("teamsChannelId", channel);
                channelData.put("channel", channelName == null ? Map.of("id", channel)
                        : Map.of("id", channel, "name", channelName));
            }
            if (changeType != null) {
                channelData.put("eventType", changeType);
            }
            if ("conversationUpdate".equals(installType) && conversationType.equals("channel")) {
                channelData.put("eventType", "teamMemberAdded");
                channelData.put("team", Map.of("id", channelData.get("teamsTeamId")));
            }
            if (tenantInChannelData) {
                channelData.put("tenant", Map.of("id", tenantId));
            }
            activity.put("channelData", channelData);
            activity.put("locale", locale);
            return activity;
        }

        public String json() {
            return Json.write(toMap());
        }

        /** The channel a conversation id names, without the reply chain Teams may add. */
        private static String channelOf(String conversationId) {
            int at = conversationId.toLowerCase(java.util.Locale.ROOT).indexOf(";messageid=");
            return at < 0 ? conversationId : conversationId.substring(0, at);
        }
    }
}
