package ciment.core.testing;

import ciment.core.model.Channel;
import ciment.core.model.Link;
import ciment.core.port.Links;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Channels linked to communities, in memory: one community per channel. */
final class InMemoryLinks implements Links {
    private final InMemoryTable table;

    InMemoryLinks(InMemoryTable table) {
        this.table = table;
    }

    @Override
    public boolean link(Link link) {
        synchronized (table) {
            if (table.links.putIfAbsent(link.channel().key(), link) != null) {
                return false;
            }
            table.writes++;
            return true;
        }
    }

    @Override
    public boolean unlink(Link link) {
        synchronized (table) {
            if (table.links.remove(link.channel().key()) == null) {
                return false;
            }
            table.writes++;
            return true;
        }
    }

    @Override
    public boolean setLanguage(Link link) {
        synchronized (table) {
            Link linked = table.links.get(link.channel().key());
            if (linked == null || !linked.communityId().equals(link.communityId())) {
                return false;
            }
            table.links.put(link.channel().key(), linked.speaking(link.language()));
            table.writes++;
            return true;
        }
    }

    @Override
    public Optional<Link> linkOf(Channel channel) {
        synchronized (table) {
            return Optional.ofNullable(table.links.get(channel.key()));
        }
    }

    @Override
    public List<Link> links(String communityId) {
        synchronized (table) {
            return table.links.values().stream().filter(l -> l.communityId().equals(communityId))
                    .sorted(Comparator.comparing(l -> l.channel().key())).toList();
        }
    }
}
