package ciment.core.command;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import ciment.core.i18n.Message;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import java.util.List;
import java.util.Optional;

/** Channels linked to a community: their messages become its posts, its posts appear there. */
public final class ChannelVerbs {

    /** {@code link <slug>}: a steward links the channel the command is sent in. */
    public record LinkChannel(Slug slug) implements Command {
    }

    /** {@code unlink}: a steward unlinks the channel the command is sent in. */
    public record UnlinkChannel() implements Command {
    }

    /** {@code links <slug>}: the channels linked to a community. */
    public record Links(Slug slug) implements Command {
    }

    /**
     * {@code channel-language <code>|default}: a steward sets the language of what Ciment writes on the copies of
     * posts in the channel the command is sent in; empty: the deployment's.
     */
    public record ChannelLanguage(Optional<Language> language) implements Command {
    }

    /** What a steward types for the deployment's language. */
    static final String DEFAULT = "default";

    static final List<Verb<?>> VERBS = List.of(
            Verb.typed(LinkChannel.class, "link", "link <slug>", Verb.WITH_EXAMPLE,
                    words -> new LinkChannel(words.only()),
                    (a, me, c) -> a.links().link(me.person(), me.caller(), c.slug())),
            Verb.typed(UnlinkChannel.class, "unlink", "unlink", Verb.NO_EXAMPLE,
                    words -> {
                        words.none(Message.of("core.unlink.extra"));
                        return new UnlinkChannel();
                    },
                    (a, me, c) -> a.links().unlink(me.person(), me.caller())),
            Verb.typed(Links.class, "links", "links <slug>", Verb.WITH_EXAMPLE,
                    words -> new Links(words.only()),
                    (a, me, c) -> a.links().links(me.person(), c.slug())),
            Verb.typed(ChannelLanguage.class, "channel-language", "channel-language <code>|" + DEFAULT, Verb.WITH_EXAMPLE,
                    words -> new ChannelLanguage(language(words.rest(), words.example())),
                    (a, me, c) -> a.links().language(me.person(), me.caller(), c.language())));

    /** A language Ciment speaks, by its code or tag ("fr", "fr-FR"), or {@link #DEFAULT} (empty). */
    private static Optional<Language> language(String said, Message example) {
        String spoken = Catalogue.spokenCodes();
        if (said.isEmpty()) {
            throw new Refusal(Message.of("core.channelLanguage.missing", spoken, example));
        }
        if (said.equalsIgnoreCase(DEFAULT)) {
            return Optional.empty();
        }
        return Optional.of(Catalogue.spoken(said).orElseThrow(() -> new Refusal(
                Message.of("core.channelLanguage.unknown", Message.verbatim(said), spoken, example))));
    }

    private ChannelVerbs() {
    }
}
