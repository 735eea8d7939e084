package ciment.slack.auth;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;
import com.slack.api.Slack;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.builtin.OAuthCallbackRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.service.builtin.oauth.OAuthV2SuccessHandler;
import com.slack.api.bolt.service.builtin.oauth.default_impl.OAuthV2DefaultSuccessHandler;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Bolt does once oauth.v2.access gave a workspace's bot token: for a workspace the deployment allows
 * (CIMENT_SLACK_ALLOWED_WORKSPACES), Bolt's own success handler stores the installation and the page says
 * "Ciment is installed in ..."; for any other, nothing is stored, the token is revoked (auth.revoke) and the page
 * says why in one sentence.
 */
final class InstallCallback implements OAuthV2SuccessHandler {
    private static final Logger LOG = LoggerFactory.getLogger(InstallCallback.class);

    private final AllowedWorkspaces allowed;
    private final OAuthV2DefaultSuccessHandler saving;
    private final Slack slack;
    private final Catalogue words;

    /** @param words the deployment's language: the installer is nobody Ciment knows yet */
    InstallCallback(AppConfig config, InstallationService installations, AllowedWorkspaces allowed, Catalogue words) {
        this.allowed = allowed;
        this.words = words;
        this.slack = config.getSlack();
        this.saving = new OAuthV2DefaultSuccessHandler(config, installations);
        saving.setPersistenceCallback(args -> {
            String where = nameOf(args.getApiResponse());
            InstallPages.page(args.getResponse(), 200, words.say("slack.install.done", Message.verbatim(where)), words);
        });
        saving.setPersistenceErrorCallback(args -> {
            LOG.error("storing the installation of {} failed", args.getInstaller().getTeamId(), args.getError());
            InstallPages.page(args.getResponse(), 500, words.say("slack.install.notRecorded"), words);
        });
    }

    @Override
    public Response handle(OAuthCallbackRequest request, Response response, OAuthV2AccessResponse access) {
        String enterpriseId = access.getEnterprise() == null ? null : access.getEnterprise().getId();
        String teamId = access.isEnterpriseInstall() || access.getTeam() == null ? null : access.getTeam().getId();
        if (allowed.allows(enterpriseId, teamId)) {
            return saving.handle(request, response, access);
        }
        String who = teamId != null ? teamId : enterpriseId;
        String name = nameOf(access);
        LOG.warn("install refused: workspace {} ({}) is not in {}", who, name, AllowedWorkspaces.SETTING);
        revoke(access.getAccessToken(), who);
        return InstallPages.page(response, 403, words.say("slack.install.notAllowed", Message.verbatim(name), who), words);
    }

    /** The workspace's name (the organisation's for an org-wide install), else its id. */
    private String nameOf(OAuthV2AccessResponse access) {
        if (access.getTeam() != null && access.getTeam().getName() != null) {
            return access.getTeam().getName();
        }
        if (access.getEnterprise() != null) {
            return access.getEnterprise().getName() != null ? access.getEnterprise().getName() : access.getEnterprise().getId();
        }
        return access.getTeam() != null ? access.getTeam().getId() : words.say("slack.install.thisWorkspace");
    }

    /** The token Slack gave is of no use: revoked at once, so no install of Ciment stays behind in that workspace. */
    private void revoke(String token, String workspace) {
        if (token == null) {
            return;
        }
        try {
            var revoked = slack.methods(token).authRevoke(r -> r);
            if (!revoked.isOk()) {
                LOG.warn("auth.revoke for refused workspace {} answered {}", workspace, revoked.getError());
            }
        } catch (Exception e) {
            LOG.warn("auth.revoke for refused workspace {} failed ({})", workspace, e.toString());
        }
    }
}
