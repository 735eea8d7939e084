package ciment.infra.dynamo;

import static ciment.infra.dynamo.Keys.s;

import ciment.core.i18n.Language;
import ciment.core.model.Channel;
import ciment.core.model.Link;
import ciment.core.model.Slug;
import ciment.core.port.Links;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Linked channels: the link beside its community ({@code C#<community>} / {@code LINK#<channel>}), so that a
 * community's channels are one query, and the channel's claim ({@code CHAN#<channel>} / {@code CHAN}), so that
 * a message arriving in a channel finds its community with one read and a channel shows one community at
 * most. Both are written together, or neither.
 */
record DynamoLinks(Table table) implements Links {
    static final String LINK = "links.link";
    static final String UNLINK = "links.unlink";
    static final String LANGUAGE = "links.language";
    /** The language of the copies, on both items (absent: the deployment's). */
    static final String LANGUAGE_ATTRIBUTE = "language";
    static final String FIND = "links.find";
    static final String LIST = "links.list";
    static final String LINK_PREFIX = "LINK#";
    static final String CLAIM_PREFIX = "CHAN#";
    static final String CLAIM = "CHAN";

    @Override
    public boolean link(Link link) {
        Map<String, AttributeValue> claim = new HashMap<>(item(link));
        claim.putAll(claimKey(link.channel()));
        Map<String, AttributeValue> beside = new HashMap<>(item(link));
        beside.putAll(linkKey(link.communityId(), link.channel()));
        return table.transact(LINK, List.of(Write.putNew(table.name(), claim), Write.putNew(table.name(), beside)))
                .committed();
    }

    @Override
    public boolean unlink(Link link) {
        long size = ItemSizes.of(item(link)) + 100;
        return table.transact(UNLINK, List.of(
                Write.deleteKey(table.name(), claimKey(link.channel()), "attribute_exists(pk)", size, false),
                Write.deleteKey(table.name(), linkKey(link.communityId(), link.channel()), null, size, false)))
                .committed();
    }

    /** Both items, only while the channel is linked to the link's community (not unlinked, nor linked elsewhere). */
    @Override
    public boolean setLanguage(Link link) {
        long size = ItemSizes.of(item(link)) + 100;
        String update = link.language().isPresent() ? "SET #language = :language" : "REMOVE #language";
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":community", s(link.communityId())));
        link.language().ifPresent(language -> values.put(":language", s(language.code())));
        Map<String, String> names = Map.of("#language", LANGUAGE_ATTRIBUTE, "#community", "communityId");
        String condition = "#community = :community";
        return table.transact(LANGUAGE, List.of(
                Write.update(table.name(), claimKey(link.channel()), update, condition, names, values, size, false),
                Write.update(table.name(), linkKey(link.communityId(), link.channel()), update, condition, names,
                        values, size, false))).committed();
    }

    /** Eventually consistent: a channel is linked once, long before most of its messages. */
    @Override
    public Optional<Link> linkOf(Channel channel) {
        return table.get(FIND, claimKey(channel), false).map(DynamoLinks::link);
    }

    @Override
    public List<Link> links(String communityId) {
        return table.queryAll(LIST, q -> q
                        .keyConditionExpression("pk = :community AND begins_with(sk, :link)")
                        .expressionAttributeValues(Map.of(":community", s(Keys.community(communityId)),
                                ":link", s(LINK_PREFIX)))
                        .consistentRead(false))
                .stream().map(DynamoLinks::link).toList();
    }

    private static Map<String, AttributeValue> claimKey(Channel channel) {
        return Keys.key(CLAIM_PREFIX + channel.key(), CLAIM);
    }

    private static Map<String, AttributeValue> linkKey(String communityId, Channel channel) {
        return Keys.key(Keys.community(communityId), LINK_PREFIX + channel.key());
    }

    private static Map<String, AttributeValue> item(Link link) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("communityId", s(link.communityId()));
        item.put("slug", s(link.slug().value()));
        item.put("platform", s(link.channel().platform().key()));
        item.put("workspace", s(link.channel().workspace()));
        item.put("channel", s(link.channel().id()));
        item.put("channelName", s(link.channel().name()));
        if (link.channel().serviceUrl() != null) {
            item.put("serviceUrl", s(link.channel().serviceUrl()));
        }
        item.put("linkedBy", s(link.linkedBy()));
        link.language().ifPresent(language -> item.put(LANGUAGE_ATTRIBUTE, s(language.code())));
        item.put(Items.AT, s(link.at().toString()));
        return item;
    }

    private static Link link(Map<String, AttributeValue> item) {
        Channel channel = new Channel(Items.platform(Items.str(item, "platform")), Items.str(item, "workspace"),
                Items.str(item, "channel"), Items.optional(item, "channelName").orElse(null),
                Items.optional(item, "serviceUrl").orElse(null));
        return new Link(Items.str(item, "communityId"), new Slug(Items.str(item, "slug")), channel,
                Items.str(item, "linkedBy"), Instant.parse(Items.str(item, Items.AT)),
                Items.optional(item, LANGUAGE_ATTRIBUTE).flatMap(Language::ofTag));
    }
}
