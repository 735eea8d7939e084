package ciment.infra.aws;

import ciment.core.config.Settings;
import java.util.Map;
import java.util.TreeMap;

/**
 * Secrets for Lambda: template.yaml gives a function the ARN of each secret (SLACK_SIGNING_SECRET_ARN),
 * the code reads the secret by its own name (SLACK_SIGNING_SECRET). Resolved once, at init.
 */
public final class Secrets {
    static final String ARN_SUFFIX = "_ARN";

    private Secrets() {
    }

    /**
     * The settings with NAME set to the text of the secret that NAME_ARN names, for every NAME_ARN whose
     * NAME is not set already (a plain value wins). Without any such setting (the local runner, the
     * benchmark) the settings come back as they are and nothing of Secrets Manager is loaded.
     *
     * @throws IllegalStateException naming the setting and the ARN, when a secret cannot be read
     */
    public static Settings resolve(Settings settings) {
        Map<String, String> arnsByName = new TreeMap<>();
        for (String setting : settings.names()) {
            if (setting.endsWith(ARN_SUFFIX) && setting.length() > ARN_SUFFIX.length()) {
                String name = setting.substring(0, setting.length() - ARN_SUFFIX.length());
                if (settings.get(name).isEmpty()) {
                    arnsByName.put(name, settings.require(setting));
                }
            }
        }
        if (arnsByName.isEmpty()) {
            return settings;
        }
        return settings.with(SecretStrings.read(settings, arnsByName));
    }
}
