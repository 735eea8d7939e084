package ciment.core.model;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import ciment.core.i18n.Message;
import java.time.Instant;
import java.util.Optional;

/**
 * A message Ciment sends on its own, later than the request that caused it: a join request's answer,
 * an invitation. Kept in the store's outbox, delivered once by the recipient's chat tool's delivery
 * function. Its text is said when it is written, in its recipient's language ({@link #told}): the chat tool
 * says what it adds (a file's title, buttons) in the same language.
 *
 * @param personalDataOf when not null, the notice carries the export file of this person's data
 *                       (export-my-data): the delivery function collects the data when it sends, and
 *                       sends the file with the text
 * @param post           when not null, the post the notice is about, as commands name it ({@code #<id>} or
 *                       {@code #<root>/<id>}): the chat tool links to it (open its thread, reply, react)
 * @param language       the language its text is said in
 * @param announcement   when not null, the announcement the notice tells ({@link Announcement#reference}): the chat
 *                       tool shows a Got it button, and its delivery counts the announcement as reached
 */
public record Notice(String id, Recipient to, String text, Instant at, String personalDataOf, String post,
        Language language, String announcement) {

    public Notice {
        language = language == null ? Language.ENGLISH : language;
    }

    public Notice(String id, Recipient to, String text, Instant at, String personalDataOf, String post,
            Language language) {
        this(id, to, text, at, personalDataOf, post, language, null);
    }

    /** Said in English (a notice written before notices had a language was). */
    public Notice(String id, Recipient to, String text, Instant at, String personalDataOf) {
        this(id, to, text, at, personalDataOf, null, Language.ENGLISH);
    }

    /** Said in English. */
    public Notice(String id, Recipient to, String text, Instant at) {
        this(id, to, text, at, null, null, Language.ENGLISH);
    }

    /** A notice whose {@code text} is said now in {@code words}, its recipient's language. */
    public static Notice told(String id, Recipient to, Catalogue words, Message text, Instant at) {
        return new Notice(id, to, words.say(text), at, null, null, words.language());
    }

    /** A notice about a post (a mention), said in English: the tool shows a way to open it. */
    public static Notice aboutPost(String id, Recipient to, String text, Instant at, String post) {
        return new Notice(id, to, text, at, null, post, Language.ENGLISH);
    }

    /** The same notice, about a post: the tool shows a way to open it. */
    public Notice about(String postReference) {
        return new Notice(id, to, text, at, personalDataOf, postReference, language, announcement);
    }

    /** The same notice, carrying the export file of this person's data. */
    public Notice carryingDataOf(String personId) {
        return new Notice(id, to, text, at, personId, post, language, announcement);
    }

    /** The same notice, telling this announcement ({@link Announcement#reference}): Got it is shown with it. */
    public Notice announcing(String reference) {
        return new Notice(id, to, text, at, personalDataOf, post, language, reference);
    }

    public boolean isAnnouncement() {
        return announcement != null;
    }

    /** What the chat tool adds to the text is said in these words: the text's language. */
    public Catalogue words() {
        return Catalogue.first(Optional.of(language));
    }

    public boolean isAboutPost() {
        return post != null;
    }

    /** Whether the person's data file goes with the text. */
    public boolean carriesPersonalData() {
        return personalDataOf != null;
    }
}
