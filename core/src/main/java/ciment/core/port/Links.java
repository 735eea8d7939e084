package ciment.core.port;

import ciment.core.model.Channel;
import ciment.core.model.Link;
import java.util.List;
import java.util.Optional;

/** Which channels are linked to which community: a channel is linked to one community at most. */
public interface Links {

    /** Links the channel; false (nothing written) when the channel is linked already, here or elsewhere. */
    boolean link(Link link);

    /** Takes the link away; false when it was not there (any more). */
    boolean unlink(Link link);

    /**
     * Keeps the language of the link's copies ({@link Link#language}, empty: the deployment's); false (nothing
     * written) when the channel is not linked to the link's community (any more).
     */
    boolean setLanguage(Link link);

    /** The community a channel is linked to. */
    Optional<Link> linkOf(Channel channel);

    /** A community's linked channels, on every tool. */
    List<Link> links(String communityId);
}
