package ciment.functions.teamsdelivery;

import ciment.core.config.Settings;
import ciment.core.cost.Meter;
import ciment.delivery.DeadLetters;
import ciment.delivery.Deliveries;
import ciment.infra.lambda.DeliveryTable;
import ciment.infra.lambda.LambdaFrame;
import ciment.teams.auth.AllowedTenants;
import ciment.teams.auth.ClientCredentials;
import ciment.teams.outbound.TeamsSenders;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Clock;

/**
 * The Teams delivery Lambda function, as template.yaml names it: {@link Deliveries} of notices (proactive messages)
 * and copies of posts (cards naming their authors) through the Bot Connector, into CIMENT_TEAMS_ALLOWED_TENANTS only.
 * The table's client, the Bot Connector clients and the bot's token are kept per container.
 */
public final class TeamsDeliveryFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    final LambdaFrame frame;
    private final Deliveries deliveries;

    /** Lambda's entry: the environment, with the app password that template.yaml names by ARN read first. */
    public TeamsDeliveryFunction() {
        this(LambdaFrame.fromEnvironment(), false, Clock.systemUTC());
    }

    /** @param allowUnauthenticated only for the local runner: without MICROSOFT_APP_ID, send without a token */
    public TeamsDeliveryFunction(Settings settings, boolean allowUnauthenticated) {
        this(new LambdaFrame(settings), allowUnauthenticated, Clock.systemUTC());
    }

    /** @param clock when claims of copies are made and found lapsed (tests: an attempt that stopped long ago) */
    TeamsDeliveryFunction(LambdaFrame frame, boolean allowUnauthenticated, Clock clock) {
        this.frame = frame;
        Settings settings = frame.settings();
        ClientCredentials credentials = ClientCredentials.forSending(settings, clock, allowUnauthenticated);
        AllowedTenants tenants = AllowedTenants.fromSettings(settings); // none listed: nothing starts
        DeliveryTable table = DeliveryTable.of(frame, clock);
        this.deliveries = new Deliveries(table.delivery(TeamsSenders.of(settings, credentials, table.store().personalRecords(),
                table.store().messageCopies(), frame.counting(Meter.TEAMS_CALLS))), table::notice, table::post,
                DeadLetters.fromSettings(settings, "ciment-teams-delivery", table.deadLetters()))
                .servingOnly(tenants::allows).meteredBy(table.usage()::within);
        frame.started(table.usage(), table::prime, Deliveries.REQUEST_CLASSES);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return frame.batch(context, timeLeft -> deliveries.handle(event, timeLeft));
    }
}
