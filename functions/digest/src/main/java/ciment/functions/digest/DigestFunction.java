package ciment.functions.digest;

import ciment.core.config.DefaultLanguage;
import ciment.core.config.Settings;
import ciment.core.service.DigestRun;
import ciment.infra.lambda.FunctionTable;
import ciment.infra.lambda.LambdaFrame;
import ciment.infra.metering.UsageMeter;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Lambda entry of the digest, as template.yaml names it: its daily schedule (EventBridge's scheduled event, whose
 * content says nothing the run needs) runs {@link DigestRun} once, which writes each due person's digest to the
 * outbox; the delivery functions send them, paced for each tool. Metered like every function: the communities'
 * partitions it reads are theirs, and the rest (its Lambda time, the recipients' items, the outbox writes) is shared
 * among the communities the digests showed, in proportion to how many times each was shown.
 */
public final class DigestFunction implements RequestStreamHandler {
    static final List<String> REQUEST_CLASSES = List.of("ciment.core.service.DigestText", "ciment.core.service.Digest");

    final LambdaFrame frame;
    private final CompletableFuture<DigestRun> run;

    /** For Lambda: the environment. */
    public DigestFunction() {
        this(LambdaFrame.fromEnvironment(), Clock.systemUTC());
    }

    /** On settings of its own (the local runner, tests). */
    public DigestFunction(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    public DigestFunction(Settings settings, Clock clock) {
        this(new LambdaFrame(settings), clock);
    }

    private DigestFunction(LambdaFrame frame, Clock clock) {
        this.frame = frame;
        FunctionTable table = FunctionTable.starting(frame.settings());
        var fallback = DefaultLanguage.fromSettings(frame.settings());
        this.run = CompletableFuture.supplyAsync(table::store).thenApply(store -> new DigestRun(store, clock, fallback));
        frame.started(table.usage(clock), table::prime, REQUEST_CLASSES);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes(); // the scheduled event: its time is the clock's, its content nothing the run needs
        DigestRun.Outcome outcome = run(context);
        output.write(("{\"due\":" + outcome.due() + ",\"sent\":" + outcome.sent() + ",\"communities\":"
                + outcome.shown().size() + "}").getBytes(StandardCharsets.UTF_8));
    }

    /** One metered run (null context: the local runner's, the bench's), and what it did. */
    public DigestRun.Outcome run(Context context) {
        return frame.invoke(context, UsageMeter.Trigger.OTHER, timeLeft -> {
            DigestRun.Outcome done = run.join().run();
            frame.usageMeter().inProportion(done.shown());
            return done;
        });
    }
}
