package ciment.core.command;

import ciment.core.i18n.Message;
import ciment.core.model.Slug;
import java.util.List;

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
                    (a, me, c) -> a.links().links(me.person(), c.slug())));

    private ChannelVerbs() {
    }
}
