package ciment.core.reply;

import ciment.core.command.Grammar;
import ciment.core.model.Community;
import ciment.core.model.Post;
import java.util.List;

/**
 * What Ciment answers, before any chat tool draws it: Slack renders Block Kit, Teams text and
 * Adaptive Cards. Every answer has a plain sentence too, for notifications and for tests.
 */
public sealed interface Reply {

    /** One sentence, for notifications, fallbacks and screen readers. */
    String summary();

    /** The request was done. */
    record Done(String summary) implements Reply {
    }

    /** The request was not done and nothing was written; the sentence says why and what to do. */
    record Refused(String summary) implements Reply {
    }

    record Help(List<Grammar.Usage> commands) implements Reply {
        @Override
        public String summary() {
            return "Ciment commands: " + String.join(", ", commands.stream().map(Grammar.Usage::form).toList()) + ".";
        }
    }

    /** A post was made (or had already been made by the same request: duplicates show the same post). */
    record Posted(Post post) implements Reply {
        @Override
        public String summary() {
            return "Posted " + post.reference() + " in " + post.slug() + ".";
        }
    }

    record CommunityList(String query, List<Listed> communities) implements Reply {
        @Override
        public String summary() {
            if (communities.isEmpty()) {
                return query.isEmpty()
                        ? "There are no communities yet: create the first one with create <slug> <purpose>."
                        : "No community matches “" + query + "”: try fewer words, or create one.";
            }
            return communities.size() + (communities.size() == 1 ? " community" : " communities")
                    + (query.isEmpty() ? "" : " match “" + query + "”") + ".";
        }
    }

    /** A community in a list, and whether the person asking is in it. */
    record Listed(Community community, boolean member) {
    }

    /**
     * Latest posts, newest first. {@code community} is the slug for one community's feed, or empty
     * for the home feed of all the asker's communities.
     */
    record Feed(String community, List<Post> posts, String emptyHint) implements Reply {
        public boolean isHome() {
            return community.isEmpty();
        }

        public String title() {
            return isHome() ? "Latest in your communities" : "Latest in " + community;
        }

        @Override
        public String summary() {
            return posts.isEmpty() ? emptyHint : title() + ": " + posts.size() + (posts.size() == 1 ? " post." : " posts.");
        }
    }
}
