package ciment.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.Text;
import org.junit.jupiter.api.Test;

/** The samples the tools' drawings are checked with cover every kind of answer, at the commands' limits. */
class ReplySamplesTest {

    @Test
    void everyKindOfReply_hasSamples_soThatANewKindIsCheckedByEveryTool() {
        assertEquals(ReplySamples.everyKind(), ReplySamples.kinds(), "add samples of the new kind to ReplySamples.all()");
    }

    @Test
    void worstPost_isAsLongAsAPostMayBe_inCharactersOfFourUtf8Bytes() {
        assertEquals(Text.POST_MAX, Text.length(ReplySamples.WORST_POST));
        assertTrue(ReplySamples.WORST_POST.startsWith("🧱"));
        ReplySamples.HOSTILE.forEach(hostile -> assertTrue(ReplySamples.WORST_POST.contains(hostile), hostile));
    }
}
