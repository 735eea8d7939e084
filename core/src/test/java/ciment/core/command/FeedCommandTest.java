package ciment.core.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedCommandTest {

    @Test
    void feed_withOrWithoutSlug_takesTheMoreWordAsCursor() {
        assertEquals(new ConversationVerbs.Feed(Optional.empty(), Optional.of("a1_b-2")), Verbs.parse("feed more:a1_b-2"));
        assertEquals(new ConversationVerbs.Feed(Optional.of(new Slug("abc")), Optional.of("xyz")),
                Verbs.parse("feed abc more:xyz"));
        assertEquals(new ConversationVerbs.Feed(Optional.of(new Slug("abc")), Optional.empty()), Verbs.parse("feed abc"));
    }

    @Test
    void feed_withMoreWords_isRefused() {
        assertThrows(Refusal.class, () -> Verbs.parse("feed abc def"));
        assertThrows(Refusal.class, () -> Verbs.parse("feed abc more:"));
        assertThrows(Refusal.class, () -> Verbs.parse("feed abc more:x more:y"));
    }
}
