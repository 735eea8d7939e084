package ciment.core.reply;

import ciment.core.command.Grammar;
import ciment.core.model.Aggregate;
import ciment.core.model.AuditEntry;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.JoinRequest;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Profile;
import java.util.List;
import java.util.Map;

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
            return (post.edited() ? "Edited " : post.isReply() ? "Replied " : post.isQuestion() ? "Asked " : "Posted ")
                    + post.reference() + " in "
                    + post.slug() + ".";
        }
    }

    /** A thread whole: its first post (which may show as removed or hidden), then its replies oldest first. */
    record Thread(Post root, List<Post> replies) implements Reply {
        public Thread {
            replies = List.copyOf(replies);
        }

        @Override
        public String summary() {
            return "Thread " + root.reference() + " in " + root.slug() + ": " + replies.size()
                    + (replies.size() == 1 ? " reply." : " replies.");
        }
    }

    /**
     * A list of posts other than a feed, under its title: a community's questions, its knowledge. Each post's
     * activity line says what it is (answered or not, pinned).
     */
    record Posts(String title, List<Post> posts, String emptyHint) implements Reply {
        public Posts {
            posts = List.copyOf(posts);
        }

        @Override
        public String summary() {
            return posts.isEmpty() ? emptyHint
                    : title + ": " + posts.size() + (posts.size() == 1 ? " post." : " posts.");
        }
    }

    /** A community's audit trail, newest first, for its stewards. */
    record Audit(String community, List<AuditEntry> entries) implements Reply {
        public Audit {
            entries = List.copyOf(entries);
        }

        @Override
        public String summary() {
            return entries.isEmpty() ? "No moderation action in " + community + " yet."
                    : "Audit trail of " + community + ": " + entries.size()
                            + (entries.size() == 1 ? " action." : " actions, newest first.");
        }
    }

    /**
     * A page of the communities found, from the {@code offset}-th match; {@code suggested}: others whose tags
     * match the asker's roles and skills (when browsing without a query), {@code more}: how many matches
     * are on other pages, and {@code next}: the words that show the next page ("" on the last).
     */
    record CommunityList(String query, List<Listed> communities, List<Listed> suggested, int more, int offset,
            String next) implements Reply {
        public CommunityList(String query, List<Listed> communities, List<Listed> suggested, int more) {
            this(query, communities, suggested, more, 0, "");
        }

        public CommunityList(String query, List<Listed> communities) {
            this(query, communities, List.of(), 0);
        }

        @Override
        public String summary() {
            if (communities.isEmpty() && offset > 0) {
                return "No more communities match: that was the last page.";
            }
            if (communities.isEmpty()) {
                return query.isEmpty()
                        ? "There are no communities yet: create the first one with create <slug> <purpose>."
                        : "No community matches “" + query + "”: try fewer words, or create one.";
            }
            int total = communities.size() + more;
            String shown = offset == 0 ? "the first " + communities.size()
                    : "numbers " + (offset + 1) + " to " + (offset + communities.size());
            return total + (total == 1 ? " community" : " communities")
                    + (query.isEmpty() ? "" : " match “" + query + "”")
                    + (more == 0 ? "." : ": " + shown + " are shown"
                            + (next.isEmpty() ? "." : "; the next ones with " + next + ", or add words to narrow it down."));
        }
    }

    /** A community in a list, and whether the person asking is in it. */
    record Listed(Community community, boolean member, boolean invited) {
        public Listed(Community community, boolean member) {
            this(community, member, false);
        }
    }

    /**
     * Latest posts, newest first. {@code community} is the slug for one community's feed, or empty
     * for the home feed of all the asker's communities; {@code next}: the words that show the next (older)
     * page, "" on the last; {@code older}: this page follows another.
     */
    record Feed(String community, List<Post> posts, String emptyHint, String next, boolean older) implements Reply {
        public Feed(String community, List<Post> posts, String emptyHint) {
            this(community, posts, emptyHint, "", false);
        }

        public boolean isHome() {
            return community.isEmpty();
        }

        public String title() {
            return (older ? "Older in " : "Latest in ") + (isHome() ? "your communities" : community);
        }

        @Override
        public String summary() {
            if (posts.isEmpty()) {
                return older ? "No older posts" + (isHome() ? " in your communities." : " in " + community + ".")
                        : emptyHint;
            }
            return title() + ": " + posts.size() + (posts.size() == 1 ? " post" : " posts")
                    + (next.isEmpty() ? "." : "; older ones with " + next + ".");
        }
    }

    /**
     * A community's card: purpose, tags, stewards by name, its size (only from 5 people), and where I stand.
     * {@code accounts} holds the stewards' chat accounts by person id, so that each tool can mention them.
     */
    record Info(Community community, List<Person> stewards, Standing standing, Map<String, List<ChatAccount>> accounts)
            implements Reply {
        public Info {
            accounts = Map.copyOf(accounts);
        }

        public Info(Community community, List<Person> stewards, Standing standing) {
            this(community, stewards, standing, Map.of());
        }

        @Override
        public String summary() {
            return community.slug() + ": " + community.purpose() + " (" + Aggregate.members(community.memberCount())
                    + (community.open() ? ", open" : ", closed") + (community.archived() ? ", archived" : "") + ").";
        }
    }

    /** Where the asker stands in a community. */
    enum Standing { STEWARD, MEMBER, INVITED, REQUESTED, NONE }

    /**
     * The join requests waiting in a community, for its stewards. {@code accounts} holds the chat accounts
     * of the people asking, by person id, so that each tool can mention them in the answer to type.
     */
    record Requests(String community, List<JoinRequest> requests, Map<String, List<ChatAccount>> accounts)
            implements Reply {
        public Requests {
            accounts = Map.copyOf(accounts);
        }

        public Requests(String community, List<JoinRequest> requests) {
            this(community, requests, Map.of());
        }

        @Override
        public String summary() {
            return requests.isEmpty()
                    ? "No request is waiting in " + community + "."
                    : requests.size() + (requests.size() == 1 ? " request waits" : " requests wait") + " in " + community
                            + ": answer with approve or decline " + community + " <person>.";
        }
    }

    /** whoami and roles/skills: what I declared and the accounts I use Ciment from. */
    record Me(Profile profile, List<ChatAccount> accounts) implements Reply {
        @Override
        public String summary() {
            String roles = profile.roles().isEmpty() ? "no roles" : "roles: " + String.join(", ", profile.roles());
            String skills = profile.skills().isEmpty() ? "no skills" : "skills: " + String.join(", ", profile.skills());
            return profile.person().displayName() + ": " + roles + "; " + skills + ".";
        }
    }

    /** who <topic>: the people who declared it (by name, never ranked) and the communities tagged with it. */
    record Who(String topic, List<Found> people, List<Community> communities) implements Reply {
        @Override
        public String summary() {
            if (people.isEmpty() && communities.isEmpty()) {
                return "Nobody has declared “" + topic + "” yet, and no community is tagged with it.";
            }
            String names = people.isEmpty() ? "nobody yet"
                    : String.join(", ", people.stream().map(found -> found.person().displayName()).toList());
            String tagged = communities.isEmpty() ? "none yet"
                    : String.join(", ", communities.stream().map(c -> c.slug().value()).toList());
            return "For “" + topic + "”, people: " + names + "; communities: " + tagged + ".";
        }
    }

    /** A person found, with the chat accounts through which the asker can reach them. */
    record Found(Person person, List<ChatAccount> accounts) {
    }
}
