package ciment.core.service;

import ciment.core.i18n.Message;
import ciment.core.model.DigestCadence;
import ciment.core.model.Person;
import ciment.core.port.Digests;
import ciment.core.reply.Reply;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The digest's setting ({@code digest weekly|daily|off}) and the "active" marker that makes the weekly digest the
 * default. A request marks its person active at most once a day: the store writes only when the day it keeps is
 * older, and this container remembers whom it marked today, so that a busy person costs no write (nor a refused
 * conditional write, which DynamoDB bills too) after their first request of the day.
 */
public final class DigestActions {
    /** People remembered as marked, at most: forgetting them all only costs one more conditional write each. */
    private static final int REMEMBERED = 10_000;

    private final Digests digests;
    private final Clock clock;
    private final Map<String, LocalDate> marked = new ConcurrentHashMap<>();

    DigestActions(Digests digests, Clock clock) {
        this.digests = digests;
        this.clock = clock;
    }

    /** {@code digest}: the cadence that applies to the person now. */
    public Reply show(Person person) {
        DigestCadence now = digests.find(person.id()).orElseGet(this::unmarked).cadence(today());
        return new Reply.Done(Message.of("digest.now", Message.of(now.key())));
    }

    /** {@code digest weekly|daily|off}. */
    public Reply choose(Person person, DigestCadence cadence) {
        digests.choose(person.id(), cadence);
        return new Reply.Done(Message.of("digest.chosen." + cadence.name().toLowerCase(Locale.ROOT)));
    }

    /** The person made a request today. Never throws: a request is not refused for want of this mark. */
    public void active(Person person) {
        LocalDate today = today();
        if (person.erasing() || today.equals(marked.get(person.id()))) {
            return;
        }
        try {
            digests.active(person.id(), today);
            if (marked.size() >= REMEMBERED) {
                marked.clear();
            }
            marked.put(person.id(), today);
        } catch (RuntimeException markNotKept) {
            // The digest may miss this person until their next request: the request itself went through.
        }
    }

    private Digests.Subscriber unmarked() {
        return new Digests.Subscriber("", Optional.empty(), Optional.of(today()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
