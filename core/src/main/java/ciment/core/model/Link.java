package ciment.core.model;

import java.time.Instant;

/** A channel linked to a community by one of its stewards: its messages become posts, the posts appear there. */
public record Link(String communityId, Slug slug, Channel channel, String linkedBy, Instant at) {
}
