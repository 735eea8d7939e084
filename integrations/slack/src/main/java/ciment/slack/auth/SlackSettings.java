package ciment.slack.auth;

import ciment.core.config.Settings;

/** The Slack app's settings (CONTRACT.md's names) and its OAuth routes, read by whatever part needs them. */
public final class SlackSettings {
    public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";
    public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
    public static final String API_URL = "SLACK_API_URL";
    public static final String DEFAULT_API_URL = "https://slack.com/api/";
    public static final String CLIENT_ID = "SLACK_CLIENT_ID";
    public static final String CLIENT_SECRET = "SLACK_CLIENT_SECRET";
    static final String PUBLIC_URL = "CIMENT_PUBLIC_URL";
    /** The install link (GET): a redirect to Slack's authorize page. */
    public static final String INSTALL_PATH = "/slack/install";
    /** Slack's OAuth callback (GET, code and state). */
    public static final String REDIRECT_PATH = "/slack/oauth_redirect";

    private SlackSettings() {
    }

    /** OAuth (multi-workspace) mode: SLACK_CLIENT_ID is set. */
    public static boolean isOAuth(Settings settings) {
        return settings.get(CLIENT_ID).isPresent();
    }

    /**
     * Where Slack sends the installer back: CIMENT_PUBLIC_URL + {@value #REDIRECT_PATH} when the deployment
     * says its URL; else none is named, and Slack uses the app's one redirect URL (manifest.yaml's).
     */
    public static String redirectUri(Settings settings) {
        return settings.get(PUBLIC_URL).map(url -> (url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                + REDIRECT_PATH).orElse(null);
    }

    public static String withTrailingSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
