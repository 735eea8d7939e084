package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ciment.core.config.Settings;
import ciment.infra.dynamo.CapacityMeter.Source;
import ciment.infra.dynamo.CapacityMeter.Units;
import ciment.infra.dynamo.CapacityMeter.Usage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityMeterTest {

    @Test
    void forSettings_withAnEndpointOverride_trustsComputedUnits_elseReportedOnes() {
        assertEquals(Source.COMPUTED, CapacityMeter.forSettings(Settings.of(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000")))
                .source());
        assertEquals(Source.REPORTED, CapacityMeter.forSettings(Settings.of(Map.of())).source());
    }

    @Test
    void record_sumsRequestsAndUnitsPerOperation_andOverall() {
        CapacityMeter meter = new CapacityMeter(Source.COMPUTED);

        meter.record("posts.add", Units.write(1), Units.write(2));
        meter.record("posts.add", Units.write(1), Units.write(3));
        meter.record("posts.latest", Units.read(1), Units.read(0.5));

        assertEquals(new Usage(2, Units.write(2), Units.write(5)), meter.usage("posts.add"));
        assertEquals(new Usage(3, new Units(1, 2), new Units(0.5, 5)), meter.total());
        assertEquals(new Units(0.5, 5), meter.units());
        assertEquals(Usage.NONE, meter.usage("people.find"));
    }

    @Test
    void units_followTheMetersSource() {
        CapacityMeter onAws = new CapacityMeter(Source.REPORTED);
        onAws.record("posts.add", Units.write(2), Units.write(3));

        assertEquals(Units.write(2), onAws.units());
    }

    @Test
    void snapshot_isSortedByOperation_andDoesNotChangeAfterwards() {
        CapacityMeter meter = new CapacityMeter(Source.COMPUTED);
        meter.record("posts.latest", Units.read(1), Units.read(1));
        meter.record("communities.join", Units.write(1), Units.write(6));

        Map<String, Usage> snapshot = meter.snapshot();
        meter.reset();

        assertEquals(List.of("communities.join", "posts.latest"), List.copyOf(snapshot.keySet()));
        assertEquals(Usage.NONE, meter.total());
        assertThrows(UnsupportedOperationException.class, () -> snapshot.put("x", Usage.NONE));
    }
}
