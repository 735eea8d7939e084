package ciment.functions.teamsdelivery;

import ciment.core.config.DefaultLanguage;
import ciment.core.config.Settings;
import ciment.core.cost.Meter;
import ciment.core.port.Pacing;
import ciment.core.port.Senders;
import ciment.functions.deliveryframe.DeliveryFrame;
import ciment.infra.lambda.DeliveryTable;
import ciment.infra.lambda.LambdaFrame;
import ciment.teams.auth.AllowedTenants;
import ciment.teams.auth.ClientCredentials;
import ciment.teams.outbound.TeamsCalls;
import ciment.teams.outbound.TeamsMirrorSender;
import ciment.teams.outbound.TeamsNoticeSender;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Clock;
import java.time.Duration;

/** The Teams delivery function: a {@link DeliveryFrame} sending through the Bot Connector, to allowed tenants only. */
public final class TeamsDeliveryFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    /** At most 7 sends a second into one Teams conversation: one turn every 150 ms, notices and copies alike. */
    static final Duration SEND_INTERVAL = Duration.ofMillis(150);
    final DeliveryFrame frame;

    /** Lambda's entry: the environment, the app password template.yaml names by ARN read first. */
    public TeamsDeliveryFunction() {
        this(LambdaFrame.fromEnvironment(), false, Clock.systemUTC());
    }

    /** @param allowUnauthenticated only for the local runner: without MICROSOFT_APP_ID, send without a token */
    public TeamsDeliveryFunction(Settings settings, boolean allowUnauthenticated) {
        this(new LambdaFrame(settings), allowUnauthenticated, Clock.systemUTC());
    }

    /** @param clock when claims of copies are made and found lapsed (tests: an attempt that stopped long ago) */
    TeamsDeliveryFunction(LambdaFrame frame, boolean allowUnauthenticated, Clock clock) {
        Settings settings = frame.settings();
        ClientCredentials credentials = ClientCredentials.forSending(settings, clock, allowUnauthenticated);
        AllowedTenants tenants = AllowedTenants.fromSettings(settings); // none listed: nothing starts
        this.frame = DeliveryFrame.start(frame, DeliveryTable.of(frame, clock), tenants::allows, table -> {
            TeamsCalls calls = new TeamsCalls(frame.counting(Meter.TEAMS_CALLS));
            String connector = settings.get("TEAMS_SERVICE_URL", TeamsNoticeSender.PUBLIC_SERVICE_URL);
            return new Senders(new TeamsNoticeSender(credentials, connector, table.store().personalRecords(),
                    table.store().messageCopies(), Clock.systemUTC(), calls),
                    new TeamsMirrorSender(credentials, connector, calls), Pacing.every(SEND_INTERVAL),
                    DefaultLanguage.fromSettings(settings));
        });
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return frame.handle(event, context);
    }
}
