package ciment.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What a steward told a whole community on one day (UTC): its post, and what became of its direct messages, as
 * counts only ({@code reached}: messages delivered; {@code acknowledged}: people who clicked Got it). A community
 * has at most one a day, so the community and the day name it ({@link #reference}).
 *
 * @param tool the steward's chat tool: its delivery function writes the direct messages (one tool does, once)
 */
public record Announcement(String communityId, Slug slug, LocalDate day, String postId, String stewardId,
        Platform tool, String text, Instant at, int reached, int acknowledged) {

    /** The day (UTC) an announcement made at {@code at} takes. */
    public static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** As a Got it button names it: {@code <community id>/<yyyy-mm-dd>}. Names nobody. */
    public String reference() {
        return communityId + "/" + day;
    }

    /** The community and day a {@link #reference} names; empty when it is not one. */
    public static Optional<Named> named(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        int slash = reference.lastIndexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Named(reference.substring(0, slash), LocalDate.parse(reference.substring(slash + 1))));
        } catch (RuntimeException notADay) {
            return Optional.empty();
        }
    }

    /** An announcement as a reference names it. */
    public record Named(String communityId, LocalDate day) {
    }

    /** The post's reference, as commands name it. */
    public String postReference() {
        return "#" + postId;
    }

    /**
     * One step of sending an announcement to every member: the members after {@code after} (their person ids sort
     * as the store keeps them; empty: from the first), page {@code page} (0: the announcement itself).
     */
    public record Expansion(Announcement announcement, int page, Optional<String> after) {
    }
}
