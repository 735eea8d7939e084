package ciment.slack.inbound;

import ciment.core.Ciment;
import ciment.core.i18n.Catalogue;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.ChatMessage;
import ciment.core.model.Platform;
import ciment.core.reply.Reply;
import ciment.slack.outbound.BotClient;
import ciment.slack.outbound.SlackIntroductions;
import ciment.slack.outbound.SlackOrigin;
import ciment.slack.render.Mrkdwn;
import ciment.slack.render.SaveModal;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.Message;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message shortcut "Save to community": a chat message (and the replies of its thread) becomes a post
 * of one of my communities, each text credited to who wrote it. The modal opens first, with nothing read
 * before it (a trigger id lasts 3 seconds: it says "looking up" in the deployment's language), then shows my
 * communities (views.update) in my language. On submission the
 * thread's replies are read (conversations.replies) and their authors named (users.info); a refusal is said
 * on the community's field and nothing is written.
 *
 * @param bot a Web API client with the bot token and a short call timeout; null without a token
 */
record SaveToCommunity(Supplier<Ciment> ciment, SlackCallers callers, BotClient bot) {
    private static final Logger LOG = LoggerFactory.getLogger(SaveToCommunity.class);
    /** The first message and at most this many replies are read. */
    static final int MAX_MESSAGES = 51;
    static final String SOMEONE = "Someone";

    Response shortcut(MessageShortcutRequest request, MessageShortcutContext context) {
        MessageShortcutPayload payload = request.getPayload();
        Message message = payload.getMessage();
        if (context.getBotToken() == null || message == null || payload.getChannel() == null) {
            return context.ack();
        }
        boolean thread = (message.getReplyCount() != null && message.getReplyCount() > 0)
                || (message.getTs() != null && message.getTs().equals(message.getThreadTs()));
        SaveModal.Saved saved = new SaveModal.Saved(payload.getChannel().getId(), message.getTs(), thread,
                message.getUser(), botName(message), message.getText() == null ? "" : message.getText(), false);
        ViewsOpenResponse opened;
        try {
            opened = context.client().viewsOpen(r -> r.triggerId(payload.getTriggerId())
                    .view(SaveModal.loading(saved, callers.deployment())));
        } catch (Exception e) {
            LOG.warn("views.open failed ({})", e.toString());
            return context.ack();
        }
        if (!opened.isOk() || opened.getView() == null) {
            LOG.warn("views.open answered {}", opened.getError());
            return context.ack();
        }
        String teamId = payload.getTeam() != null ? payload.getTeam().getId() : payload.getUser().getTeamId();
        Caller caller = callers.caller(teamId, payload.getEnterprise() != null ? payload.getEnterprise().getId() : null,
                payload.getUser().getId(), payload.getUser().getName(), payload.getTriggerId(),
                callers.sentAt(request.getHeaders()), null);
        View form;
        try {
            List<String> mine = ciment.get().home(caller).communities().stream()
                    .filter(in -> !in.community().archived())
                    .map(in -> in.community().slug().value()).toList();
            // After home(): a person met just now is known, with the language Slack gave for them.
            form = SaveModal.form(saved, mine, callers.words(ciment, caller));
        } catch (RuntimeException e) {
            LOG.warn("no communities to offer ({})", e.toString());
            Catalogue words = callers.words(ciment, caller);
            form = SaveModal.done(words.say(SlackCallers.tryAgain("slack.tryAgain.saveMessage")), words);
        }
        View view = opened.getView();
        View update = form;
        try {
            var updated = context.client().viewsUpdate(r -> r.viewId(view.getId()).hash(view.getHash()).view(update));
            if (!updated.isOk()) {
                LOG.warn("views.update answered {}", updated.getError());
            }
        } catch (Exception e) {
            LOG.warn("views.update failed ({})", e.toString());
        }
        return context.ack();
    }

    Response submitted(ViewSubmissionRequest request, ViewSubmissionContext context) {
        ViewSubmissionPayload payload = request.getPayload();
        String slug = SaveModal.community(payload.getView().getState());
        var saved = SaveModal.Saved.parse(payload.getView().getPrivateMetadata());
        Caller caller = callers.ofSubmission(request, null);
        if (saved.isEmpty() || slug.isBlank()) {
            return context.ackWithErrors(Map.of(SaveModal.COMMUNITY,
                    callers.words(ciment, caller).say("slack.save.chooseFirst")));
        }
        Read read = messages(saved.get(), caller.account().workspace());
        Reply answer;
        try {
            answer = ciment.get().save(caller, slug, read.messages());
        } catch (RuntimeException e) {
            LOG.error("saving {} {} to {} failed", saved.get().channel(), saved.get().ts(), slug, e);
            return context.ackWithErrors(Map.of(SaveModal.COMMUNITY,
                    callers.tryAgain(ciment, caller, "slack.tryAgain.save").summary()));
        }
        Catalogue words = callers.words(ciment, caller);
        if (!(answer instanceof Reply.Posted posted)) {
            return context.ackWithErrors(Map.of(SaveModal.COMMUNITY, answer.summary(words)));
        }
        String sentence = words.say("slack.saved", posted.post().reference(), posted.post().slug(),
                posted.post().replyCount()) + (read.repliesUnread() ? " " + words.say("slack.saved.unread") : "");
        return context.ackWithUpdate(SaveModal.done(sentence, words));
    }

    /** What was read: the messages, first one first, and whether a thread's replies could not be read. */
    private record Read(List<ChatMessage> messages, boolean repliesUnread) {
    }

    /**
     * The message and its replies as Slack has them now; the message alone, as the modal carried it, when Slack
     * cannot say. Each is credited to its writer's account in the workspace ({@code teamId}), as their own commands
     * come from it: their erasure finds it.
     */
    private Read messages(SaveModal.Saved saved, String teamId) {
        List<Message> read = new ArrayList<>();
        boolean unread = false;
        if (bot.get() != null && (saved.thread() || saved.cut())) {
            read = saved.thread() ? replies(saved) : top(saved);
            unread = saved.thread() && read.isEmpty();
        }
        Map<String, String> names = new HashMap<>();
        List<ChatMessage> messages = new ArrayList<>();
        if (read.isEmpty() || !saved.ts().equals(read.getFirst().getTs())) {
            messages.add(new ChatMessage(name(saved.user(), saved.name(), names), account(teamId, saved.user()),
                    Platform.SLACK, Mrkdwn.typed(saved.text()) + (saved.cut() ? Mrkdwn.ELLIPSIS : "")));
        }
        for (Message message : read) {
            messages.add(new ChatMessage(name(message.getUser(), botName(message), names),
                    account(teamId, message.getUser()), Platform.SLACK, Mrkdwn.typed(message.getText())));
        }
        return new Read(messages, unread);
    }

    private List<Message> replies(SaveModal.Saved saved) {
        try {
            ConversationsRepliesResponse replies = bot.get().conversationsReplies(r -> r.channel(saved.channel())
                    .ts(saved.ts()).limit(MAX_MESSAGES));
            if (replies.isOk() && replies.getMessages() != null) {
                return replies.getMessages().stream().limit(MAX_MESSAGES).toList();
            }
            LOG.info("conversations.replies in {} answered {}", saved.channel(), replies.getError());
        } catch (Exception e) {
            LOG.warn("conversations.replies in {} failed ({})", saved.channel(), e.toString());
        }
        return List.of();
    }

    private List<Message> top(SaveModal.Saved saved) {
        try {
            ConversationsHistoryResponse history = bot.get().conversationsHistory(r -> r.channel(saved.channel())
                    .latest(saved.ts()).oldest(saved.ts()).inclusive(true).limit(1));
            if (history.isOk() && history.getMessages() != null) {
                return history.getMessages().stream().filter(m -> saved.ts().equals(m.getTs())).toList();
            }
            LOG.info("conversations.history in {} answered {}", saved.channel(), history.getError());
        } catch (Exception e) {
            LOG.warn("conversations.history in {} failed ({})", saved.channel(), e.toString());
        }
        return List.of();
    }

    /** The name a writer is credited by: their Slack name (asked once per person), an app's name, or "Someone". */
    private String name(String userId, String botName, Map<String, String> names) {
        if (userId == null || userId.isBlank()) {
            return botName != null ? botName : SOMEONE;
        }
        return names.computeIfAbsent(userId, id -> {
            if (bot.get() != null) {
                try {
                    UsersInfoResponse info = bot.get().usersInfo(r -> r.user(id));
                    if (info.isOk() && info.getUser() != null) {
                        var introduced = SlackIntroductions.introduction(info.getUser(), new SlackOrigin(null, null), null);
                        return introduced.displayName();
                    }
                    LOG.info("users.info for {} answered {}", id, info.getError());
                } catch (Exception e) {
                    LOG.warn("users.info for {} failed ({})", id, e.toString());
                }
            }
            return botName != null ? botName : SOMEONE;
        });
    }

    /** A person's account in the workspace; null for an app's message (no user). */
    private static ChatAccount account(String teamId, String userId) {
        return teamId == null || teamId.isBlank() || userId == null || userId.isBlank() ? null
                : new ChatAccount(Platform.SLACK, teamId, userId);
    }

    private static String botName(Message message) {
        if (message.getBotProfile() != null && message.getBotProfile().getName() != null) {
            return message.getBotProfile().getName();
        }
        return message.getUsername();
    }
}
