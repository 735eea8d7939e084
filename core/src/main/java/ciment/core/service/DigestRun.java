package ciment.core.service;

import ciment.core.i18n.Language;
import ciment.core.model.Community;
import ciment.core.model.DigestCadence;
import ciment.core.model.Membership;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Text;
import ciment.core.model.Ulid;
import ciment.core.port.Digests;
import ciment.core.port.Repositories;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The scheduled digest run (once a day): each person whose cadence is due today (daily: every day; weekly: on
 * Mondays) gets one direct message, written to the outbox for the delivery functions to send and pace. The notice's
 * id comes from the person, the cadence and the period, so a run made twice, or retried, sends one message each.
 * Recipients are read shard by shard ({@link Digests}), never by a scan; what a community shows (its busiest
 * threads, its unanswered questions) is read once per run however many people it is shown to.
 */
public final class DigestRun {
    /** At most this many lines in each part of a digest. */
    static final int SHOWN = 3;
    /** Threads looked at per community: the newest first posts, enough for a week of most communities. */
    static final int THREADS_READ = 50;
    static final int QUESTIONS_READ = 20;
    /** An unanswered question older than this is no news. */
    static final int QUESTION_DAYS = 30;

    private final Repositories store;
    private final Addressees addressees;
    private final Clock clock;

    public DigestRun(Repositories store, Clock clock, Language fallback) {
        this.store = store;
        this.addressees = new Addressees(store.people(), fallback);
        this.clock = clock;
    }

    /**
     * What a run did.
     *
     * @param due   people whose digest was due today
     * @param sent  digests written to the outbox (a run made again writes the same ones again: one message each)
     * @param shown how many times each community was shown, by id: the run's cost is shared among them in proportion
     */
    public record Outcome(int due, int sent, Map<String, Integer> shown) {
    }

    public Outcome run() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Reads reads = new Reads();
        int due = 0;
        int sent = 0;
        Map<String, Integer> shown = new LinkedHashMap<>();
        for (int shard = 0; shard < Digests.SHARDS; shard++) {
            Map<String, DigestCadence> dueHere = new LinkedHashMap<>();
            for (Digests.Subscriber subscriber : store.digests().shard(shard)) {
                DigestCadence cadence = subscriber.cadence(today);
                if (isDue(cadence, today)) {
                    dueHere.put(subscriber.personId(), cadence);
                }
            }
            if (dueHere.isEmpty()) {
                continue;
            }
            due += dueHere.size();
            for (Person person : store.people().people(dueHere.keySet())) {
                if (person.erasing()) {
                    continue;
                }
                Optional<Digest> digest = digestOf(person, dueHere.get(person.id()), today, reads)
                        .filter(made -> !made.isEmpty());
                if (digest.isPresent() && send(person, digest.get(), now)) {
                    sent++;
                    digest.get().shown().forEach((community, times) -> shown.merge(community, times, Integer::sum));
                }
            }
        }
        return new Outcome(due, sent, shown);
    }

    static boolean isDue(DigestCadence cadence, LocalDate today) {
        return cadence == DigestCadence.DAILY || cadence == DigestCadence.WEEKLY && today.getDayOfWeek() == DayOfWeek.MONDAY;
    }

    /** A person's digest for the period ending today; empty when the person cannot be read. */
    Optional<Digest> digestOf(Person person, DigestCadence cadence, LocalDate today, Reads reads) {
        LocalDate since = today.minusDays(cadence == DigestCadence.DAILY ? 1 : 7);
        Instant from = since.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Community> byId = reads.catalog();
        List<Community> mine = store.communities().membershipsOf(person.id()).stream().map(Membership::communityId)
                .map(byId::get).filter(c -> c != null).toList();
        Set<String> skills = store.people().profile(person).skills().stream().map(Text::fold).collect(Collectors.toSet());
        List<Post> busiest = mine.stream().flatMap(c -> reads.threads(c.id()).stream())
                .filter(post -> !post.createdAt().isBefore(from) && Digest.activity(post) > 0)
                .sorted(Comparator.comparingInt(Digest::activity).reversed().thenComparing(Post::id, Comparator.reverseOrder()))
                .limit(SHOWN).toList();
        Instant questionsFrom = today.minusDays(QUESTION_DAYS).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Post> questions = skills.isEmpty() ? List.of() : mine.stream()
                .flatMap(c -> reads.unanswered(c.id()).stream())
                .filter(q -> !q.createdAt().isBefore(questionsFrom) && !q.authorId().equals(person.id())
                        && matches(Text.fold(q.text()), skills))
                .sorted(Comparator.comparing(Post::id, Comparator.reverseOrder())).limit(SHOWN).toList();
        Set<String> member = mine.stream().map(Community::id).collect(Collectors.toSet());
        // A guest sees only the communities they were let into: none is news to them.
        List<Community> communities = skills.isEmpty() || person.guest() ? List.of() : byId.values().stream()
                .filter(c -> c.open() && !c.archived() && !member.contains(c.id()) && !c.createdAt().isBefore(from))
                .filter(c -> c.tags().stream().map(Text::fold).anyMatch(skills::contains))
                .sorted(Comparator.comparing(Community::createdAt).reversed()).limit(SHOWN).toList();
        return Optional.of(new Digest(cadence, since, busiest, questions, communities));
    }

    /** A question matches a skill its folded words contain as whole words ("java" is not in "javascript"). */
    private static boolean matches(String foldedText, Set<String> skills) {
        String padded = " " + foldedText.replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        return skills.stream().anyMatch(skill -> padded.contains(" " + skill.replaceAll("[^\\p{L}\\p{N}]+", " ") + " "));
    }

    private boolean send(Person person, Digest digest, Instant now) {
        return addressees.direct(person).map(to -> {
            String id = Ulid.derived(digest.since().atStartOfDay(ZoneOffset.UTC).toInstant(),
                    "digest|" + person.id() + "|" + digest.cadence() + "|" + digest.since());
            store.notices().send(new Notice(id, to.to(), DigestText.say(digest, to.words()), now, null, null,
                    to.words().language()));
            return true;
        }).orElse(false);
    }

    /** What a run reads of the communities, once each: a community shown to 300 people is read once. */
    final class Reads {
        private Map<String, Community> catalog;
        private final Map<String, List<Post>> threads = new HashMap<>();
        private final Map<String, List<Post>> unanswered = new HashMap<>();

        Map<String, Community> catalog() {
            if (catalog == null) {
                catalog = store.communities().catalog().stream()
                        .collect(Collectors.toMap(Community::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
            }
            return catalog;
        }

        List<Post> threads(String communityId) {
            return threads.computeIfAbsent(communityId, id -> store.posts().page(id, Optional.empty(), THREADS_READ)
                    .posts().stream().filter(post -> !post.isReply() && !post.isHidden() && !post.isRemoved()).toList());
        }

        List<Post> unanswered(String communityId) {
            return unanswered.computeIfAbsent(communityId, id -> store.questions().questions(id, true, QUESTIONS_READ)
                    .stream().filter(q -> !q.isAnswered() && !q.isHidden() && !q.isRemoved()).toList());
        }
    }
}
