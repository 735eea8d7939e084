package ciment.slack.outbound;

import ciment.core.config.Settings;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.core.port.NoticeSender;
import ciment.core.port.PersonalDataSource;
import ciment.core.port.SlackInstallations;
import ciment.core.privacy.PersonalData;
import ciment.core.privacy.PersonalDataJson;
import ciment.slack.render.AnnouncementBlocks;
import ciment.slack.render.BlockKitReply;
import ciment.slack.render.Mrkdwn;
import ciment.slack.render.PostMenu;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a Slack user a notice (a steward's answer, an invitation). In a conversation it is an ephemeral
 * message there, so only they see it, where they asked; when Slack will not show it there (the app is
 * not in the channel, the channel is gone or archived, the user left it) or the notice is direct, it
 * goes to the app's direct messages with them. A notice about a post (a mention) has Open thread and Reply
 * buttons, and its message carries metadata naming the post ({@link CimentMessages}), so that reacting to it
 * or replying in its thread acts on the post.
 * <p>
 * A notice carrying the person's data file (export-my-data) is a file, {@value #DATA_FILE}, shared in
 * the app's direct messages with them (conversations.open, then files.getUploadURLExternal, the upload and
 * files.completeUploadExternal), with the notice's text as its comment and a title in the notice's language; the
 * data is collected when it is sent, from the {@link PersonalDataSource}.
 * <p>
 * What a retry can fix (HTTP 429 and 5xx, Slack's transient errors, the network) is thrown so that
 * delivery tries again; anything else (a revoked token, a deactivated user ...) is logged and dropped,
 * since sending it again would fail again, forever.
 */
public final class SlackNoticeSender implements NoticeSender {
    private static final Logger LOG = LoggerFactory.getLogger(SlackNoticeSender.class);

    /** chat.postEphemeral's answers that mean "not here": the app's DM with the user still works. */
    static final Set<String> NOT_THERE = Set.of("not_in_channel", "channel_not_found", "user_not_in_channel",
            "is_archived");
    /** Slack's ok:false answers that say to try again later. */
    static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout");

    /** The name of the export file, as the person sees it in Slack. */
    public static final String DATA_FILE = "ciment-my-data.json";
    /** Where no source was given: a data file cannot be made, and its notice is dropped (logged). */
    private static final PersonalDataSource NO_SOURCE = personId -> {
        LOG.error("a data file for person {} was asked of a sender without a source of personal data", personId);
        return Optional.empty();
    };

    private final WorkspaceClients slack;
    private final PersonalDataSource personalData;
    private final Clock clock;

    /** With the bot token (SLACK_BOT_TOKEN, required) and Slack's address (SLACK_API_URL), as the Slack function. */
    public SlackNoticeSender(Settings settings) {
        this(settings, NO_SOURCE);
    }

    /** As the Slack delivery function: data files are made from {@code personalData}. */
    public SlackNoticeSender(Settings settings, PersonalDataSource personalData) {
        this(settings, personalData, null);
    }

    /** In OAuth mode, each notice is sent with the bot token of its recipient's workspace, from {@code installations}. */
    public SlackNoticeSender(Settings settings, PersonalDataSource personalData, SlackInstallations installations) {
        this(settings, personalData, installations, SlackCalls.NONE);
    }

    /** As {@link #SlackNoticeSender(Settings, PersonalDataSource, SlackInstallations)}, its calls counted. */
    public SlackNoticeSender(Settings settings, PersonalDataSource personalData, SlackInstallations installations,
            SlackCalls calls) {
        this(WorkspaceClients.fromSettings(settings, installations, calls), personalData, Clock.systemUTC());
    }

    SlackNoticeSender(MethodsClient slack) {
        this(slack, NO_SOURCE, Clock.systemUTC());
    }

    SlackNoticeSender(MethodsClient slack, PersonalDataSource personalData, Clock clock) {
        this(WorkspaceClients.fixed(slack), personalData, clock);
    }

    private SlackNoticeSender(WorkspaceClients slack, PersonalDataSource personalData, Clock clock) {
        this.slack = slack;
        this.personalData = personalData;
        this.clock = clock;
    }


    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    /**
     * Sends the notice once: returns when Slack took it or refused it for good (logged), throws when a
     * retry may succeed. Only notices to Slack accounts reach it (core's Delivery hands each tool its own).
     */
    @Override
    public void send(Notice notice) throws Exception {
        Recipient to = notice.to();
        String user = to.account().userId();
        String text = Mrkdwn.escape(notice.text());
        MethodsClient slack = this.slack.of(to.account().workspace());
        if (notice.carriesPersonalData()) {
            sendDataFile(slack, notice, user, text);
            return;
        }
        List<LayoutBlock> blocks = blocks(notice, text);
        if (!to.isDirect()) {
            ChatPostEphemeralResponse ephemeral = call(notice, "chat.postEphemeral",
                    () -> slack.chatPostEphemeral(r -> r.channel(to.conversationId()).user(user).text(text)
                            .blocks(blocks)));
            if (ephemeral == null || ephemeral.isOk()) {
                return;
            }
            if (!NOT_THERE.contains(ephemeral.getError())) {
                refused(notice, "chat.postEphemeral", ephemeral.getError());
                return;
            }
            LOG.info("notice {}: Slack cannot show it in {} ({}), so it goes to {}'s direct messages", notice.id(),
                    to.conversationId(), ephemeral.getError(), user);
        }
        // A user id as the channel: the app's direct messages with that user.
        // About a post: the metadata names it, so a reaction or a reply in its thread reaches the post.
        Message.Metadata metadata = notice.isAboutPost() ? CimentMessages.about(notice.post()) : null;
        ChatPostMessageResponse message = call(notice, "chat.postMessage",
                () -> slack.chatPostMessage(r -> r.channel(user).text(text).blocks(blocks).metadata(metadata)));
        if (message != null && !message.isOk()) {
            refused(notice, "chat.postMessage", message.getError());
        }
    }

    /**
     * A notice about a post: its text, then Open thread and Reply; an announcement's: Got it and Open thread. Any
     * other: its text alone (null).
     */
    public static List<LayoutBlock> blocks(Notice notice, String text) {
        if (notice.isAnnouncement()) {
            return AnnouncementBlocks.notice(notice, text);
        }
        if (!notice.isAboutPost()) {
            return null;
        }
        return List.of(BlockKitReply.section("", text), PostMenu.buttons(notice.post(), notice.words()));
    }

    /**
     * The person's data, collected now, as a file in the app's DM with them. A person erased since they
     * asked has nothing left to send: dropped (logged).
     */
    private void sendDataFile(MethodsClient slack, Notice notice, String user, String comment) throws Exception {
        Optional<PersonalData> data = personalData.personalData(notice.personalDataOf());
        if (data.isEmpty()) {
            LOG.info("notice {}: no data is held about person {} any more; no file sent", notice.id(),
                    notice.personalDataOf());
            return;
        }
        byte[] file = PersonalDataJson.render(data.get(), clock.instant()).getBytes(StandardCharsets.UTF_8);
        ConversationsOpenResponse dm = call(notice, "conversations.open", () -> slack.conversationsOpen(r -> r
                .users(List.of(user))));
        if (dm == null) {
            return;
        }
        if (!dm.isOk()) {
            refused(notice, "conversations.open", dm.getError());
            return;
        }
        String channel = dm.getChannel().getId();
        try {
            FilesUploadV2Response uploaded = call(notice, "files.uploadV2", () -> slack.filesUploadV2(r -> r
                    .channel(channel).filename(DATA_FILE).title(notice.words().say("delivery.export.title")).fileData(file)
                    .initialComment(comment)));
            if (uploaded != null && !uploaded.isOk()) {
                refused(notice, "files.uploadV2", uploaded.getError());
            }
        } catch (SlackFilesUploadV2Exception failed) {
            refused(notice, "files.uploadV2", uploadError(failed));
        }
    }

    /** The first error among the three steps of an upload (a failed upload itself counts as transient). */
    private static String uploadError(SlackFilesUploadV2Exception failed) {
        for (var response : failed.getGetURLResponses()) {
            if (!response.isOk()) {
                return response.getError();
            }
        }
        for (var upload : failed.getUploadResponses().values()) {
            if (upload.getCode() != 200) {
                return upload.getCode() == 429 || upload.getCode() >= 500 ? "internal_error" : "upload_failed";
            }
        }
        var complete = failed.getCompleteResponse();
        return complete == null ? "upload_failed" : complete.getError();
    }

    /** Slack's answer, or null when Slack refused at the HTTP level for good (logged). */
    private static <T> T call(Notice notice, String method, SlackCall<T> call)
            throws IOException, SlackApiException, SlackFilesUploadV2Exception {
        try {
            return call.run();
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429 || status >= 500) {
                throw e;
            }
            LOG.error("notice {}: {} answered HTTP {}: dropped", notice.id(), method, status);
            return null;
        }
    }

    /** An ok:false answer: thrown when it says to try again, else logged and dropped. */
    private static void refused(Notice notice, String method, String error) throws IOException {
        if (TRANSIENT.contains(error)) {
            throw new IOException("Slack answered " + error + " to " + method + " for notice " + notice.id());
        }
        LOG.error("notice {}: {} answered {}: dropped", notice.id(), method, error);
    }

    @FunctionalInterface
    private interface SlackCall<T> {
        T run() throws IOException, SlackApiException, SlackFilesUploadV2Exception;
    }
}
