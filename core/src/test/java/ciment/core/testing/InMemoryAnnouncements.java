package ciment.core.testing;

import ciment.core.model.Announcement;
import ciment.core.model.Membership;
import ciment.core.model.Notice;
import ciment.core.model.Post;
import ciment.core.port.Announcements;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Announcements in memory, their post in the shared table, their steps kept for tests to run. */
final class InMemoryAnnouncements implements Announcements {
    private final InMemoryTable table;
    private final InMemoryNotices notices;
    /** By "communityId/day". */
    private final Map<String, Announcement> announcements = new TreeMap<>();
    /** "communityId/day/personId" of each acknowledgement. */
    private final Set<String> acks = new HashSet<>();
    /** The steps kept, in order, as their arrival on the stream would run them. */
    final List<Announcement.Expansion> steps = new ArrayList<>();

    InMemoryAnnouncements(InMemoryTable table, InMemoryNotices notices) {
        this.table = table;
        this.notices = notices;
    }

    @Override
    public Made announce(Announcement announcement, Post post) {
        synchronized (table) {
            if (announcements.containsKey(announcement.reference()) || table.posts.containsKey(post.id())) {
                return Made.ALREADY_TODAY;
            }
            table.stored.accept(post);
            table.posts.put(post.id(), post);
            announcements.put(announcement.reference(), announcement);
            steps.add(new Announcement.Expansion(announcement, 0, Optional.empty()));
            table.writes += 2;
            return Made.MADE;
        }
    }

    @Override
    public Optional<Announcement> find(String communityId, LocalDate day) {
        synchronized (table) {
            return Optional.ofNullable(announcements.get(communityId + "/" + day));
        }
    }

    @Override
    public List<Announcement> latest(String communityId, int limit) {
        synchronized (table) {
            return announcements.values().stream().filter(a -> a.communityId().equals(communityId))
                    .sorted(Comparator.comparing(Announcement::day).reversed()).limit(limit).toList();
        }
    }

    @Override
    public boolean acknowledge(Announcement announcement, String personId, Instant at) {
        synchronized (table) {
            if (!acks.add(announcement.reference() + "/" + personId)) {
                return false;
            }
            announcements.computeIfPresent(announcement.reference(), (k, a) -> counted(a, 0, 1));
            table.writes += 2;
            return true;
        }
    }

    /** Counts a delivered notice of the announcement as reached (the outbox's delivered transition). */
    void reached(String reference) {
        synchronized (table) {
            announcements.computeIfPresent(reference, (k, a) -> counted(a, 1, 0));
        }
    }

    @Override
    public MemberPage members(String communityId, Optional<String> after, int limit) {
        synchronized (table) {
            List<Membership> all = table.memberships.values().stream()
                    .filter(m -> m.communityId().equals(communityId))
                    .filter(m -> after.isEmpty() || m.personId().compareTo(after.get()) > 0)
                    .sorted(Comparator.comparing(Membership::personId)).toList();
            List<Membership> page = all.subList(0, Math.min(limit, all.size()));
            return new MemberPage(page, all.size() > limit ? Optional.of(page.getLast().personId()) : Optional.empty());
        }
    }

    @Override
    public void tell(List<Notice> told) {
        told.forEach(notices::send);
    }

    @Override
    public void continueAt(Announcement.Expansion next) {
        synchronized (table) {
            if (steps.stream().noneMatch(s -> s.announcement().reference().equals(next.announcement().reference())
                    && s.page() == next.page())) {
                steps.add(next);
                table.writes++;
            }
        }
    }

    private static Announcement counted(Announcement a, int reached, int acknowledged) {
        return new Announcement(a.communityId(), a.slug(), a.day(), a.postId(), a.stewardId(), a.tool(), a.text(),
                a.at(), a.reached() + reached, a.acknowledged() + acknowledged);
    }
}
