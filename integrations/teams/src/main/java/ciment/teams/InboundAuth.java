package ciment.teams;

import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.Activity;

/** Decides whether an inbound activity really comes from the Bot Connector for this bot. */
public interface InboundAuth {

    /** The caller's identity, or Unauthorized with the reason (for logs; the HTTP answer is a bare 401). */
    ClaimsIdentity authenticate(String authorizationHeader, Activity activity) throws Unauthorized;

    /**
     * Accepts every activity without a token, as the Bot Framework Emulator sends them when the bot
     * has no app id. Only the local runner may choose this.
     */
    static InboundAuth unauthenticated() {
        return (header, activity) -> new ClaimsIdentity(AuthenticationConstants.ANONYMOUS_AUTH_TYPE);
    }
}
