package ciment.core.command;

import ciment.core.model.Post;
import ciment.core.model.PostRef;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import ciment.core.reply.Reply;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Posts and their threads: post, read a feed or a thread, reply, react, edit, delete. */
public final class ConversationVerbs {
    static final int MAX_EMOJI = 40;
    private static final String REPLY = "reply <post> <text>";
    private static final String REACT = "react <post> <emoji>";
    private static final String EDIT = "edit <post> <text>";

    public record PostTo(Slug slug, String text) implements Command {
        public PostTo {
            Checks.postText(text, "Write something to post: post " + slug + " <text>.");
        }
    }

    /** {@code cursor}: the sealed "more:" token of the page asked for, or empty for the newest page. */
    public record Feed(Optional<Slug> slug, Optional<String> cursor) implements Command {
        public Feed(Optional<Slug> slug) {
            this(slug, Optional.empty());
        }
    }

    /** {@code reply <post> <text>}: a reply in the post's thread. */
    public record ReplyTo(PostRef post, String text) implements Command {
        public ReplyTo {
            Checks.text(text, REPLY, "Write something to reply");
        }
    }

    /** {@code thread <post>}: a thread whole. */
    public record Thread(PostRef post) implements Command {
    }

    /**
     * {@code react <post> <emoji>} or {@code unreact <post> <emoji>}: an emoji by its name, with or without
     * colons (:tada: or tada), or the character itself.
     */
    public record React(PostRef post, String emoji, boolean add) implements Command {
        public React {
            String verb = add ? "react" : "unreact";
            String name = emoji.length() > 1 && emoji.startsWith(":") && emoji.endsWith(":")
                    ? emoji.substring(1, emoji.length() - 1) : emoji;
            if (name.isEmpty() || name.length() > MAX_EMOJI
                    || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == '#')) {
                throw new Refusal("Name one emoji: " + Words.choosing(REACT, verb) + ", for example “" + verb + " " + post
                        + " :tada:”.");
            }
            emoji = name.toLowerCase(Locale.ROOT);
        }
    }

    /** {@code edit <post> <text>}: the author rewrites their post. */
    public record Edit(PostRef post, String text) implements Command {
        public Edit {
            Checks.text(text, EDIT, "Write the new text");
        }
    }

    /** {@code delete <post>}: the author deletes their post; it shows as removed. */
    public record Delete(PostRef post) implements Command {
    }

    static final List<Verb<?>> VERBS = List.of(
            Verb.typed(PostTo.class, "post", "post <slug> <text>", "data-guild Who knows a good SQL formatter?",
                    "post to a community you belong to",
                    words -> new PostTo(words.slug(), words.rest()),
                    (a, me, c) -> a.posts().post(me.person(), me.caller(), c.slug(), c.text(), Post.Marks.NONE)),
            Verb.typed(Feed.class, "feed", "feed [slug]", "data-guild", "latest posts of one community, or of all yours",
                    ConversationVerbs::feed,
                    (a, me, c) -> c.slug().isPresent()
                            ? a.feeds().communityFeed(me.person(), c.slug().get(), c.cursor())
                            : a.feeds().homeFeed(me.person(), c.cursor())),
            Verb.typed(ReplyTo.class, "reply", REPLY, "#01JD0000000000000000000000 Thanks!",
                    "reply in a post's thread (<post>: the #id shown with it)",
                    words -> new ReplyTo(words.post(), words.rest()),
                    (a, me, c) -> a.conversations().reply(me.person(), me.caller(), c.post(), c.text())),
            Verb.typed(Thread.class, "thread", "thread <post>", "#01JD0000000000000000000000", "a post with all its replies",
                    words -> new Thread(words.onlyPost()),
                    (a, me, c) -> a.conversations().thread(me.person(), c.post())),
            Verb.typed(React.class, "react|unreact", REACT, "#01JD0000000000000000000000 :tada:",
                    "react to a post or reply, once per emoji (unreact takes it back)",
                    words -> new React(words.post(), words.rest(), words.word().equals("react")),
                    (a, me, c) -> a.conversations().react(me.person(), c.post(), c.emoji(), c.add())),
            Verb.typed(Edit.class, "edit", EDIT, "#01JD0000000000000000000000 Fixed the typo",
                    "rewrite your own post or reply",
                    words -> new Edit(words.post(), words.rest()),
                    (a, me, c) -> a.conversations().edit(me.person(), me.caller(), c.post(), c.text())),
            Verb.typed(Delete.class, "delete", "delete <post>", "#01JD0000000000000000000000",
                    "delete your own post or reply (it shows as removed)",
                    words -> new Delete(words.onlyPost()),
                    (a, me, c) -> a.conversations().delete(me.person(), me.caller(), c.post())));

    private ConversationVerbs() {
    }

    /** feed, feed &lt;slug&gt;, and either followed by the "more:" word a page ends with. */
    private static Command feed(Words words) {
        String word = words.next();
        Optional<Slug> slug = word.isEmpty() || word.startsWith(Reply.Feed.MORE) ? Optional.empty() : Optional.of(Slug.parse(word));
        String more = slug.isPresent() ? words.next() : word;
        if (!words.rest().isEmpty() || !(more.isEmpty() || more.startsWith(Reply.Feed.MORE) && more.length() > Reply.Feed.MORE.length())) {
            throw new Refusal("feed takes one community at most: feed " + slug.map(Slug::value).orElse("<slug>")
                    + ", or feed alone for all yours.");
        }
        return new Feed(slug, more.isEmpty() ? Optional.empty() : Optional.of(more.substring(Reply.Feed.MORE.length())));
    }
}
