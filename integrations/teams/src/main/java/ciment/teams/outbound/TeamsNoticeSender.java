package ciment.teams.outbound;

import ciment.core.config.Settings;
import ciment.core.model.ChatAccount;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.core.port.MessageCopies;
import ciment.core.port.NoticeSender;
import ciment.core.port.PersonalDataSource;
import ciment.core.privacy.PersonalData;
import ciment.teams.auth.ClientCredentials;
import ciment.teams.render.AnnouncementCards;
import ciment.teams.render.PostButtons;
import ciment.teams.render.PostCards;
import ciment.teams.render.TeamsWire;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.TextFormatTypes;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a notice in Teams: a proactive message through the Bot Connector (the SDK's REST client, with
 * the bot's client-credentials token, or none in the Emulator's mode without an app id). Into the
 * conversation the person asked in when the notice names one (a personal chat, a group chat, the channel
 * thread); otherwise into the bot's personal chat with them, created first (Teams gives back the same
 * chat for the same person).
 *
 * <p>What a retry can fix (429, 5xx, the network, the token endpoint) is thrown, for the delivery function
 * to retry; whatever else the Bot Connector refuses (403: the bot is not installed for the person, or they
 * blocked it; 404: the conversation is gone) is logged and dropped, since sending again would only fail
 * again. The Bot Connector is asked once per send: retries are the delivery function's.
 *
 * <p>A notice carrying the person's data file (export-my-data) goes to their personal chat as a file consent
 * card (Teams lets a bot send a file only there, once the person accepts); {@code CimentBot} uploads the
 * file when they accept. Its size is the data's as it is now, read from the {@link PersonalDataSource}.
 */
public final class TeamsNoticeSender implements NoticeSender {
    /**
     * The Bot Connector for proactive messages in Microsoft's public cloud, for a notice that carries no
     * serviceUrl: "If the serviceUrl isn't available from an incoming activity triggering the proactive
     * scenario, use the following global URL endpoints: Public: https://smba.trafficmanager.net/teams/"
     * (Microsoft Learn, Teams platform, "Send proactive messages", section "Create the conversation":
     * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages).
     * Government clouds have their own (TEAMS_SERVICE_URL).
     */
    public static final String PUBLIC_SERVICE_URL = "https://smba.trafficmanager.net/teams/";
    private static final Logger LOG = LoggerFactory.getLogger(TeamsNoticeSender.class);
    private static final int TOO_MANY_REQUESTS = 429;

    private final BotConnectors connectors;
    private final PersonalDataSource personalData;
    private final Clock clock;
    private final TeamsCopies copies;

    /**
     * @param credentials       the bot's outbound identity; without an app id (the Emulator's mode) calls
     *                          carry no token
     * @param defaultServiceUrl the Bot Connector for notices that name none
     */
    public TeamsNoticeSender(ClientCredentials credentials, String defaultServiceUrl) {
        this(credentials, defaultServiceUrl, personId -> {
            LOG.error("A data file for person {} was asked of a sender without a source of personal data", personId);
            return Optional.empty();
        }, Clock.systemUTC());
    }

    /** @param personalData where the size of export-my-data's file is read (the file itself is made on accept) */
    public TeamsNoticeSender(ClientCredentials credentials, String defaultServiceUrl, PersonalDataSource personalData,
            Clock clock) {
        this(credentials, defaultServiceUrl, personalData, MessageCopies.NONE, clock);
    }

    /**
     * @param copies where a notice about a post is recorded as a copy of the post (the message Teams gives
     *               back), so that reacting to it or replying in its reply chain is the post's
     */
    public TeamsNoticeSender(ClientCredentials credentials, String defaultServiceUrl, PersonalDataSource personalData,
            MessageCopies copies, Clock clock) {
        this(credentials, defaultServiceUrl, personalData, copies, clock, TeamsCalls.NONE);
    }

    /** As {@link #TeamsNoticeSender(ClientCredentials, String, PersonalDataSource, MessageCopies, Clock)}, its calls counted. */
    public TeamsNoticeSender(ClientCredentials credentials, String defaultServiceUrl, PersonalDataSource personalData,
            MessageCopies copies, Clock clock, TeamsCalls calls) {
        this.connectors = new BotConnectors(credentials, defaultServiceUrl, calls);
        this.copies = new TeamsCopies(copies);
        this.personalData = personalData;
        this.clock = clock;
    }

    /** As the Teams delivery function, with the copies of posts its notices about posts are recorded in. */
    public static TeamsNoticeSender fromSettings(Settings settings, ClientCredentials credentials,
            PersonalDataSource personalData, MessageCopies copies) {
        return new TeamsNoticeSender(credentials, settings.get("TEAMS_SERVICE_URL", PUBLIC_SERVICE_URL), personalData,
                copies, Clock.systemUTC());
    }

    /** The default Bot Connector from TEAMS_SERVICE_URL, else {@link #PUBLIC_SERVICE_URL}. */
    public static TeamsNoticeSender fromSettings(Settings settings, ClientCredentials credentials) {
        return new TeamsNoticeSender(credentials, settings.get("TEAMS_SERVICE_URL", PUBLIC_SERVICE_URL));
    }

    /** As the Teams delivery function: data files sized from {@code personalData}. */
    public static TeamsNoticeSender fromSettings(Settings settings, ClientCredentials credentials,
            PersonalDataSource personalData) {
        return new TeamsNoticeSender(credentials, settings.get("TEAMS_SERVICE_URL", PUBLIC_SERVICE_URL), personalData,
                Clock.systemUTC());
    }

    @Override
    public Platform platform() {
        return Platform.TEAMS;
    }

    /**
     * Sends the notice's text, or drops it (logged) when the Bot Connector refuses it for good. Only notices to
     * Teams accounts reach it (core's Delivery hands each tool its own).
     *
     * @throws IOException when a retry may succeed: throttled (429), the Bot Connector failing (5xx), the
     *                     network or the token endpoint failing
     */
    @Override
    public void send(Notice notice) throws IOException {
        Activity message = message(notice);
        if (message == null) {
            LOG.info("Notice {}: no data is held about person {} any more; no file offered", notice.id(),
                    notice.personalDataOf());
            return;
        }
        Recipient to = notice.to();
        String serviceUrl = connectors.serviceUrl(to.serviceUrl());
        ConnectorClient connector = connectors.at(serviceUrl);
        // A file is offered only in the personal chat: Teams shows a file consent card nowhere else.
        boolean personal = to.isDirect() || notice.carriesPersonalData();
        String step = personal ? "create the personal chat" : "send";
        try {
            String conversationId = personal ? personalChat(connector, to.account()) : to.conversationId();
            step = "send";
            ResourceResponse sent = connector.getConversations().sendToConversation(conversationId, message).join();
            if (notice.isAboutPost()) {
                copies.record(conversationId, sent == null ? null : sent.getId(), notice.post());
            }
        } catch (CompletionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            if (cause instanceof ErrorResponseException refused) {
                int status = refused.response().code();
                String why = "the Bot Connector at " + serviceUrl + " answered " + status + describe(refused)
                        + " to " + step + " for notice " + notice.id();
                if (status == TOO_MANY_REQUESTS || status >= 500) {
                    String retryAfter = refused.response().headers().get("Retry-After");
                    throw new IOException(why + (retryAfter == null ? "" : " (Retry-After " + retryAfter + ")"), refused);
                }
                LOG.warn("Teams notice dropped: {}", why);
                return;
            }
            if (cause instanceof IOException network) {
                throw new IOException("could not " + step + " for notice " + notice.id() + " through " + serviceUrl
                        + ": " + network.getMessage(), network);
            }
            throw failed;
        }
    }

    /**
     * The bot's personal chat with the account: members by the AAD object id Ciment keys Teams accounts by
     * (which Teams accepts for a personal chat with a user who has the bot installed), in their tenant.
     */
    private String personalChat(ConnectorClient connector, ChatAccount account) {
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        connectors.botAppId().ifPresent(appId -> parameters.setBot(new ChannelAccount("28:" + appId)));
        parameters.setMembers(List.of(new ChannelAccount(account.userId())));
        parameters.setTenantId(account.workspace());
        // Microsoft's REST example names the tenant in channelData; the SDK sends both forms.
        ObjectNode channelData = Serialization.createObjectNode();
        channelData.putObject("tenant").put("id", account.workspace());
        parameters.setChannelData(channelData);
        ConversationResourceResponse created = connector.getConversations().createConversation(parameters).join();
        if (created == null || created.getId() == null || created.getId().isBlank()) {
            throw new CompletionException(new IOException("the Bot Connector created a conversation without an id"));
        }
        return created.getId();
    }

    /**
     * The notice's text; with a data file, its consent card too (null when there is no data to offer); about
     * a post, a card with the text, Open thread and Reply.
     */
    private Activity message(Notice notice) {
        Activity activity = Activity.createMessageActivity();
        if (notice.isAnnouncement() && PostButtons.postRef(notice.post()).isPresent()) {
            activity.setSummary(TeamsWire.summary(notice.text()));
            activity.setAttachments(List.of(AnnouncementCards.notice(notice.text(), notice.post(), notice.announcement(),
                    notice.words())));
            return TeamsWire.within(activity, notice.words());
        }
        if (notice.isAboutPost() && PostButtons.postRef(notice.post()).isPresent()) {
            activity.setSummary(TeamsWire.summary(notice.text()));
            activity.setAttachments(List.of(PostCards.aboutPost(notice.text(), notice.post(), notice.words())));
            return TeamsWire.within(activity, notice.words());
        }
        activity.setText(notice.text());
        activity.setTextFormat(TextFormatTypes.PLAIN);
        if (notice.carriesPersonalData()) {
            Optional<PersonalData> data = personalData.personalData(notice.personalDataOf());
            if (data.isEmpty()) {
                return null;
            }
            activity.setAttachments(List.of(TeamsDataFile.consentCard(notice.words().say("delivery.export.consent"),
                    TeamsDataFile.render(data.get(), clock.instant()).length)));
        }
        return TeamsWire.within(activity, notice.words());
    }

    /** The Bot Connector's error code and message, when its body has them. */
    private static String describe(ErrorResponseException refused) {
        if (refused.body() == null || refused.body().getError() == null) {
            return "";
        }
        return " (" + refused.body().getError().getCode() + ": " + refused.body().getError().getMessage() + ")";
    }
}
