package ciment.core.command;

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
            Verb.typed(LinkChannel.class, "link", "link <slug>", "data-guild",
                    "steward: link this channel; its messages become posts, the posts appear here",
                    words -> new LinkChannel(words.only()),
                    (a, me, c) -> a.links().link(me.person(), me.caller(), c.slug())),
            Verb.typed(UnlinkChannel.class, "unlink", "unlink", "", "steward: unlink this channel",
                    words -> {
                        words.none("unlink takes nothing more: send unlink alone, in the channel to unlink.");
                        return new UnlinkChannel();
                    },
                    (a, me, c) -> a.links().unlink(me.person(), me.caller())),
            Verb.typed(Links.class, "links", "links <slug>", "data-guild", "the channels linked to a community",
                    words -> new Links(words.only()),
                    (a, me, c) -> a.links().links(me.person(), c.slug())));

    private ChannelVerbs() {
    }
}
