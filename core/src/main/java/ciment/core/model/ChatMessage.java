package ciment.core.model;

/**
 * A message written in a chat tool, outside Ciment, that someone saves to a community ("Save to community"):
 * who wrote it (credited on the post, as the tool names them) and its words.
 */
public record ChatMessage(String authorName, Platform platform, String text) {
}
