package ciment.infra.dynamo;

import static ciment.infra.dynamo.Items.AT;
import static ciment.infra.dynamo.Items.EXPIRES_AT;
import static ciment.infra.dynamo.Items.TEXT;
import static ciment.infra.dynamo.Items.n;
import static ciment.infra.dynamo.Items.num;
import static ciment.infra.dynamo.Items.optional;
import static ciment.infra.dynamo.Items.platform;
import static ciment.infra.dynamo.Items.str;
import static ciment.infra.dynamo.Keys.s;

import ciment.core.model.Announcement;
import ciment.core.model.Slug;
import ciment.core.privacy.PersonalData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Announcements to items and back. In the community's partition: the day's announcement
 * ({@code C#<id>} / {@code ANNOUNCE#<yyyy-mm-dd>}: its post, text, tool and counts) and each next step of sending it
 * ({@code C#<id>} / {@code ANNOUNCING#<yyyy-mm-dd>#<page>}: the same fields and the member to go on after; they
 * expire). The announcement is named in gsi2 under its steward ({@code P#<steward>} / {@code ANNOUNCE#C#<id>#<day>}): erasing
 * the steward takes their id and text out of it and keeps the counts. In the person's partition, each acknowledgement ({@code P#<person>} / {@code ACK#<community>#<day>}).
 * The stream hands the new announcement and each new step to the delivery function of the item's {@code tool}.
 */
final class AnnouncementItems {
    static final String ANNOUNCE_PREFIX = "ANNOUNCE#";
    static final String STEP_PREFIX = "ANNOUNCING#";
    static final String ACK_PREFIX = "ACK#";
    static final String REACHED = "reached";
    static final String ACKNOWLEDGED = "acknowledged";
    static final String TOOL = "tool";
    static final String STEWARD = "stewardId";
    static final String AFTER = "after";
    static final String PAGE = "page";
    /** How long a step is kept: longer than the stream keeps its record (24 h). */
    static final Duration STEP_KEPT_FOR = Duration.ofDays(3);

    private AnnouncementItems() {
    }

    static Map<String, AttributeValue> key(String communityId, LocalDate day) {
        return Keys.key(Keys.community(communityId), ANNOUNCE_PREFIX + day);
    }

    static Map<String, AttributeValue> ackKey(String personId, String communityId, LocalDate day) {
        return Keys.key(Keys.person(personId), ACK_PREFIX + communityId + "#" + day);
    }

    static Map<String, AttributeValue> announcement(Announcement a) {
        Map<String, AttributeValue> item = new HashMap<>(key(a.communityId(), a.day()));
        item.put("slug", s(a.slug().value()));
        item.put("postId", s(a.postId()));
        item.put(STEWARD, s(a.stewardId()));
        item.put(TOOL, s(a.tool().key()));
        item.put(TEXT, s(a.text()));
        // Names the steward outside their partition: erase-my-data finds it there and takes their words out.
        item.put(Keys.GSI2_PK, s(Keys.person(a.stewardId())));
        item.put(Keys.GSI2_SK, s(ANNOUNCE_PREFIX + Keys.community(a.communityId()) + "#" + a.day()));
        item.put(AT, s(a.at().toString()));
        item.put(REACHED, n(a.reached()));
        item.put(ACKNOWLEDGED, n(a.acknowledged()));
        return item;
    }

    /** A next step: the announcement's fields (so the step needs no read), the page and where it goes on. */
    static Map<String, AttributeValue> step(Announcement.Expansion step) {
        Announcement a = step.announcement();
        Map<String, AttributeValue> item = announcement(a);
        item.putAll(Keys.key(Keys.community(a.communityId()),
                STEP_PREFIX + a.day() + "#" + String.format("%06d", step.page())));
        item.put(PAGE, n(step.page()));
        step.after().ifPresent(after -> item.put(AFTER, s(after)));
        item.put(EXPIRES_AT, n(a.at().plus(STEP_KEPT_FOR).getEpochSecond()));
        return item;
    }

    static Map<String, AttributeValue> ack(String personId, Announcement a, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(ackKey(personId, a.communityId(), a.day()));
        item.put("slug", s(a.slug().value()));
        item.put(AT, s(at.toString()));
        return item;
    }

    /** An acknowledgement as export-my-data shows it: the community's slug, the announcement's day, when. */
    static PersonalData.Acknowledgement acknowledgement(Map<String, AttributeValue> item) {
        String sk = str(item, Keys.SK);
        return new PersonalData.Acknowledgement(str(item, "slug"), sk.substring(sk.lastIndexOf('#') + 1), str(item, AT));
    }

    static Announcement announcement(Map<String, AttributeValue> item) {
        String sk = str(item, Keys.SK);
        String day = sk.startsWith(STEP_PREFIX) ? sk.substring(STEP_PREFIX.length()).split("#")[0]
                : sk.substring(ANNOUNCE_PREFIX.length());
        return new Announcement(Keys.idIn(str(item, Keys.PK), Keys.COMMUNITY_PREFIX), new Slug(str(item, "slug")),
                LocalDate.parse(day), str(item, "postId"), optional(item, STEWARD).orElse(""), platform(str(item, TOOL)),
                optional(item, TEXT).orElse(""), Instant.parse(str(item, AT)), count(item, REACHED), count(item, ACKNOWLEDGED));
    }

    /**
     * The step an item (as the stream shows it) is: a new announcement is the first (page 0), a kept step the next;
     * empty for any other item.
     */
    static Optional<Announcement.Expansion> expansion(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get(Keys.PK);
        AttributeValue sk = item.get(Keys.SK);
        if (pk == null || pk.s() == null || !pk.s().startsWith(Keys.COMMUNITY_PREFIX) || sk == null || sk.s() == null) {
            return Optional.empty();
        }
        if (sk.s().startsWith(ANNOUNCE_PREFIX)) {
            return Optional.of(new Announcement.Expansion(announcement(item), 0, Optional.empty()));
        }
        if (sk.s().startsWith(STEP_PREFIX)) {
            return Optional.of(new Announcement.Expansion(announcement(item), num(item, PAGE), optional(item, AFTER)));
        }
        return Optional.empty();
    }

    private static int count(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? num(item, name) : 0;
    }
}
