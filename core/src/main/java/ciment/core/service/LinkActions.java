package ciment.core.service;

import ciment.core.i18n.Language;
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
import java.util.Optional;

/**
 * Stewards link channels to their community: its posts appear there, and messages there become its posts.
 *
 * @param deployment the deployment's language (CIMENT_DEFAULT_LANGUAGE): a channel's copies are said in it by default
 */
public record LinkActions(Communities communities, Links links, CommunityActions communityActions,
        Language deployment) {
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

    /**
     * A steward sets the language of what Ciment writes on the copies of posts in the channel the command is sent
     * in (who wrote them and where, "removed", replies); empty: the deployment's. The posts' words stay as written.
     */
    public Reply language(Person steward, Caller caller, Optional<Language> language) {
        Channel channel = channelOf(caller, "channel-language");
        Link link = links.linkOf(channel)
                .orElseThrow(() -> new Refusal(Message.of("core.channelLanguage.notLinked", channel.labelMessage())));
        communityActions.stewardedBy(steward, link.slug(), Message.of("core.action.channelLanguage"));
        if (!links.setLanguage(link.speaking(language))) {
            throw new Refusal(Message.of("core.unlink.meanwhile", channel.labelMessage()));
        }
        return new Reply.Done(language.isPresent()
                ? Message.of("core.channelLanguage.done", channel.labelMessage(), nameOf(language.get()))
                : Message.of("core.channelLanguage.default", channel.labelMessage(), nameOf(deployment)));
    }

    public Reply links(Person person, Slug slug) {
        Community community = communityActions.readableBy(person, slug);
        List<Link> linked = links.links(community.id());
        if (linked.isEmpty()) {
            return new Reply.Done(Message.of("core.links.none", slug));
        }
        return new Reply.Done(Message.of("core.links.some", slug, Listing.commas(
                linked.stream().map(LinkActions::shown).toList())));
    }

    /** A linked channel as listed: its name, and the language its stewards set for it (none: the deployment's). */
    private static Message shown(Link link) {
        return link.language().map(language -> Message.of("core.links.channelIn", link.channel().labelMessage(),
                nameOf(language))).orElse(link.channel().labelMessage());
    }

    private static Message nameOf(Language language) {
        return Message.of("language.name." + language.code());
    }

    private static Channel channelOf(Caller caller, String command) {
        if (caller.channel() == null) {
            throw new Refusal(Message.of("core.link.notInChannel", command));
        }
        return caller.channel();
    }
}
