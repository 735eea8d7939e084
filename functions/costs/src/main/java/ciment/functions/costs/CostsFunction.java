package ciment.functions.costs;

import ciment.core.config.Settings;
import ciment.infra.lambda.FunctionTable;
import ciment.infra.lambda.LambdaFrame;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/**
 * Lambda entry of the finance routes, as template.yaml names it: {@link CostsRoutes}' events (API Gateway's
 * {@code GET /costs} and its chart, already authorized by IAM; the daily schedule's storage measure). Metered like
 * every function; finance's reports and the storage measure are nobody's community's doing, so all of it is the
 * platform's (one flush, whatever partitions were read).
 */
public final class CostsFunction implements RequestStreamHandler {
    final LambdaFrame frame;
    final CostsRoutes routes;

    /** For Lambda: the environment. */
    public CostsFunction() {
        this(LambdaFrame.fromEnvironment(), Clock.systemUTC());
    }

    /** On settings of its own (the local runner, tests). */
    public CostsFunction(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    public CostsFunction(Settings settings, Clock clock) {
        this(new LambdaFrame(settings), clock);
    }

    private CostsFunction(LambdaFrame frame, Clock clock) {
        this.frame = frame;
        FunctionTable table = FunctionTable.starting(frame.settings());
        this.routes = new CostsRoutes(table::started, frame.settings(), clock);
        frame.started(table.usage(clock), table::prime, CostsRoutes.REQUEST_CLASSES);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        CostsRoutes.Event event = CostsRoutes.Event.read(input);
        frame.invokeForThePlatform(context, event.trigger(), timeLeft -> routes.answer(event, output));
    }
}
