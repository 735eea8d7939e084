package ciment.core.command;

import ciment.core.i18n.Message;
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
            Checks.postText(text, Message.of("core.post.empty", slug.value()));
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
            Checks.text(text, Message.of("core.reply.empty", REPLY));
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
                throw new Refusal(Message.of("core.react.noEmoji", Words.choosing(REACT, verb), verb + " " + post));
            }
            emoji = name.toLowerCase(Locale.ROOT);
        }
    }

    /** {@code edit <post> <text>}: the author rewrites their post. */
    public record Edit(PostRef post, String text) implements Command {
        public Edit {
            Checks.text(text, Message.of("core.edit.empty", EDIT));
        }
    }

    /** {@code delete <post>}: the author deletes their post; it shows as removed. */
    public record Delete(PostRef post) implements Command {
    }

    static final List<Verb<?>> VERBS = List.of(
            Verb.typed(PostTo.class, "post", "post <slug> <text>", Verb.WITH_EXAMPLE,
                    words -> new PostTo(words.slug(), words.rest()),
                    (a, me, c) -> a.posts().post(me.person(), me.caller(), c.slug(), c.text(), Post.Marks.NONE)),
            Verb.typed(Feed.class, "feed", "feed [slug]", Verb.WITH_EXAMPLE,
                    ConversationVerbs::feed,
                    (a, me, c) -> c.slug().isPresent()
                            ? a.feeds().communityFeed(me.person(), c.slug().get(), c.cursor())
                            : a.feeds().homeFeed(me.person(), c.cursor())),
            Verb.typed(ReplyTo.class, "reply", REPLY, Verb.WITH_EXAMPLE,
                    words -> new ReplyTo(words.post(), words.rest()),
                    (a, me, c) -> a.conversations().reply(me.person(), me.caller(), c.post(), c.text())),
            Verb.typed(Thread.class, "thread", "thread <post>", Verb.WITH_EXAMPLE,
                    words -> new Thread(words.onlyPost()),
                    (a, me, c) -> a.conversations().thread(me.person(), c.post())),
            Verb.typed(React.class, "react|unreact", REACT, Verb.WITH_EXAMPLE,
                    words -> new React(words.post(), words.rest(), words.word().equals("react")),
                    (a, me, c) -> a.conversations().react(me.person(), c.post(), c.emoji(), c.add())),
            Verb.typed(Edit.class, "edit", EDIT, Verb.WITH_EXAMPLE,
                    words -> new Edit(words.post(), words.rest()),
                    (a, me, c) -> a.conversations().edit(me.person(), me.caller(), c.post(), c.text())),
            Verb.typed(Delete.class, "delete", "delete <post>", Verb.WITH_EXAMPLE,
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
            throw new Refusal(Message.of("core.feed.tooMany", slug.map(Slug::value).orElse("<slug>")));
        }
        return new Feed(slug, more.isEmpty() ? Optional.empty() : Optional.of(more.substring(Reply.Feed.MORE.length())));
    }
}
