package ciment.local;

import ciment.core.config.AllowList;
import ciment.core.config.Settings;
import ciment.slack.auth.AllowedWorkspaces;
import ciment.teams.auth.AllowedTenants;
import java.io.PrintStream;
import java.util.List;

/**
 * The allow-lists on the local runner: a deployed function refuses to start without them, while trying Ciment
 * on one's own machine should need no list; so the runner serves any workspace and tenant when they are unset,
 * and says so at start.
 */
final class LocalAllowLists {
    static final List<String> SETTINGS = List.of(AllowedWorkspaces.SETTING, AllowedTenants.SETTING);

    private LocalAllowLists() {
    }

    /** The settings with {@code *} for each list left unset or empty, each told on {@code warnings}. */
    static Settings anyWhenUnset(Settings settings, PrintStream warnings) {
        Settings opened = settings;
        for (String name : SETTINGS) {
            if (settings.get(name).isEmpty()) {
                warnings.println("ciment: " + name + " is not set: this local runner serves any (" + AllowList.ANY
                        + "); a deployment must list who it serves.");
                opened = opened.with(name, AllowList.ANY);
            }
        }
        return opened;
    }
}
