package ciment.slack.outbound;

import ciment.core.config.Settings;
import ciment.core.i18n.Catalogue;
import ciment.core.model.Link;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.port.MirrorSender;
import ciment.core.port.People;
import ciment.core.port.Refused;
import ciment.core.port.SlackInstallations;
import ciment.slack.render.BlockKitReply;
import ciment.slack.render.Mrkdwn;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts mirrored into linked Slack channels: chat.postMessage as the author (username; chat:write.customize),
 * the post's text, a context line saying where it was written and its reference, its activity line, and
 * metadata naming the post ({@link CimentMessages}), so that a reaction or a reply on the copy is the post's
 * and the copy is known as Ciment's and never taken in again. A reply goes into the thread of its first
 * post's copy. Edits, hides and counts are chat.update; a deleted post's copy is chat.delete. What Ciment writes
 * there beside the author's words is said in the channel's language ({@link Link#words}).
 *
 * <p>429 is thrown as {@link MirrorSender.RetryAfter} with Slack's Retry-After; a 5xx, the network and
 * Slack's transient errors are thrown for the record to be retried; a refusal for good (the channel is gone,
 * archived, or the app was removed from it) is thrown as {@link Refused}, for the record to go to the dead-letter
 * queue with it; any other refusal is logged and the copy given up (an empty message id).
 */
public final class SlackMirrorSender implements MirrorSender {
    private static final Logger LOG = LoggerFactory.getLogger(SlackMirrorSender.class);
    /** Slack's errors that a later attempt may not meet. */
    private static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout");
    /** Slack's errors that say the channel or the app is gone for good: thrown as {@link Refused}, dead-lettered. */
    static final Set<String> FOR_GOOD = Set.of("channel_not_found", "not_in_channel", "is_archived",
            "account_inactive", "invalid_auth");
    /** How far before a post's time an earlier attempt's copy is looked for (clocks and queues differ). */
    private static final Duration LOOK_BACK = Duration.ofSeconds(60);
    /** Pages of 200 messages looked through for it (newest first): a busy channel's hour at Slack's pace. */
    private static final int PAGES = 20;

    private final WorkspaceClients slack;
    private final AuthorPictures pictures;

    /** @param people whose Slack accounts give the copies' pictures */
    public SlackMirrorSender(Settings settings, People people) {
        this(settings, people, null);
    }

    /** In OAuth mode, each copy is sent with the bot token of its channel's workspace, from {@code installations}. */
    public SlackMirrorSender(Settings settings, People people, SlackInstallations installations) {
        this(settings, people, installations, SlackCalls.NONE);
    }

    /** As {@link #SlackMirrorSender(Settings, People, SlackInstallations)}, its calls counted. */
    public SlackMirrorSender(Settings settings, People people, SlackInstallations installations, SlackCalls calls) {
        this(WorkspaceClients.fromSettings(settings, installations, calls), people);
    }

    /** In tests. */
    SlackMirrorSender(MethodsClient slack, People people) {
        this(WorkspaceClients.fixed(slack), people);
    }

    private SlackMirrorSender(WorkspaceClients slack, People people) {
        this.slack = slack;
        this.pictures = new AuthorPictures(people, slack);
    }


    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public String send(Link link, Post post, Optional<String> threadMessageId) throws Exception {
        String channel = link.channel().id();
        String picture = pictures.of(post, link.channel().workspace()).orElse(null);
        MethodsClient client = slack.of(link.channel().workspace());
        Catalogue words = link.words();
        var sent = call(link, "chat.postMessage", () -> client.chatPostMessage(r -> r.channel(channel)
                .text(fallback(post, words)).blocks(blocks(post, words)).username(author(post)).iconUrl(picture)
                .metadata(CimentMessages.about(post.reference())).threadTs(threadMessageId.orElse(null))));
        return sent == null || sent.getTs() == null ? "" : sent.getTs();
    }

    @Override
    public void update(Link link, String messageId, Post post) throws Exception {
        if (messageId == null || messageId.isEmpty()) {
            return; // a copy given up when it was sent
        }
        MethodsClient client = slack.of(link.channel().workspace());
        Catalogue words = link.words();
        call(link, "chat.update", () -> client.chatUpdate(r -> r.channel(link.channel().id()).ts(messageId)
                .text(fallback(post, words)).blocks(blocks(post, words))
                .metadata(CimentMessages.about(post.reference()))));
    }

    @Override
    public void delete(Link link, String messageId) throws Exception {
        if (messageId == null || messageId.isEmpty()) {
            return;
        }
        MethodsClient client = slack.of(link.channel().workspace());
        call(link, "chat.delete", () -> client.chatDelete(r -> r.channel(link.channel().id()).ts(messageId)));
    }

    /**
     * The copy an attempt stopped before recording it sent, found by its metadata: in the thread of its first post's
     * copy (a reply sent there), else among the channel's messages since just before the post, page after page.
     */
    @Override
    public Optional<String> findEarlier(Link link, Post post, Optional<String> threadMessageId) {
        try {
            String channel = link.channel().id();
            MethodsClient slack = this.slack.of(link.channel().workspace());
            String oldest = ts(post.createdAt().minus(LOOK_BACK));
            String cursor = null;
            for (int page = 0; page < PAGES; page++) {
                String from = cursor;
                List<Message> messages;
                if (threadMessageId.isPresent()) {
                    var replies = slack.conversationsReplies(r -> r.channel(channel).ts(threadMessageId.get())
                            .oldest(oldest).limit(200).cursor(from).includeAllMetadata(true));
                    messages = replies.isOk() ? replies.getMessages() : null;
                    cursor = replies.isOk() && replies.isHasMore() ? nextCursor(replies.getResponseMetadata()) : null;
                } else {
                    var history = slack.conversationsHistory(r -> r.channel(channel).oldest(oldest).limit(200)
                            .cursor(from).includeAllMetadata(true));
                    messages = history.isOk() ? history.getMessages() : null;
                    cursor = history.isOk() && history.isHasMore() ? nextCursor(history.getResponseMetadata()) : null;
                }
                Optional<String> found = naming(messages, post.reference());
                if (found.isPresent() || cursor == null) {
                    return found;
                }
            }
            LOG.warn("no earlier copy of {} in the {} pages of {} looked at", post.reference(), PAGES,
                    link.channel().label());
            return Optional.empty();
        } catch (Exception e) {
            LOG.warn("looking for an earlier copy of {} in {} failed ({})", post.reference(), link.channel().label(),
                    e.toString());
            return Optional.empty();
        }
    }

    private static String nextCursor(com.slack.api.model.ResponseMetadata metadata) {
        return metadata == null || metadata.getNextCursor() == null || metadata.getNextCursor().isEmpty() ? null
                : metadata.getNextCursor();
    }

    private static Optional<String> naming(List<Message> messages, String reference) {
        return messages == null ? Optional.empty() : messages.stream()
                .filter(m -> CimentMessages.postOf(m).filter(reference::equals).isPresent())
                .map(Message::getTs).findFirst();
    }

    /** As an English channel reads them. */
    public static List<LayoutBlock> blocks(Post post) {
        return blocks(post, Catalogue.ENGLISH);
    }

    /**
     * The blocks of a copy: the text (or why it is not shown), where it comes from, its activity; Ciment's lines in
     * the channel's {@code words}.
     */
    public static List<LayoutBlock> blocks(Post post, Catalogue words) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(BlockKitReply.section("", Mrkdwn.escape(post.shownText(words))));
        blocks.add(context(Mrkdwn.escape(post.shownOrigin(words))));
        String activity = post.activity(words);
        if (!activity.isEmpty()) {
            blocks.add(context(Mrkdwn.fit(Mrkdwn.escape(activity), 3000)));
        }
        return blocks;
    }

    private static ContextBlock context(String mrkdwn) {
        return ContextBlock.builder().elements(List.of(MarkdownTextObject.builder().text(mrkdwn).build())).build();
    }

    /** As an English channel reads it. */
    public static String fallback(Post post) {
        return fallback(post, Catalogue.ENGLISH);
    }

    /** What notifications and clients without blocks show. */
    public static String fallback(Post post, Catalogue words) {
        return Mrkdwn.fit(Mrkdwn.escape(post.shownText(words)), 3000);
    }

    private static String author(Post post) {
        return post.isRemoved() ? "Ciment" : post.authorName();
    }

    /** A Slack ts for an instant: seconds and microseconds. */
    static String ts(Instant at) {
        return String.format("%d.%06d", at.getEpochSecond(), at.getNano() / 1000);
    }

    /** Slack's answer; null when Slack refused for good (logged). */
    private static <T extends SlackApiTextResponse> T call(Link link, String method, SlackCall<T> call)
            throws Exception {
        T answer;
        try {
            answer = call.run();
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            String why = "Slack answered HTTP " + status + " to " + method + " in " + link.channel().label();
            if (status == 429) {
                throw new RetryAfter(RetryAfter.waitOf(e.getResponse().header("Retry-After")), why);
            }
            if (status >= 500) {
                throw new IOException(why, e);
            }
            LOG.error("Mirror given up: {}", why);
            return null;
        }
        if (answer.isOk()) {
            return answer;
        }
        String why = "Slack answered " + answer.getError() + " to " + method + " in " + link.channel().label();
        if ("ratelimited".equals(answer.getError())) {
            throw new RetryAfter(RetryAfter.DEFAULT_WAIT, why);
        }
        if (TRANSIENT.contains(answer.getError())) {
            throw new IOException(why);
        }
        if (FOR_GOOD.contains(answer.getError())) {
            throw new Refused(why);
        }
        LOG.error("Mirror given up: {}", why);
        return null;
    }

    @FunctionalInterface
    private interface SlackCall<T> {
        T run() throws IOException, SlackApiException;
    }
}
