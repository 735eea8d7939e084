package ciment.teams.render;

import ciment.core.command.Command;
import ciment.core.command.ConversationVerbs;
import ciment.core.i18n.Catalogue;
import ciment.core.model.Post;
import ciment.core.model.PostRef;
import ciment.core.model.Refusal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The buttons under a post in a card: Reply (a box opened in the card: a reply to {@code #<root>} with its words),
 * React 👍 (a reaction to {@code #<post>} with thumbsup) and Open thread ({@code #<root>}'s thread). Each click is
 * the same command as the words, for the person who clicked; its data names the post as commands do, and is
 * checked as a post's name before it becomes a command. A removed or hidden post has none: there is nothing to answer.
 * Words cut to fit a thread's card end with Read on ({@code thread #<root>} read again, showing that post from
 * where its words were cut).
 */
public final class PostButtons {
    public static final String REPLY = "reply";
    public static final String REACT = "react";
    public static final String THREAD = "thread";
    /** The rest of a post's words, from a character on: its data names the post and where to go on from. */
    public static final String READ_ON = "readon";
    static final String THUMBS_UP = "thumbsup";
    /** The data's key naming the post. */
    static final String REF = "ref";
    /** The data's key naming the reply box, whose words Teams adds to the data under the box's id. */
    public static final String INPUT = "input";
    static final String EMOJI = "emoji";
    /** Read on's key: the character (code point) the rest starts at. */
    static final String FROM = "from";
    private static final Pattern EMOJI_NAME = Pattern.compile("[a-z0-9_+-]{1,40}");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PostButtons() {
    }

    /** The ActionSet under a post; empty for a removed or hidden post. */
    static Optional<ObjectNode> under(Post post, Catalogue words) {
        if (post.authorId() == null || post.isHidden()) {
            return Optional.empty();
        }
        ObjectNode set = JSON.objectNode();
        set.put("type", "ActionSet");
        set.set("actions", actions(post, words));
        return Optional.of(set);
    }

    /** Reply, React 👍, Open thread. */
    static ArrayNode actions(Post post, Catalogue words) {
        String root = rootOf(post);
        ArrayNode actions = JSON.arrayNode();
        actions.add(replyBox(post.id(), root, words));
        ObjectNode react = execute("👍", REACT);
        ((ObjectNode) react.get("data")).put(REF, post.reference()).put(EMOJI, THUMBS_UP);
        actions.add(react);
        actions.add(openThread(post.reference(), words));
        return actions;
    }

    /** Read on: the words of the post {@code postRef} from the character {@code from} on. */
    static ObjectNode readOn(String postRef, int from, Catalogue words) {
        ObjectNode action = execute(words.say("teams.button.readOn"), READ_ON);
        ((ObjectNode) action.get("data")).put(REF, postRef).put(FROM, from);
        return action;
    }

    /** Open thread: the thread {@code postRef} is in. */
    static ObjectNode openThread(String postRef, Catalogue words) {
        ObjectNode thread = execute(words.say("teams.button.openThread"), THREAD);
        ((ObjectNode) thread.get("data")).put(REF, rootOf(postRef));
        return thread;
    }

    /** Open thread and Reply, for a notice about a post (a mention). */
    static ArrayNode forNotice(String postRef, Catalogue words) {
        String root = rootOf(postRef);
        ArrayNode actions = JSON.arrayNode();
        actions.add(openThread(postRef, words));
        actions.add(replyBox(root.substring(1), root, words));
        return actions;
    }

    /**
     * The command of a click on one of these buttons; empty when the click is not one (a forged or stale
     * post name, an emoji that is no name). A Reply with an empty box is a reply without words, which Ciment
     * refuses with the sentence saying what to write.
     */
    static Optional<Supplier<Command>> command(String verb, JsonNode data) {
        if (data == null) {
            return Optional.empty();
        }
        Optional<String> ref = postRef(data.path(REF).asText(""));
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        PostRef post = PostRef.parse(ref.get());
        return switch (verb) {
            case THREAD -> Optional.of(() -> new ConversationVerbs.Thread(post));
            // Reading on reads the thread, as the words do (the same checks), to show the post's rest.
            case READ_ON -> data.path(FROM).canConvertToInt() && data.path(FROM).asInt() >= 0
                    ? Optional.of(() -> new ConversationVerbs.Thread(PostRef.parse(rootOf(ref.get())))) : Optional.empty();
            case REACT -> {
                String emoji = data.path(EMOJI).asText("");
                yield EMOJI_NAME.matcher(emoji).matches()
                        ? Optional.of(() -> new ConversationVerbs.React(post, emoji, true)) : Optional.empty();
            }
            case REPLY -> {
                String input = data.path(INPUT).asText("");
                String text = input.isEmpty() ? "" : data.path(input).asText("").strip();
                yield Optional.of(() -> new ConversationVerbs.ReplyTo(post, text));
            }
            default -> Optional.empty();
        };
    }

    static boolean isPostVerb(String verb) {
        return REPLY.equals(verb) || REACT.equals(verb) || THREAD.equals(verb) || READ_ON.equals(verb);
    }

    /** The thread a post is in, as commands name it. */
    public static String rootOf(Post post) {
        return "#" + (post.isReply() ? post.rootId() : post.id());
    }

    /** The thread of a post named as commands do ({@code #<id>} or {@code #<root>/<id>}). */
    public static String rootOf(String postRef) {
        PostRef ref = PostRef.parse(postRef);
        return "#" + (ref.isReply() ? ref.rootId() : ref.id());
    }

    /** The post's name, checked; empty when it is none. */
    public static Optional<String> postRef(String word) {
        try {
            return Optional.of(PostRef.parse(word).toString());
        } catch (Refusal notAPost) {
            return Optional.empty();
        }
    }

    /** A box and its Send, shown in the card when Reply is clicked; the box's id is unique in the card. */
    private static ObjectNode replyBox(String postId, String root, Catalogue words) {
        ObjectNode send = execute(words.say("teams.button.send"), REPLY);
        ((ObjectNode) send.get("data")).put(REF, root);
        return textBox(words.say("teams.button.reply"), "r" + postId, "placeholder",
                words.say("teams.button.replyPlaceholder"), send);
    }

    /**
     * A button showing a multiline box and its {@code send} (an Action.Execute), whose data names the box
     * ({@link #INPUT}): Teams adds the box's text to the data under its id. {@code hint} is the box's placeholder or
     * label ({@code hintKind}).
     */
    static ObjectNode textBox(String title, String inputId, String hintKind, String hint, ObjectNode send) {
        ObjectNode show = JSON.objectNode();
        show.put("type", "Action.ShowCard");
        show.put("title", title);
        ObjectNode card = show.putObject("card");
        card.put("type", "AdaptiveCard");
        ObjectNode box = card.putArray("body").addObject();
        box.put("type", "Input.Text");
        box.put("id", inputId);
        box.put("isMultiline", true);
        box.put(hintKind, hint);
        ((ObjectNode) send.get("data")).put(INPUT, inputId);
        card.putArray("actions").add(send);
        return show;
    }

    private static ObjectNode execute(String title, String verb) {
        ObjectNode action = JSON.objectNode();
        action.put("type", "Action.Execute");
        action.put("title", title);
        action.put("verb", verb);
        action.putObject("data");
        return action;
    }
}
