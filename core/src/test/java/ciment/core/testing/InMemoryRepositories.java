package ciment.core.testing;

import ciment.core.model.Announcement;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.port.Repositories;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every repository in memory over one shared state, for tests of pure domain logic, and what tests read of that
 * state. The DynamoDB repositories are tested against the same behaviour on moto's server in the infra module.
 */
public final class InMemoryRepositories {
    private final InMemoryTable table = new InMemoryTable();
    private final InMemoryPeople people = new InMemoryPeople(table);
    private final InMemoryNotices notices = new InMemoryNotices(table);
    private final InMemoryPersonalRecords records;
    private final InMemoryAnnouncements announcements;
    private final Repositories repositories;

    public InMemoryRepositories() {
        InMemoryCommunities communities = new InMemoryCommunities(table);
        this.records = new InMemoryPersonalRecords(table, communities, people);
        this.announcements = new InMemoryAnnouncements(table, notices);
        this.repositories = new Repositories(communities, new InMemoryPosts(table), new InMemoryConversations(table),
                new InMemoryQuestions(table), new InMemoryLinks(table), new InMemoryMessageCopies(table), people, notices,
                records, new TestSeal(), new InMemoryGrants(table), new InMemoryQuotas(table), new InMemoryFollows(table),
                new InMemoryDigests(table), announcements);
    }

    /** Fresh repositories, for a test that reads nothing back but through Ciment. */
    public static Repositories create() {
        return new InMemoryRepositories().repositories();
    }

    public Repositories repositories() {
        return repositories;
    }

    /** How many changes were stored, to prove a refusal wrote nothing. */
    public int writes() {
        synchronized (table) {
            return table.writes;
        }
    }

    /** The notices sent so far, oldest first. */
    public List<Notice> outbox() {
        return notices.outbox();
    }

    /** Told of each post or reply as it is stored, as the table's stream would tell the delivery functions. */
    public void onStored(Consumer<Post> listener) {
        synchronized (table) {
            table.stored = listener;
        }
    }

    /** The announcements' steps kept so far (the first is each announcement itself), in order. */
    public List<Announcement.Expansion> announcementSteps() {
        synchronized (table) {
            return List.copyOf(announcements.steps);
        }
    }

    /** Counts a delivered announcement notice as reached, as the outbox's delivered transition does. */
    public void reached(Notice notice) {
        announcements.reached(notice.announcement());
    }

    /** An address claimed before addresses were vouched for (by an account of any organisation, a guest's too). */
    public void claimUnvouched(Person person, String email) {
        people.claimUnvouched(person, email);
    }

    /** The next erase stops (throws) right after marking the person, as a Lambda timing out would. */
    public void interruptNextErase() {
        records.interruptNextErase();
    }
}
