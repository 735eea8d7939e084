package ciment.core.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ciment.core.Refusal;
import ciment.core.model.Slug;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedCommandTest {

    @Test
    void feed_withOrWithoutSlug_takesTheMoreWordAsCursor() {
        assertEquals(new Command.Feed(Optional.empty(), Optional.of("a1_b-2")), CommandParser.parse("feed more:a1_b-2"));
        assertEquals(new Command.Feed(Optional.of(new Slug("abc")), Optional.of("xyz")),
                CommandParser.parse("feed abc more:xyz"));
        assertEquals(new Command.Feed(Optional.of(new Slug("abc")), Optional.empty()), CommandParser.parse("feed abc"));
    }

    @Test
    void feed_withMoreWords_isRefused() {
        assertThrows(Refusal.class, () -> CommandParser.parse("feed abc def"));
        assertThrows(Refusal.class, () -> CommandParser.parse("feed abc more:"));
        assertThrows(Refusal.class, () -> CommandParser.parse("feed abc more:x more:y"));
    }
}
