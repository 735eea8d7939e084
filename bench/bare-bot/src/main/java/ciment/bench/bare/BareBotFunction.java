package ciment.bench.bare;

import ciment.teams.auth.ClientCredentials;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * The smallest Bot Framework bot that works here: the SDK's adapter validates the token itself
 * (against the same fake OpenID metadata) and echoes the text back through the Bot Connector.
 * Outbound tokens come from a plain client-credentials request, as MSAL cannot reach a fake endpoint.
 */
public class BareBotFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final BotFrameworkAdapter adapter;
    private final ActivityHandler echo = new ActivityHandler() {
        @Override
        protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
            return turn.sendActivity(MessageFactory.text("echo: " + turn.getActivity().getText())).thenApply(sent -> null);
        }
    };

    public BareBotFunction() {
        String appId = System.getenv("MICROSOFT_APP_ID");
        String password = System.getenv("MICROSOFT_APP_PASSWORD");
        URI tokenEndpoint = URI.create(System.getenv("MICROSOFT_OAUTH_ENDPOINT"));
        ChannelValidation.setOpenIdMetaDataUrl(System.getenv("BOTFRAMEWORK_OPENID_METADATA_URL"));
        adapter = new BotFrameworkAdapter(new SimpleCredentialProvider(appId, password)) {
            @Override
            protected CompletableFuture<AppCredentials> buildAppCredentials(String botAppId, String scope) {
                return CompletableFuture.completedFuture(new ClientCredentials(botAppId, password, tokenEndpoint,
                        Clock.systemUTC()));
            }
        };
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            Activity activity = Serialization.treeToValue(Serialization.jsonToTree(event.getBody()), Activity.class);
            adapter.processActivity(event.getHeaders().get("authorization"), activity, echo::onTurn).join();
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
