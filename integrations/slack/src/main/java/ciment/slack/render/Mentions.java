package ciment.slack.render;

import ciment.core.i18n.Catalogue;
import ciment.core.model.ChatAccount;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How people are shown to someone in one Slack workspace: as a {@code <@U…>} mention when they have an
 * account in that workspace (Slack then shows the name the reader knows, and a click reaches them),
 * otherwise by the name Ciment keeps, escaped, with where they can be found.
 */
final class Mentions {
    /** A Slack user id: only these are ever put between angle brackets. */
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");
    /** Names are shown whole up to this length (escaped); longer ones are cut. */
    static final int NAME_MAX = 200;

    private final String workspace;

    /** @param workspace the asker's team_id (null: nobody is mentioned) */
    Mentions(String workspace) {
        this.workspace = workspace;
    }

    /** The mention of the person's account in this workspace, if they have one. */
    Optional<String> mention(List<ChatAccount> accounts) {
        return here(accounts).map(account -> "<@" + account.userId() + ">");
    }

    /** The mention when there is one, the escaped name otherwise. */
    String mentionOrName(Person person, List<ChatAccount> accounts) {
        return mention(accounts).orElseGet(() -> name(person.displayName()));
    }

    /** Where someone without an account here can be found: "Teams", "another Slack workspace", or "". */
    static String elsewhere(List<ChatAccount> accounts, Catalogue words) {
        if (accounts.stream().anyMatch(a -> a.platform() == Platform.TEAMS)) {
            return Platform.TEAMS.label();
        }
        return accounts.stream().anyMatch(a -> a.platform() == Platform.SLACK) ? words.say("slack.elsewhere.slack") : "";
    }

    boolean isHere(ChatAccount account) {
        return account.platform() == Platform.SLACK && account.workspace().equals(workspace)
                && USER_ID.matcher(account.userId()).matches();
    }

    private Optional<ChatAccount> here(List<ChatAccount> accounts) {
        return accounts.stream().filter(this::isHere).findFirst();
    }

    /** A name people chose, escaped and bounded. */
    static String name(String displayName) {
        return Mrkdwn.fit(Mrkdwn.escape(displayName), NAME_MAX);
    }
}
