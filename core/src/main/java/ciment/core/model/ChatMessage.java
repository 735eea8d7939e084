package ciment.core.model;

/**
 * A message written in a chat tool, outside Ciment, that someone saves to a community ("Save to community"):
 * who wrote it (credited on the post, as the tool names them), their account when the tool says (null for an
 * app, or when it does not: their erasure then cannot find the post), and its words.
 */
public record ChatMessage(String authorName, ChatAccount author, Platform platform, String text) {

    /** Of a writer the tool names only. */
    public ChatMessage(String authorName, Platform platform, String text) {
        this(authorName, null, platform, text);
    }
}
