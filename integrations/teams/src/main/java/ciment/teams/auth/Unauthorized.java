package ciment.teams.auth;

/** A request whose token does not prove it comes from the Bot Connector for this bot; the message says why. */
public final class Unauthorized extends Exception {
    Unauthorized(String reason) {
        super(reason, null, false, false);
    }

    Unauthorized(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
