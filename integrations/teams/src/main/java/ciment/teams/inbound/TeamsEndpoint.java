package ciment.teams.inbound;

import ciment.teams.auth.AllowedTenants;
import ciment.teams.auth.InboundAuth;
import ciment.teams.auth.Unauthorized;
import ciment.teams.render.TeamsWire;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's messaging endpoint, whatever carries the HTTP request (Lambda, the local runner): checks
 * the body is an activity and its token, then that it comes from Teams and from a tenant Ciment serves (403 and
 * one sentence otherwise, before anything is read or written), then runs the adapter
 * with the identity we established ourselves (the SDK's own validation is skipped: it keeps keys for days
 * and drops custom checks).
 */
public final class TeamsEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(TeamsEndpoint.class);

    /** The HTTP body of a refusal of another channel than Teams (Direct Line, Web Chat ...). */
    public static final String NOT_TEAMS = "This Ciment bot serves Microsoft Teams only: activities from other channels are refused.";

    /** The HTTP answer: a status and a body (empty, one sentence, or an invoke response's JSON). */
    public record Answer(int status, String body) {
    }

    private final BotFrameworkAdapter adapter;
    private final Bot bot;
    private final InboundAuth auth;
    private final AllowedTenants tenants;

    /** An endpoint serving activities of any tenant. */
    public TeamsEndpoint(BotFrameworkAdapter adapter, Bot bot, InboundAuth auth) {
        this(adapter, bot, auth, AllowedTenants.any());
    }

    /** @param tenants the tenants served: another tenant's activity gets 403 before anything is written or sent */
    public TeamsEndpoint(BotFrameworkAdapter adapter, Bot bot, InboundAuth auth, AllowedTenants tenants) {
        this.adapter = adapter;
        this.bot = bot;
        this.auth = auth;
        this.tenants = tenants;
    }

    public Answer handle(String body, String authorizationHeader) {
        Activity activity = ActivityJson.parse(body);
        if (activity == null) {
            return new Answer(400, "The request body is not a Bot Framework activity (JSON with type, serviceUrl and conversation).");
        }
        ClaimsIdentity identity;
        try {
            identity = auth.authenticate(authorizationHeader, activity);
        } catch (Unauthorized unauthorized) {
            LOG.warn("Refused activity {} from channel {}: {}", activity.getId(), activity.getChannelId(),
                    unauthorized.getMessage());
            return new Answer(401, "");
        }
        // After the token: only a genuine activity tells which channel and tenant it is from.
        if (!auth.serves(activity.getChannelId())) {
            LOG.warn("Refused activity {} ({}) from channel {}: only {} is served", activity.getId(), activity.getType(),
                    activity.getChannelId(), InboundAuth.TEAMS);
            return new Answer(403, NOT_TEAMS);
        }
        String tenant = TeamsCallers.tenantOf(activity);
        if (!tenants.allows(tenant)) {
            LOG.warn("Refused activity {} ({}) from tenant {}: not in {}", activity.getId(), activity.getType(), tenant,
                    AllowedTenants.SETTING);
            return new Answer(403, AllowedTenants.REFUSED);
        }
        try {
            InvokeResponse invoke = adapter.processActivity(identity, activity, bot::onTurn).join();
            if (invoke == null) {
                return new Answer(200, "");
            }
            if (invoke.getBody() != null && TeamsWire.bytes(invoke.getBody()) > TeamsWire.LIMIT) {
                LOG.error("The answer to invoke {} is larger than Teams takes ({} bytes)", activity.getName(),
                        TeamsWire.bytes(invoke.getBody()));
            }
            return new Answer(invoke.getStatus(), invoke.getBody() == null ? "" : Serialization.toString(invoke.getBody()));
        } catch (CompletionException | JsonProcessingException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            LOG.error("Activity {} ({}) failed", activity.getId(), activity.getType(), cause);
            return new Answer(500, "Ciment could not handle this activity; the Bot Connector may retry it.");
        }
    }
}
