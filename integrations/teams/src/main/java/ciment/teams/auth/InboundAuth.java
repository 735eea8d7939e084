package ciment.teams.auth;

import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.Activity;

/** Decides whether an inbound activity really comes from the Bot Connector for this bot, and from Teams. */
public interface InboundAuth {
    /** The Bot Connector's channel id of Microsoft Teams. */
    String TEAMS = "msteams";

    /** The caller's identity, or Unauthorized with the reason (for logs; the HTTP answer is a bare 401). */
    ClaimsIdentity authenticate(String authorizationHeader, Activity activity) throws Unauthorized;

    /**
     * Whether activities of this Bot Connector channel are served: Teams only. A key the Bot Connector endorses for
     * Direct Line or Web Chat makes a genuine token there too, but those channels let their caller claim any user
     * and tenant: served as Teams, they would make anybody anyone.
     */
    default boolean serves(String channelId) {
        return TEAMS.equals(channelId);
    }

    /**
     * Accepts every activity without a token, as the Bot Framework Emulator sends them when the bot
     * has no app id (channel "emulator"). Only the local runner may choose this.
     */
    static InboundAuth unauthenticated() {
        return new InboundAuth() {
            @Override
            public ClaimsIdentity authenticate(String authorizationHeader, Activity activity) {
                return new ClaimsIdentity(AuthenticationConstants.ANONYMOUS_AUTH_TYPE);
            }

            @Override
            public boolean serves(String channelId) {
                return true;
            }
        };
    }
}
