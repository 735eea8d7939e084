package ciment.core.model;

import java.util.Objects;

/**
 * One account in one chat tool: a Slack user in a workspace, or a Teams user in a tenant.
 * It is not the person: a person may later link a Slack and a Teams account.
 */
public record ChatAccount(Platform platform, String workspace, String userId) {
    public ChatAccount {
        Objects.requireNonNull(platform, "platform");
        requireText(workspace, "workspace");
        requireText(userId, "userId");
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
