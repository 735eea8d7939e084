package ciment.core.model;

/**
 * What a community's stewards tell each person who joins: a welcome message and the community's guidelines, in
 * their own words (shown verbatim), either of them empty when not set. Kept on the community's item, which every
 * catalog read carries: hence the limits, which also keep a join's answer within Teams' sentence (1,500
 * characters) with the sentences around them.
 */
public record CommunityWelcome(String message, String guidelines) {
    public static final int MESSAGE_MAX = 400;
    public static final int GUIDELINES_MAX = 800;
    public static final CommunityWelcome NONE = new CommunityWelcome("", "");

    public CommunityWelcome {
        message = message == null ? "" : message;
        guidelines = guidelines == null ? "" : guidelines;
    }

    public boolean isEmpty() {
        return message.isEmpty() && guidelines.isEmpty();
    }

    public CommunityWelcome withMessage(String text) {
        return new CommunityWelcome(text, guidelines);
    }

    public CommunityWelcome withGuidelines(String text) {
        return new CommunityWelcome(message, text);
    }
}
