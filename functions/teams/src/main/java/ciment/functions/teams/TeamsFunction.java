package ciment.functions.teams;

import ciment.core.PeopleSearch;
import ciment.core.config.Settings;
import ciment.core.cost.Meter;
import ciment.infra.lambda.FunctionTable;
import ciment.infra.lambda.LambdaFrame;
import ciment.teams.TeamsApp;
import ciment.teams.inbound.CimentBot;
import ciment.teams.outbound.TeamsCopies;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/**
 * Lambda entry for Bot Framework activities (API Gateway HTTP API, payload 2.0), as template.yaml names it: through
 * {@link TeamsGateway} to the Bot Framework adapter and Ciment. One instance per container: the store, the signing
 * keys and the outbound token are made once, on background threads started here, while the adapter loads.
 */
public final class TeamsFunction implements RequestStreamHandler {
    final LambdaFrame frame;
    private final TeamsGateway gateway;

    /**
     * For Lambda: reads the environment, with the secret that template.yaml names by ARN
     * (MICROSOFT_APP_PASSWORD_ARN) read first, and refuses to start without MICROSOFT_APP_ID.
     */
    public TeamsFunction() {
        this(LambdaFrame.fromEnvironment(), false);
    }

    /** @param allowUnauthenticated only for the local runner: see {@link TeamsApp#configured} */
    public TeamsFunction(Settings settings, boolean allowUnauthenticated) {
        this(new LambdaFrame(settings), allowUnauthenticated);
    }

    private TeamsFunction(LambdaFrame frame, boolean allowUnauthenticated) {
        this.frame = frame;
        Settings settings = frame.settings();
        TeamsApp app = TeamsApp.configured(settings, allowUnauthenticated);
        FunctionTable table = FunctionTable.starting(settings);
        Clock clock = Clock.systemUTC();
        // A single-tenant bot's own organisation: people of any other tenant take part as guests.
        this.gateway = new TeamsGateway(app.start(clock, frame.counting(Meter.TEAMS_CALLS), () -> new CimentBot(
                table.ciment().join(), new PeopleSearch(table.store().people()), new TeamsCopies(table.store().messageCopies()), clock,
                settings.get("MICROSOFT_APP_TENANT_ID"))));
        frame.started(table.budgetedUsage(), table::prime, TeamsGateway.REQUEST_CLASSES);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        frame.request(context, timeLeft -> gateway.handle(input, output));
    }
}
