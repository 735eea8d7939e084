package ciment.infra.dynamo;

import ciment.core.port.SlackInstallations;
import ciment.infra.aws.TokenSeal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Slack app's OAuth installs, in the one table. An installation is {@code SLACK#T#<teamId>} (or
 * {@code SLACK#E#<enterpriseId>} for an org-wide install) / {@code INSTALL}; it is in no index, and it is the
 * platform's cost (its partition is no community's). OAuth states are signed, not stored.
 *
 * <p>The bot token is never kept in the clear: it is sealed ({@link TokenSeal}) for its item's partition key, as
 * {@code botTokenSealed}, {@code botTokenKey} (the data key as KMS encrypted it) and {@code botTokenNonce}. Only
 * what Ciment uses of an install is kept: no installer (user id, user token), no incoming webhook. An item that an
 * earlier version wrote (a {@code botToken} in the clear, an {@code installerUserId}) is still read; a function that
 * seals rewrites it sealed and without the installer at that first read.
 */
public final class DynamoSlackInstallations implements SlackInstallations {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoSlackInstallations.class);
    static final String SAVE = "slack.install.save";
    static final String FIND = "slack.install.find";
    static final String DELETE = "slack.install.delete";
    static final String RESEAL = "slack.install.reseal";
    static final String INSTALL = "INSTALL";
    static final String SEALED = "botTokenSealed";
    static final String SEALED_KEY = "botTokenKey";
    static final String SEALED_NONCE = "botTokenNonce";
    /** Kept in the clear by earlier versions: read, then rewritten sealed (and without the installer). */
    static final String PLAIN_TOKEN = "botToken";
    static final String INSTALLER = "installerUserId";

    private final Table table;
    private final TokenSeal seal;

    DynamoSlackInstallations(Table table, TokenSeal seal) {
        this.table = table;
        this.seal = seal;
    }

    @Override
    public void save(Installation installation) {
        Map<String, AttributeValue> key = installationKey(installation.enterpriseId(), installation.teamId());
        Map<String, AttributeValue> item = new HashMap<>(key);
        put(item, "enterpriseId", installation.enterpriseId());
        put(item, "teamId", installation.teamId());
        put(item, "teamName", installation.teamName());
        put(item, "appId", installation.appId());
        put(item, "botUserId", installation.botUserId());
        put(item, "botId", installation.botId());
        if (installation.botToken() != null) {
            item.putAll(sealed(seal.seal(installation.botToken(), key.get(Keys.PK).s())));
        }
        put(item, "botScopes", installation.botScopes());
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
        return item.flatMap(this::installation);
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

    /** The installation with its token opened; empty (and logged) when the token does not open for this item. */
    private Optional<Installation> installation(Map<String, AttributeValue> item) {
        String pk = item.get(Keys.PK).s();
        Optional<String> token;
        if (item.containsKey(SEALED)) {
            token = seal.open(new TokenSeal.Sealed(bytes(item, SEALED), bytes(item, SEALED_KEY), bytes(item, SEALED_NONCE)), pk);
            if (token.isEmpty()) {
                LOG.error("the bot token kept for {} does not open (sealed for another item, or altered): refused;"
                        + " install Ciment in that workspace again", pk);
                return Optional.empty();
            }
        } else {
            token = Optional.ofNullable(text(item, PLAIN_TOKEN));
            token.ifPresent(plain -> reseal(item, plain));
        }
        String installedAt = text(item, "installedAt");
        return Optional.of(new Installation(text(item, "enterpriseId"), text(item, "teamId"), text(item, "teamName"),
                text(item, "appId"), text(item, "botUserId"), text(item, "botId"), token.orElse(null),
                text(item, "botScopes"), installedAt == null ? null : Instant.parse(installedAt)));
    }

    /**
     * An item of an earlier version, its token in the clear: sealed now, and its installer forgotten, if it is still
     * as read (a reinstall meanwhile wins). The function that only opens (delivery) leaves it to the Slack function,
     * which reads it at the workspace's next request.
     */
    private void reseal(Map<String, AttributeValue> item, String plain) {
        String pk = item.get(Keys.PK).s();
        if (!seal.seals()) {
            LOG.warn("the bot token kept for {} is in the clear (an earlier version's install): used as is until the"
                    + " Slack function seals it", pk);
            return;
        }
        Map<String, AttributeValue> sealed = sealed(seal.seal(plain, pk));
        Map<String, AttributeValue> values = new HashMap<>();
        sealed.forEach((name, value) -> values.put(":" + name, value));
        values.put(":plain", AttributeValue.fromS(plain));
        boolean done = table.update(RESEAL, Keys.key(pk, INSTALL),
                "SET " + SEALED + " = :" + SEALED + ", " + SEALED_KEY + " = :" + SEALED_KEY + ", " + SEALED_NONCE
                        + " = :" + SEALED_NONCE + " REMOVE " + PLAIN_TOKEN + ", " + INSTALLER,
                PLAIN_TOKEN + " = :plain", Map.of(), values, old -> {
                    Map<String, AttributeValue> after = new HashMap<>(old);
                    after.keySet().removeAll(Set.of(PLAIN_TOKEN, INSTALLER));
                    after.putAll(sealed);
                    return after;
                }).isPresent();
        if (done) {
            LOG.info("the bot token kept in the clear for {} is sealed now, and its installer forgotten", pk);
        }
    }

    private static Map<String, AttributeValue> sealed(TokenSeal.Sealed sealed) {
        return Map.of(SEALED, binary(sealed.ciphertext()), SEALED_KEY, binary(sealed.encryptedKey()),
                SEALED_NONCE, binary(sealed.nonce()));
    }

    private static AttributeValue binary(byte[] bytes) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
    }

    private static byte[] bytes(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.b() == null ? new byte[0] : value.b().asByteArray();
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
