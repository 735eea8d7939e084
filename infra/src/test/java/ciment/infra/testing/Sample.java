package ciment.infra.testing;

import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Recipient;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import ciment.core.model.Ulid;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Records for store tests, each with fresh ids so that tests sharing a table do not meet. */
public final class Sample {
    public static final Instant T0 = Instant.parse("2026-03-02T09:15:30.123456Z");

    private Sample() {
    }

    public static String personId() {
        return Ulid.random(Instant.now());
    }

    public static Slug slug(String base) {
        return new Slug(base + "-" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36));
    }

    /** A community just created by its first steward: one member, one steward. */
    public static Community community(Slug slug, String creatorId) {
        return new Community(Ulid.random(Instant.now()), slug, slug.displayName(), "Practices around " + slug.value() + ", shared.",
                List.of(), true, false, 1, 1, creatorId, T0);
    }

    public static Membership steward(Community community) {
        return new Membership(community.id(), community.slug(), community.createdBy(), Role.STEWARD, T0);
    }

    public static Membership member(Community community, String personId) {
        return new Membership(community.id(), community.slug(), personId, Role.MEMBER, T0.plusSeconds(60));
    }

    public static Membership stewardToo(Community community, String personId) {
        return new Membership(community.id(), community.slug(), personId, Role.STEWARD, T0.plusSeconds(60));
    }

    public static Post post(Community community, String authorId, String text, Instant at) {
        return new Post(Ulid.random(at), community.id(), community.slug(), authorId, "Ada Lovelace", Platform.SLACK, text,
                at);
    }

    public static Instant minute(int n) {
        return T0.plus(n, ChronoUnit.MINUTES);
    }

    public static JoinRequest request(Community community, String personId, Instant at) {
        return new JoinRequest(community.id(), community.slug(), personId, "Ada Lovelace", at);
    }

    public static JoinRequest request(Community community, String personId, Instant at, Recipient replyTo) {
        return new JoinRequest(community.id(), community.slug(), personId, "Ada Lovelace", at, replyTo);
    }

    /** Where someone asked in a Teams channel: the conversation, and the Bot Connector that serves it. */
    public static Recipient teamsChannel() {
        return new Recipient(new ChatAccount(Platform.TEAMS, "72f988bf-86f1-41af-91ab-2d7cd011db47",
                "29:1" + personId()), "19:" + personId().toLowerCase() + "@thread.tacv2",
                "https://smba.trafficmanager.net/emea/");
    }

    /** Where someone asked in a Slack channel (Slack needs no serviceUrl). */
    public static Recipient slackChannel() {
        return new Recipient(new ChatAccount(Platform.SLACK, "T0001", "U" + personId()), "C0GENERAL", null);
    }
}
