package ciment.core.model;

import java.time.Instant;

/**
 * A message Ciment sends on its own, later than the request that caused it: a join request's answer,
 * an invitation. Kept in the store's outbox, delivered once by the recipient's chat tool's delivery
 * function.
 *
 * @param personalDataOf when not null, the notice carries the export file of this person's data
 *                       (export-my-data): the delivery function collects the data when it sends, and
 *                       sends the file with the text
 * @param post           when not null, the post the notice is about, as commands name it ({@code #<id>} or
 *                       {@code #<root>/<id>}): the chat tool links to it (open its thread, reply, react)
 */
public record Notice(String id, Recipient to, String text, Instant at, String personalDataOf, String post) {

    public Notice(String id, Recipient to, String text, Instant at, String personalDataOf) {
        this(id, to, text, at, personalDataOf, null);
    }

    public Notice(String id, Recipient to, String text, Instant at) {
        this(id, to, text, at, null, null);
    }

    /** A notice about a post (a mention): the tool shows a way to open it. */
    public static Notice aboutPost(String id, Recipient to, String text, Instant at, String post) {
        return new Notice(id, to, text, at, null, post);
    }

    public boolean isAboutPost() {
        return post != null;
    }

    /** Whether the person's data file goes with the text. */
    public boolean carriesPersonalData() {
        return personalDataOf != null;
    }
}
