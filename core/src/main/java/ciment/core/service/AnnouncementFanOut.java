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
    /** Memberships read, people looked up and notices written per step: well inside a delivery's 60 s. */
    public static final int PAGE = 500;

    private final Announcements announcements;
    private final People people;
    private final Addressees addressees;
    private final int page;

    public AnnouncementFanOut(Announcements announcements, People people, Language fallback) {
        this(announcements, people, fallback, PAGE);
    }

    /** @param page memberships per step (tests: a few, to see several steps) */
    public AnnouncementFanOut(Announcements announcements, People people, Language fallback, int page) {
        this.announcements = announcements;
        this.people = people;
        this.addressees = new Addressees(people, fallback);
        this.page = page;
    }

    /** Runs one step, if {@code tool} is the announcer's (the other tool's function lets it be): how many were told. */
    public int step(Announcement.Expansion step, Platform tool) {
        Announcement announcement = step.announcement();
        if (announcement.tool() != tool) {
            return 0;
        }
        Announcements.MemberPage members = announcements.members(announcement.communityId(), step.after(), page);
        List<String> ids = members.members().stream().map(Membership::personId)
                .filter(id -> !id.equals(announcement.stewardId())).toList();
        List<Notice> notices = new ArrayList<>();
        for (Person person : ids.isEmpty() ? List.<Person>of() : people.people(ids)) {
            if (!person.erasing()) {
                told(announcement, person).ifPresent(notices::add);
            }
        }
        announcements.tell(notices);
        members.after().ifPresent(after -> announcements.continueAt(
                new Announcement.Expansion(announcement, step.page() + 1, Optional.of(after))));
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
