package ciment.infra.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.core.config.Settings;
import ciment.core.cost.Meter;
import ciment.core.cost.UsageDay;
import ciment.infra.dynamo.CapacityMeter;
import ciment.infra.dynamo.DynamoRepositories;
import ciment.infra.dynamo.DynamoUsage;
import ciment.infra.metering.UsageMeter;
import ciment.infra.testing.MotoTables;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The frame every function runs in: its counting before the meter is made, its init billed once, its invocations. */
class LambdaFrameTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private static final YearMonth MONTH = YearMonth.of(2026, 11);

    private final String name = MotoTables.create("frame");
    private final CapacityMeter capacity = new CapacityMeter(CapacityMeter.Source.COMPUTED);
    private final DynamoUsage usage = DynamoRepositories.create(MotoTables.CLIENT, name, capacity).usage();
    private final LambdaFrame frame = new LambdaFrame(Settings.of(Map.of()));

    private BigDecimal platform(Meter meter) {
        return usage.monthOf(UsageDay.PLATFORM, MONTH).stream().map(day -> day.quantity(meter))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void callsCountedWhileTheMeterIsStillBeingMade_countInTheFirstInvocation_eachOnce() {
        CompletableFuture<UsageMeter> meter = new CompletableFuture<>();
        Runnable slackCall = frame.counting(Meter.SLACK_CALLS);
        slackCall.run(); // Bolt's checks while the store starts
        frame.started(meter, () -> { }, List.of());
        slackCall.run();
        meter.complete(UsageMeter.attachedTo(capacity, MotoTables.CLIENT, name, CLOCK));

        frame.request(null, timeLeft -> {
            slackCall.run();
            return null;
        });
        frame.request(null, timeLeft -> null);

        assertEquals(0, new BigDecimal("3").compareTo(platform(Meter.SLACK_CALLS)), "two at init, one in the request");
        assertEquals(0, new BigDecimal("2").compareTo(platform(Meter.API_REQUESTS)));
        assertEquals(0, new BigDecimal("2").compareTo(platform(Meter.LAMBDA_REQUESTS)));
    }

    @Test
    void aBatch_isGivenTheTimeLambdaLeavesIt_andCountsAsAStreamRequest() {
        frame.started(UsageMeter.attachedTo(capacity, MotoTables.CLIENT, name, CLOCK), () -> { }, List.of());

        Object left = frame.batch(null, timeLeft -> timeLeft);

        assertEquals(null, left, "no context: no bound");
        assertEquals(0, BigDecimal.ONE.compareTo(platform(Meter.STREAM_REQUESTS)));
        assertEquals(0, BigDecimal.ZERO.compareTo(platform(Meter.API_REQUESTS)));
    }
}
