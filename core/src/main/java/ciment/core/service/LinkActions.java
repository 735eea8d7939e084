package ciment.core.service;

import ciment.core.model.Caller;
import ciment.core.model.Channel;
import ciment.core.model.Community;
import ciment.core.model.Link;
import ciment.core.model.Person;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import ciment.core.port.Communities;
import ciment.core.port.Links;
import ciment.core.reply.Reply;
import java.util.List;
import java.util.stream.Collectors;

/** Stewards link channels to their community: its posts appear there, and messages there become its posts. */
public final class LinkActions {
    private final Communities communities;
    private final Links links;
    private final CommunityActions communityActions;

    LinkActions(Communities communities, Links links, CommunityActions communityActions) {
        this.communities = communities;
        this.links = links;
        this.communityActions = communityActions;
    }

    public Reply link(Person steward, Caller caller, Slug slug) {
        Channel channel = channelOf(caller, "link " + slug);
        Community community = CommunityActions.writable(communityActions.stewardedBy(steward, slug, "link channels to it"));
        links.linkOf(channel).ifPresent(existing -> {
            throw new Refusal(existing.slug().equals(slug)
                    ? channel.label() + " is already linked to " + slug + "."
                    : channel.label() + " is linked to " + existing.slug() + ": a channel shows one community, so a"
                            + " steward of " + existing.slug() + " unlinks it first (unlink, sent here).");
        });
        Link link = new Link(community.id(), slug, channel, steward.id(), caller.at());
        if (!links.link(link)) {
            throw new Refusal(channel.label() + " was linked to a community meanwhile: links " + slug + " shows "
                    + slug + "'s channels.");
        }
        return new Reply.Done("Linked " + channel.label() + " to " + slug + ": its posts appear here, and messages"
                + " written here become its posts, on every tool it is linked to.");
    }

    public Reply unlink(Person steward, Caller caller) {
        Channel channel = channelOf(caller, "unlink");
        Link link = links.linkOf(channel)
                .orElseThrow(() -> new Refusal(channel.label() + " is not linked to any community: nothing to unlink."));
        communityActions.stewardedBy(steward, link.slug(), "unlink its channels");
        if (!links.unlink(link)) {
            throw new Refusal(channel.label() + " was unlinked meanwhile.");
        }
        return new Reply.Done("Unlinked " + channel.label() + " from " + link.slug() + ": its posts no longer appear"
                + " here, and messages here stay here.");
    }

    public Reply links(Person person, Slug slug) {
        Community community = communityActions.readableBy(person, slug);
        List<Link> linked = links.links(community.id());
        if (linked.isEmpty()) {
            return new Reply.Done(slug + " is linked to no channel yet: a steward sends link " + slug
                    + " in a channel to link it.");
        }
        return new Reply.Done(slug + " is linked to " + linked.stream().map(link -> link.channel().label())
                .collect(Collectors.joining(", ")) + ".");
    }

    private static Channel channelOf(Caller caller, String command) {
        if (caller.channel() == null) {
            throw new Refusal(command + " works in a channel (with Ciment added to it), not in a direct message:"
                    + " send it there.");
        }
        return caller.channel();
    }
}
