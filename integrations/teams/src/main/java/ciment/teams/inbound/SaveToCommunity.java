package ciment.teams.inbound;

import ciment.core.Ciment;
import ciment.core.i18n.Catalogue;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.ChatMessage;
import ciment.core.model.Community;
import ciment.core.model.Platform;
import ciment.core.model.Refusal;
import ciment.core.reply.Home;
import ciment.core.reply.Reply;
import ciment.teams.render.AdaptiveCards;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.MessageActionsPayload;
import com.microsoft.bot.schema.teams.MessageActionsPayloadFrom;
import com.microsoft.bot.schema.teams.MessagingExtensionAction;
import com.microsoft.bot.schema.teams.MessagingExtensionActionResponse;
import com.microsoft.bot.schema.teams.TaskModuleContinueResponse;
import com.microsoft.bot.schema.teams.TaskModuleMessageResponse;
import com.microsoft.bot.schema.teams.TaskModuleTaskInfo;
import java.util.List;

/**
 * The message action "Save to community" (command saveToCommunity, on a message's "More actions"): Teams
 * asks for a dialog (fetchTask), answered with a card choosing one of my communities; the choice comes back
 * with the message (submitAction), which becomes a post of that community credited to its author. Both
 * answers come from the table alone: Teams waits 5 seconds, and the person is never looked up through the
 * Bot Connector here (someone Ciment has not met is asked to say hello first).
 *
 * <p>Teams hands a message action only the message itself, never the replies of its thread: only the
 * message is saved (its replies would need Microsoft Graph, and a permission to read every channel).
 */
public final class SaveToCommunity {
    /** The message action's id, as the app manifest names it (TeamsAppPackageTest). */
    public static final String COMMAND = "saveToCommunity";
    static final String SLUG = "slug";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Tags inside a line (bold, a link, a mention): gone without a space, so "<b>Fridays</b>." stays "Fridays.". */
    private static final java.util.regex.Pattern INLINE = java.util.regex.Pattern.compile(
            "(?i)</?(?:b|i|u|s|em|strong|span|a|at|code|font|sub|sup|del|ins|mark|small|strike)\\b[^<>]*>");

    private final Ciment ciment;

    public SaveToCommunity(Ciment ciment) {
        this.ciment = ciment;
    }

    /** The dialog: my communities to choose from, or what to do first. */
    public MessagingExtensionActionResponse fetchTask(MessagingExtensionAction action, Caller caller) {
        Catalogue words = ciment.words(caller);
        if (action == null || !COMMAND.equals(action.getCommandId())) {
            return message(words.say("teams.save.unknown"));
        }
        Home home;
        try {
            home = ciment.home(caller);
        } catch (Refusal refusal) {
            return message(words.say(refusal.message()));
        }
        List<Community> writable = home.communities().stream().map(Home.Mine::community)
                .filter(community -> !community.archived()).toList();
        ObjectNode card = JSON.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", AdaptiveCards.SCHEMA);
        card.put("version", AdaptiveCards.VERSION);
        ArrayNode body = card.putArray("body");
        if (writable.isEmpty()) {
            body.add(AdaptiveCards.text(words.say("teams.save.noCommunity")));
            return dialog(card, words);
        }
        body.add(AdaptiveCards.text(words.say("teams.save.intro")));
        ObjectNode choices = body.addObject();
        choices.put("type", "Input.ChoiceSet");
        choices.put("id", SLUG);
        choices.put("label", words.say("teams.save.community"));
        choices.put("isRequired", true);
        choices.put("value", writable.get(0).slug().value());
        ArrayNode options = choices.putArray("choices");
        writable.forEach(community -> options.addObject()
                .put("title", community.slug() + " · " + community.name())
                .put("value", community.slug().value()));
        ObjectNode save = card.putArray("actions").addObject();
        save.put("type", "Action.Submit");
        save.put("title", words.say("teams.button.save"));
        return dialog(card, words);
    }

    /** The message saved to the community chosen: "Saved as #… in …", or why not. */
    MessagingExtensionActionResponse submit(MessagingExtensionAction action, Caller caller) {
        Catalogue words = ciment.words(caller);
        if (action == null || !COMMAND.equals(action.getCommandId())) {
            return message(words.say("teams.save.unknown"));
        }
        JsonNode data = action.getData() == null ? null : Serialization.objectToTree(action.getData());
        String slug = data == null ? "" : data.path(SLUG).asText("").strip();
        if (slug.isEmpty()) {
            return message(words.say("teams.save.choose"));
        }
        MessageActionsPayload payload = action.getMessagePayload();
        String text = payload == null ? "" : textOf(payload);
        Reply saved = ciment.save(caller, slug, List.of(new ChatMessage(authorOf(payload),
                authorAccount(payload, caller.account().workspace()), Platform.TEAMS, text)));
        if (saved instanceof Reply.Posted posted) {
            return message(words.say("teams.save.saved", posted.post().reference(), posted.post().slug()));
        }
        return message(saved.summary(words));
    }

    /** The message's words: Teams gives its body as HTML (mentions, paragraphs) or as text. */
    static String textOf(MessageActionsPayload payload) {
        if (payload.getBody() == null || payload.getBody().getContent() == null) {
            return "";
        }
        String content = payload.getBody().getContent();
        return "text".equalsIgnoreCase(payload.getBody().getContentType()) ? content.strip()
                : MentionText.clean(INLINE.matcher(content).replaceAll(""));
    }

    /** Who wrote it, as Teams names them (a person, or an app such as a bot). */
    static String authorOf(MessageActionsPayload payload) {
        MessageActionsPayloadFrom from = payload == null ? null : payload.getFrom();
        if (from != null && from.getUser() != null && notBlank(from.getUser().getDisplayName())) {
            return from.getUser().getDisplayName();
        }
        if (from != null && from.getApplication() != null && notBlank(from.getApplication().getDisplayName())) {
            return from.getApplication().getDisplayName();
        }
        return "Someone";
    }

    /**
     * The writer's account in the tenant, as their own messages name it (their AAD object id, which is what
     * Teams gives here): their erasure finds the post. Null for an app's message.
     */
    static ChatAccount authorAccount(MessageActionsPayload payload, String tenant) {
        MessageActionsPayloadFrom from = payload == null ? null : payload.getFrom();
        if (from == null || from.getUser() == null || !notBlank(from.getUser().getId()) || !notBlank(tenant)) {
            return null;
        }
        return new ChatAccount(Platform.TEAMS, tenant, from.getUser().getId().strip());
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }

    private static MessagingExtensionActionResponse dialog(ObjectNode card, Catalogue words) {
        Attachment attachment = new Attachment();
        attachment.setContentType(AdaptiveCards.CONTENT_TYPE);
        attachment.setContent(card);
        TaskModuleTaskInfo info = new TaskModuleTaskInfo();
        info.setTitle(words.say("teams.save.title"));
        info.setHeight("small");
        info.setWidth("medium");
        info.setCard(attachment);
        TaskModuleContinueResponse task = new TaskModuleContinueResponse();
        task.setValue(info);
        MessagingExtensionActionResponse response = new MessagingExtensionActionResponse();
        response.setTask(task);
        return response;
    }

    /** A sentence in a small dialog Teams shows (what was saved, or why not). */
    private static MessagingExtensionActionResponse message(String sentence) {
        TaskModuleMessageResponse task = new TaskModuleMessageResponse();
        task.setValue(sentence);
        MessagingExtensionActionResponse response = new MessagingExtensionActionResponse();
        response.setTask(task);
        return response;
    }
}
