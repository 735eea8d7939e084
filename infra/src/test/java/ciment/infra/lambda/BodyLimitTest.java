package ciment.infra.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BodyLimitTest {
    private final BodyLimit limit = new BodyLimit(100);

    @Test
    void base64Body_isCountedAsTheBytesItDecodesTo_paddedOrNot() {
        for (int size = 0; size <= 12; size++) {
            byte[] sent = new byte[size];
            assertEquals(size, BodyLimit.sentBytes(Base64.getEncoder().encodeToString(sent), true), "padded " + size);
            assertEquals(size, BodyLimit.sentBytes(Base64.getEncoder().withoutPadding().encodeToString(sent), true),
                    "unpadded " + size);
        }
    }

    @Test
    void bodyAtTheBound_isAdmitted_andOneByteMore_isNot_whateverItsEncoding() {
        String at = "é".repeat(50);
        String over = at + "x";

        assertTrue(limit.admits(at, false), "100 bytes of UTF-8, 50 characters");
        assertFalse(limit.admits(over, false));
        assertTrue(limit.admits(Base64.getEncoder().encodeToString(at.getBytes(StandardCharsets.UTF_8)), true));
        assertFalse(limit.admits(Base64.getEncoder().encodeToString(over.getBytes(StandardCharsets.UTF_8)), true));
        assertTrue(limit.admits(null, false), "no body");
    }

    @Test
    void event_isReadNoFurtherThanAnAdmissibleBodyCouldMakeIt() throws IOException {
        byte[] largest = new byte[limit.maxEventBytes()];

        assertEquals(largest.length, limit.readEvent(new ByteArrayInputStream(largest)).orElseThrow().length);
        assertTrue(limit.readEvent(new ByteArrayInputStream(new byte[largest.length + 1])).isEmpty());
        assertEquals(136 + BodyLimit.ENVELOPE_BYTES, limit.maxEventBytes(), "100 bytes are 136 in base64");
    }
}
