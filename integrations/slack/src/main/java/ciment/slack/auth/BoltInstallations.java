package ciment.slack.auth;

import ciment.core.i18n.Catalogue;
import ciment.core.port.SlackInstallations;
import ciment.core.port.SlackInstallations.Installation;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Bolt's installation service over Ciment's {@link SlackInstallations} (the table): Bolt's OAuth callback saves
 * each workspace's install here, and its MultiTeamsAuthorization finds the bot token of the workspace a request
 * comes from. Only the bot is kept: Ciment asks for no user token, so an installer is its workspace's bot, and
 * nothing of the person who installed (their user id, a user token, an incoming webhook) is handed to the store.
 */
final class BoltInstallations implements InstallationService {
    private final Supplier<SlackInstallations> installations;
    private final Catalogue words;

    /**
     * @param installations the store, given when the table is ready (the Lambda function starts it in parallel)
     * @param words         the deployment's language: a workspace without Ciment has nobody Ciment knows
     */
    BoltInstallations(Supplier<SlackInstallations> installations, Catalogue words) {
        this.installations = installations;
        this.words = words;
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean isHistoricalDataEnabled) {
        // Only the latest install of each workspace is kept.
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        installations.get().save(new Installation(installer.getEnterpriseId(),
                Boolean.TRUE.equals(installer.getIsEnterpriseInstall()) ? null : installer.getTeamId(),
                installer instanceof DefaultInstaller known ? known.getTeamName() : null, installer.getAppId(), installer.getBotUserId(), installer.getBotId(),
                installer.getBotAccessToken(), installer.getBotScope(), installer.getInstalledAt() == null ? Instant.now() : Instant.ofEpochMilli(installer.getInstalledAt())));
    }

    @Override
    public void saveBot(Bot bot) {
        // Token rotation is off (manifest.yaml): Bolt never refreshes a bot token, so nothing is saved alone.
    }

    @Override
    public void deleteBot(Bot bot) {
        installations.get().delete(bot.getEnterpriseId(), Boolean.TRUE.equals(bot.getIsEnterpriseInstall())
                ? null : bot.getTeamId());
    }

    @Override
    public void deleteInstaller(Installer installer) {
        installations.get().delete(installer.getEnterpriseId(), Boolean.TRUE.equals(installer.getIsEnterpriseInstall())
                ? null : installer.getTeamId());
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        installations.get().delete(enterpriseId, teamId);
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        return installations.get().find(enterpriseId, teamId).map(BoltInstallations::bot).orElse(null);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return installations.get().find(enterpriseId, teamId).map(BoltInstallations::installer).orElse(null);
    }

    @Override
    public String getInstallationGuideText(String enterpriseId, String teamId, String userId) {
        return words.say("slack.install.missing", SlackSettings.INSTALL_PATH);
    }

    private static Bot bot(Installation i) {
        DefaultBot bot = new DefaultBot();
        bot.setEnterpriseId(i.enterpriseId());
        bot.setTeamId(i.teamId());
        bot.setTeamName(i.teamName());
        bot.setIsEnterpriseInstall(i.teamId() == null);
        bot.setAppId(i.appId());
        bot.setBotUserId(i.botUserId());
        bot.setBotId(i.botId());
        bot.setBotAccessToken(i.botToken());
        bot.setBotScope(i.botScopes());
        bot.setScope(i.botScopes());
        bot.setInstalledAt(i.installedAt() == null ? null : i.installedAt().toEpochMilli());
        return bot;
    }

    private static Installer installer(Installation i) {
        DefaultInstaller installer = new DefaultInstaller();
        installer.setEnterpriseId(i.enterpriseId());
        installer.setTeamId(i.teamId());
        installer.setTeamName(i.teamName());
        installer.setIsEnterpriseInstall(i.teamId() == null);
        installer.setAppId(i.appId());
        installer.setBotUserId(i.botUserId());
        installer.setBotId(i.botId());
        installer.setBotAccessToken(i.botToken());
        installer.setBotScope(i.botScopes());
        installer.setInstalledAt(i.installedAt() == null ? null : i.installedAt().toEpochMilli());
        return installer;
    }
}
