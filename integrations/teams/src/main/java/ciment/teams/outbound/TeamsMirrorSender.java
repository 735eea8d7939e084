package ciment.teams.outbound;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;
import ciment.core.model.Link;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.port.MirrorSender;
import ciment.core.port.Refused;
import ciment.teams.auth.ClientCredentials;
import ciment.teams.render.AdaptiveCards;
import ciment.teams.render.CardText;
import ciment.teams.render.PostCards;
import ciment.teams.render.TeamsWire;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ResourceResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts mirrored into linked Teams channels: a proactive message through the Bot Connector at the channel's
 * serviceUrl (with the bot's client-credentials token) carrying a card that names the author, since a bot
 * cannot post as a person. A reply goes into the reply chain of its first post's copy: Teams names a reply
 * chain by the channel's conversation id with {@code ;messageid=<first message>}, as for any proactive reply
 * in a channel thread. Edits, hides and counts redraw the card (PUT); a deleted post's copy is deleted. What
 * Ciment writes beside the author's words is said in the channel's language ({@link Link#words}).
 *
 * <p>429 is thrown as {@link MirrorSender.RetryAfter} with the wait Teams asked for; a 5xx or the network is
 * thrown for the stream to retry with backoff; 403 (the app was removed from the team) and 404 (the channel or
 * message is gone) are thrown as {@link Refused}, since asking again would fail again: the record goes to the
 * dead-letter queue with it (a deletion answered 404 is done: the message is gone already); any other refusal
 * is logged and the copy given up.
 * Teams cannot find a copy sent by an attempt that stopped before recording it ({@link #findEarlier} stays
 * empty): that window may show the post twice.
 */
public final class TeamsMirrorSender implements MirrorSender {
    private static final Logger LOG = LoggerFactory.getLogger(TeamsMirrorSender.class);
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int FORBIDDEN = 403;
    private static final int NOT_FOUND = 404;
    /** Teams' throttling usually says how long; when it does not, a second is its documented first backoff. */

    private final BotConnectors connectors;

    /**
     * @param credentials       the bot's outbound identity (no app id: the Emulator's mode, no token)
     * @param defaultServiceUrl the Bot Connector for a link that names none
     */
    public TeamsMirrorSender(ClientCredentials credentials, String defaultServiceUrl) {
        this(credentials, defaultServiceUrl, TeamsCalls.NONE);
    }

    /** As {@link #TeamsMirrorSender(ClientCredentials, String)}, each call counted by {@code calls}. */
    public TeamsMirrorSender(ClientCredentials credentials, String defaultServiceUrl, TeamsCalls calls) {
        this.connectors = new BotConnectors(credentials, defaultServiceUrl, calls);
    }

    @Override
    public Platform platform() {
        return Platform.TEAMS;
    }

    /** The card, into the channel or the reply chain of {@code threadMessageId}; the message's id ("" when refused for good). */
    @Override
    public String send(Link link, Post post, Optional<String> threadMessageId) throws Exception {
        String conversation = link.channel().id() + threadMessageId.map(root -> ";messageid=" + root).orElse("");
        ResourceResponse sent = call(link, "send " + post.reference(),
                connector(link).getConversations().sendToConversation(conversation, card(post, link.words())));
        return sent == null || sent.getId() == null ? "" : sent.getId();
    }

    @Override
    public void update(Link link, String messageId, Post post) throws Exception {
        Activity card = card(post, link.words());
        card.setId(messageId);
        call(link, "update " + post.reference(),
                connector(link).getConversations().updateActivity(link.channel().id(), messageId, card));
    }

    @Override
    public void delete(Link link, String messageId) throws Exception {
        try {
            call(link, "delete message " + messageId,
                    connector(link).getConversations().deleteActivity(link.channel().id(), messageId));
        } catch (Gone alreadyGone) {
            // the copy is gone: what the deletion was for
        }
    }

    /** As an English channel reads it. */
    public static Activity card(Post post) {
        return card(post, Catalogue.ENGLISH);
    }

    /** The copy's card; its summary (what notifications show) in the channel's {@code words}. */
    public static Activity card(Post post, Catalogue words) {
        Activity activity = Activity.createMessageActivity();
        activity.setSummary(post.isRemoved() ? words.say("delivery.copy.removed")
                : TeamsWire.summary(words.say("delivery.copy.byline",
                        Message.verbatim(CardText.cut(post.authorName(), AdaptiveCards.NAME_MAX)), post.origin().label())));
        activity.setAttachments(List.of(PostCards.mirrored(post, words)));
        return TeamsWire.within(activity, words);
    }

    private ConnectorClient connector(Link link) {
        return connectors.at(link.channel().serviceUrl());
    }

    /** A 404: the channel or the message is not there (any more); a refusal for good, unless deleting. */
    private static final class Gone extends Refused {
        Gone(String why) {
            super(why);
        }
    }

    /** The call's answer; null when the Bot Connector refused it otherwise (logged). */
    private static <T> T call(Link link, String what, CompletableFuture<T> call) throws Exception {
        try {
            return call.join();
        } catch (CompletionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            if (cause instanceof ErrorResponseException refused) {
                int status = refused.response().code();
                String why = "the Bot Connector answered " + status + " to " + what + " in " + link.channel().label();
                if (status == TOO_MANY_REQUESTS) {
                    throw new RetryAfter(RetryAfter.waitOf(refused.response().headers().get("Retry-After")), why);
                }
                if (status >= 500) {
                    throw new IOException(why, refused);
                }
                if (status == NOT_FOUND) {
                    throw new Gone(why);
                }
                if (status == FORBIDDEN) {
                    throw new Refused(why);
                }
                LOG.warn("Mirror given up: {}", why);
                return null;
            }
            if (cause instanceof IOException network) {
                throw new IOException("could not " + what + " in " + link.channel().label() + ": " + network.getMessage(),
                        network);
            }
            throw failed;
        }
    }
}
