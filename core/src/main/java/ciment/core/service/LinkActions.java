package ciment.core.service;

import ciment.core.i18n.Listing;
import ciment.core.i18n.Message;
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

/** Stewards link channels to their community: its posts appear there, and messages there become its posts. */
public record LinkActions(Communities communities, Links links, CommunityActions communityActions) {
    public Reply link(Person steward, Caller caller, Slug slug) {
        Channel channel = channelOf(caller, "link " + slug);
        Community community = CommunityActions.writable(communityActions.stewardedBy(steward, slug, Message.of("core.action.linkChannels")));
        links.linkOf(channel).ifPresent(existing -> {
            throw new Refusal(existing.slug().equals(slug)
                    ? Message.of("core.link.already", channel.labelMessage(), slug)
                    : Message.of("core.link.other", channel.labelMessage(), existing.slug()));
        });
        Link link = new Link(community.id(), slug, channel, steward.id(), caller.at());
        if (!links.link(link)) {
            throw new Refusal(Message.of("core.link.meanwhile", channel.labelMessage(), slug));
        }
        return new Reply.Done(Message.of("core.link.done", channel.labelMessage(), slug));
    }

    public Reply unlink(Person steward, Caller caller) {
        Channel channel = channelOf(caller, "unlink");
        Link link = links.linkOf(channel)
                .orElseThrow(() -> new Refusal(Message.of("core.unlink.notLinked", channel.labelMessage())));
        communityActions.stewardedBy(steward, link.slug(), Message.of("core.action.unlinkChannels"));
        if (!links.unlink(link)) {
            throw new Refusal(Message.of("core.unlink.meanwhile", channel.labelMessage()));
        }
        return new Reply.Done(Message.of("core.unlink.done", channel.labelMessage(), link.slug()));
    }

    public Reply links(Person person, Slug slug) {
        Community community = communityActions.readableBy(person, slug);
        List<Link> linked = links.links(community.id());
        if (linked.isEmpty()) {
            return new Reply.Done(Message.of("core.links.none", slug));
        }
        return new Reply.Done(Message.of("core.links.some", slug, Listing.commas(
                linked.stream().map(link -> link.channel().labelMessage()).toList())));
    }

    private static Channel channelOf(Caller caller, String command) {
        if (caller.channel() == null) {
            throw new Refusal(Message.of("core.link.notInChannel", command));
        }
        return caller.channel();
    }
}
