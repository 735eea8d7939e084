package ciment.slack.auth;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request of a workspace that is not in CIMENT_SLACK_ALLOWED_WORKSPACES is refused here, before Bolt looks
 * up its installation and before anything is read or written, even when the workspace is still installed (it was
 * taken off the list since). The workspace is the one Bolt would serve the request as (an event's first
 * authorization, else the payload's team and enterprise). Each kind is answered as Slack expects:
 * <ul>
 * <li>a slash command: 200 and the sentence, ephemeral (Slack shows the body of a 200 only);</li>
 * <li>an event: 200 and nothing done, so that Slack neither retries it nor counts a failure against the app's
 *     subscriptions; app_uninstalled and tokens_revoked still go through, as they only forget the installation;</li>
 * <li>buttons, shortcuts, modals and the rest: 403 and the sentence (Slack never retries them).</li>
 * </ul>
 */
public final class WorkspaceGate implements Middleware {
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceGate.class);
    /** Requests that carry no workspace: the install flow (checked at its end) and Slack's own checks. */
    private static final Set<RequestType> UNCHECKED = Set.of(RequestType.OAuthStart, RequestType.OAuthCallback,
            RequestType.SSLCheck, RequestType.UrlVerification);
    private static final Set<String> FORGETTING = Set.of(AppUninstalledEvent.TYPE_NAME, TokensRevokedEvent.TYPE_NAME);

    private final AllowedWorkspaces allowed;
    private final Catalogue words;

    /** @param words the deployment's language: nobody in a workspace it does not serve is known to Ciment */
    public WorkspaceGate(AllowedWorkspaces allowed, Catalogue words) {
        this.allowed = allowed;
        this.words = words;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        String enterpriseId = req.getContext().getEnterpriseId();
        String teamId = req.getContext().getTeamId();
        if (UNCHECKED.contains(req.getRequestType()) || allowed.allows(enterpriseId, teamId)
                || req instanceof EventRequest event && FORGETTING.contains(event.getEventType())) {
            return chain.next(req);
        }
        LOG.warn("{} refused: workspace {} (organisation {}) is not in {}", req.getRequestType(), teamId, enterpriseId,
                AllowedWorkspaces.SETTING);
        String sentence = refusal(teamId != null ? teamId : enterpriseId, words);
        return switch (req.getRequestType()) {
            case Command -> Response.json(200, Map.of("response_type", "ephemeral", "text", sentence));
            case Event -> Response.ok();
            default -> Response.builder().statusCode(403).contentType("text/plain; charset=utf-8").body(sentence).build();
        };
    }

    public static String refusal(String workspace, Catalogue words) {
        return words.say("slack.workspace.notAllowed", workspace == null ? Message.of("slack.workspace.unnamed") : workspace);
    }
}
