package ciment.core.model;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;
import java.util.Objects;

/**
 * A conversation of a chat tool that many people read and where the bot can post: a Slack channel (public
 * or private) in a workspace, a Teams channel of a team in a tenant. {@code id} is the tool's own (Slack
 * {@code C…}/{@code G…}, Teams {@code 19:…@thread.tacv2} without any {@code ;messageid=}); {@code name} is
 * shown to people; {@code serviceUrl} is where Teams' Bot Connector reaches it (null for Slack).
 */
public record Channel(Platform platform, String workspace, String id, String name, String serviceUrl) {
    public Channel {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
    }

    /** One string naming the channel everywhere: tool, workspace and id. */
    public String key() {
        return platform.key() + "#" + workspace + "#" + id;
    }

    /** How people see it named: "#general in Slack", "General in Teams". */
    public Message labelMessage() {
        return Message.of("core.channel.label", Message.verbatim(platform == Platform.SLACK ? "#" + name : name),
                platform.label());
    }

    /** The same in English, for logs and for the adapters that do not say it in the reader's language yet. */
    public String label() {
        return Catalogue.ENGLISH.say(labelMessage());
    }

    /** The same channel, known by its key only (name and serviceUrl as stored elsewhere). */
    boolean sameAs(Channel other) {
        return other != null && key().equals(other.key());
    }
}
