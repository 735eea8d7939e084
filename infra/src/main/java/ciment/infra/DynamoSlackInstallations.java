package ciment.infra;

import ciment.core.port.SlackInstallations;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Slack app's OAuth installs, in the one table. An installation is {@code SLACK#T#<teamId>} (or
 * {@code SLACK#E#<enterpriseId>} for an org-wide install) / {@code INSTALL}; it is in no index, and it is the
 * platform's cost (its partition is no community's). OAuth states are signed, not stored.
 */
public final class DynamoSlackInstallations implements SlackInstallations {
    static final String SAVE = "slack.install.save";
    static final String FIND = "slack.install.find";
    static final String DELETE = "slack.install.delete";
    static final String INSTALL = "INSTALL";

    private final Table table;

    DynamoSlackInstallations(Table table) {
        this.table = table;
    }

    @Override
    public void save(Installation installation) {
        Map<String, AttributeValue> item = new HashMap<>(installationKey(installation.enterpriseId(),
                installation.teamId()));
        put(item, "enterpriseId", installation.enterpriseId());
        put(item, "teamId", installation.teamId());
        put(item, "teamName", installation.teamName());
        put(item, "appId", installation.appId());
        put(item, "botUserId", installation.botUserId());
        put(item, "botId", installation.botId());
        put(item, "botToken", installation.botToken());
        put(item, "botScopes", installation.botScopes());
        put(item, "installerUserId", installation.installerUserId());
        put(item, "installedAt", installation.installedAt() == null ? null : installation.installedAt().toString());
        // A re-install replaces the item: one put, as a transaction of one (the table offers no plain put).
        table.transact(SAVE, List.of(Write.put(table.name(), item)));
    }

    @Override
    public Optional<Installation> find(String enterpriseId, String teamId) {
        Optional<Map<String, AttributeValue>> item = teamId == null ? Optional.empty()
                : table.get(FIND, installationKey(null, teamId), false);
        if (item.isEmpty() && enterpriseId != null) {
            item = table.get(FIND, installationKey(enterpriseId, null), false);
        }
        return item.map(DynamoSlackInstallations::installation);
    }

    @Override
    public void delete(String enterpriseId, String teamId) {
        table.delete(DELETE, installationKey(enterpriseId, teamId), "attribute_exists(" + Keys.PK + ")");
    }

    /** The workspace's item, or the organisation's for an org-wide install (no workspace). */
    static Map<String, AttributeValue> installationKey(String enterpriseId, String teamId) {
        String pk = teamId != null ? "SLACK#T#" + teamId : "SLACK#E#" + enterpriseId;
        return Keys.key(pk, INSTALL);
    }

    private static Installation installation(Map<String, AttributeValue> item) {
        String installedAt = text(item, "installedAt");
        return new Installation(text(item, "enterpriseId"), text(item, "teamId"), text(item, "teamName"),
                text(item, "appId"), text(item, "botUserId"), text(item, "botId"), text(item, "botToken"),
                text(item, "botScopes"), text(item, "installerUserId"),
                installedAt == null ? null : Instant.parse(installedAt));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isEmpty()) {
            item.put(name, AttributeValue.fromS(value));
        }
    }
}
