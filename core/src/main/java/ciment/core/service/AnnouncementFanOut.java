package ciment.core.service;

import ciment.core.i18n.Language;
import ciment.core.i18n.Message;
import ciment.core.model.Announcement;
import ciment.core.model.Membership;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Ulid;
import ciment.core.port.Announcements;
import ciment.core.port.People;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends an announcement to every member, one page of memberships per step, as the announcer's tool's delivery
 * function runs it from the table's stream: each member but the steward is addressed (their tool, their language)
 * and told by a notice whose id comes from the announcement and the person, so a step run again writes the same
 * notices (never a second message); then, when members remain, the next step is kept, and its arrival on the stream
 * runs it. The notices are delivered as any other, by the delivery function of each member's tool.
 */
public final class AnnouncementFanOut {
    /** Memberships read per step, at the most. */
    public static final int PAGE = 500;
    /** People looked up and told at a time: between two, a step that used half its time left stops there. */
    static final int CHUNK = 50;

    private final Announcements announcements;
    private final People people;
    private final Addressees addressees;
    private final Clock clock;
    private final int page;

    public AnnouncementFanOut(Announcements announcements, People people, Language fallback) {
        this(announcements, people, fallback, PAGE, Clock.systemUTC());
    }

    /** @param page memberships per step (tests: a few, to see several steps) */
    public AnnouncementFanOut(Announcements announcements, People people, Language fallback, int page, Clock clock) {
        this.announcements = announcements;
        this.people = people;
        this.addressees = new Addressees(people, fallback);
        this.page = page;
        this.clock = clock;
    }

    /** Runs one step with no bound on its time: see {@link #step(Announcement.Expansion, Platform, Instant)}. */
    public int step(Announcement.Expansion step, Platform tool) {
        return step(step, tool, Instant.MAX);
    }

    /**
     * Runs one step, if {@code tool} is the announcer's (the other tool's function lets it be): how many were told.
     * People are looked up and told {@link #CHUNK} at a time; once half the time left before {@code deadline} is
     * used, the step stops after a chunk and the next goes on from there, so a slow store never runs a step out of
     * its invocation's time (which would retry it whole, forever).
     */
    public int step(Announcement.Expansion step, Platform tool, Instant deadline) {
        Announcement announcement = step.announcement();
        if (announcement.tool() != tool) {
            return 0;
        }
        Instant started = clock.instant();
        Instant enough = deadline.equals(Instant.MAX) ? Instant.MAX
                : started.plus(Duration.between(started, deadline).dividedBy(2));
        Announcements.MemberPage members = announcements.members(announcement.communityId(), step.after(), page);
        List<Membership> page = members.members();
        int told = 0;
        for (int from = 0; from < page.size(); from += CHUNK) {
            List<Membership> chunk = page.subList(from, Math.min(page.size(), from + CHUNK));
            told += tell(announcement, chunk);
            boolean last = from + CHUNK >= page.size();
            if (!last && clock.instant().isAfter(enough)) {
                continueAfter(step, chunk.getLast().personId());
                return told;
            }
        }
        members.after().ifPresent(after -> continueAfter(step, after));
        return told;
    }

    private void continueAfter(Announcement.Expansion step, String personId) {
        announcements.continueAt(new Announcement.Expansion(step.announcement(), step.page() + 1, Optional.of(personId)));
    }

    /** Tells these members (but the steward, and anyone being erased): how many were told. */
    private int tell(Announcement announcement, List<Membership> members) {
        List<String> ids = members.stream().map(Membership::personId)
                .filter(id -> !id.equals(announcement.stewardId())).toList();
        List<Notice> notices = new ArrayList<>();
        for (Person person : ids.isEmpty() ? List.<Person>of() : people.people(ids)) {
            if (!person.erasing()) {
                told(announcement, person).ifPresent(notices::add);
            }
        }
        announcements.tell(notices);
        return notices.size();
    }

    /** The notice telling one member, in their language, on their account (the announcer's tool's first). */
    private Optional<Notice> told(Announcement announcement, Person person) {
        return addressees.direct(person, announcement.tool()).map(to -> Notice.told(
                Ulid.derived(announcement.at(), "announce|" + announcement.reference() + "|" + person.id()),
                to.to(), to.words(), Message.of("announce.notice", announcement.slug(),
                        Message.verbatim(announcement.text())), announcement.at())
                .about(announcement.postReference()).announcing(announcement.reference()));
    }
}
