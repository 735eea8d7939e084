package ciment.core.reply;

import ciment.core.cost.ShownCurrency;
import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Listing;
import ciment.core.i18n.Message;
import ciment.core.model.Aggregate;
import ciment.core.model.AuditEntry;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.JoinRequest;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Profile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What Ciment answers, before any chat tool draws it: Slack renders Block Kit, Teams text and
 * Adaptive Cards. Every answer has a plain sentence too, for notifications and for tests. What a reply says
 * is said with the reader's Catalogue; the same methods without one say English, for logs and tests.
 */
public sealed interface Reply {

    /** One sentence in English, for logs and tests. */
    default String summary() {
        return summary(Catalogue.ENGLISH);
    }

    /** One sentence in the reader's language, for notifications, fallbacks and screen readers. */
    String summary(Catalogue words);

    /** Replies declared in files of their own, beside this one (this file is near its size limit). */
    sealed interface Beside extends Reply permits Insights {
    }

    /** A reply that is one message: its summary is the message said. */
    sealed interface Said extends Reply {
        Message message();

        @Override
        default String summary(Catalogue words) {
            return words.say(message());
        }
    }

    /**
     * The request was done; the message says what was done. The String constructor (as Refused's) is
     * transitional, for the adapters' own sentences until they are keys; core never uses it.
     */
    record Done(Message message) implements Said {
        public Done(String sentence) {
            this(Message.verbatim(sentence));
        }
    }

    /** The request was not done and nothing was written; the message says why and what to do. */
    record Refused(Message message) implements Said {
        public Refused(String sentence) {
            this(Message.verbatim(sentence));
        }
    }

    record Help(List<Usage> commands) implements Reply {
        @Override
        public String summary(Catalogue words) {
            return words.say("reply.help", Message.verbatim(String.join(", ", commands.stream().map(u -> u.form(words)).toList())));
        }
    }

    /** A list of posts under a title, with what to say when it is empty. */
    interface Titled {
        Message heading();

        Message whenEmpty();

        default String title(Catalogue words) {
            return words.say(heading());
        }

        default String emptyHint(Catalogue words) {
            return words.say(whenEmpty());
        }

        default String title() {
            return title(Catalogue.ENGLISH);
        }

        default String emptyHint() {
            return emptyHint(Catalogue.ENGLISH);
        }
    }

    /** A post was made (or had already been made by the same request: duplicates show the same post). */
    record Posted(Post post) implements Reply {
        @Override
        public String summary(Catalogue words) {
            String key = post.edited() ? "reply.posted.edited" : post.isReply() ? "reply.posted.replied"
                    : post.isQuestion() ? "reply.posted.asked" : "reply.posted";
            return words.say(key, post.reference(), post.slug());
        }
    }

    /** A thread whole: its first post (which may show as removed or hidden), then its replies oldest first. */
    record Thread(Post root, List<Post> replies) implements Reply {
        public Thread {
            replies = List.copyOf(replies);
        }

        @Override
        public String summary(Catalogue words) {
            return words.say("reply.thread", root.reference(), root.slug(), replies.size());
        }
    }

    /**
     * A list of posts other than a feed, under its title: a community's questions, its knowledge. Each post's
     * activity line says what it is (answered or not, pinned).
     */
    record Posts(Message heading, List<Post> posts, Message whenEmpty) implements Reply, Titled {
        public Posts {
            posts = List.copyOf(posts);
        }

        @Override
        public String summary(Catalogue words) {
            return posts.isEmpty() ? emptyHint(words) : words.say("reply.posts", heading, posts.size());
        }
    }

    /** A community's audit trail, newest first, for its stewards. */
    record Audit(String community, List<AuditEntry> entries) implements Reply {
        public Audit {
            entries = List.copyOf(entries);
        }

        @Override
        public String summary(Catalogue words) {
            return entries.isEmpty() ? words.say("reply.audit.none", community)
                    : words.say("reply.audit", community, entries.size());
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
        public String summary(Catalogue words) {
            if (communities.isEmpty() && offset > 0) {
                return words.say("reply.communities.lastPage");
            }
            if (communities.isEmpty()) {
                return query.isEmpty() ? words.say("reply.communities.none")
                        : words.say("reply.communities.noMatch", Message.verbatim(query));
            }
            int total = communities.size() + more;
            Message found = query.isEmpty() ? Message.of("reply.communities.count", total)
                    : Message.of("reply.communities.countMatching", total, Message.verbatim(query));
            if (more == 0) {
                return words.say("reply.communities.all", found);
            }
            Message shown = offset == 0 ? Message.of("reply.communities.first", communities.size())
                    : Message.of("reply.communities.numbers", offset + 1, offset + communities.size());
            return next.isEmpty() ? words.say("reply.communities.some", found, shown)
                    : words.say("reply.communities.someNext", found, shown, next);
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
    record Feed(String community, List<Post> posts, Message whenEmpty, String next, boolean older)
            implements Reply, Titled {
        /** How the word that asks for a feed's next page starts. */
        public static final String MORE = "more:";

        public Feed(String community, List<Post> posts, Message whenEmpty) {
            this(community, posts, whenEmpty, "", false);
        }

        /** Transitional (these two), for the adapters' own hints until they are keys; core never uses them. */
        public Feed(String community, List<Post> posts, String emptyHint) {
            this(community, posts, Message.verbatim(emptyHint));
        }

        public Feed(String community, List<Post> posts, String emptyHint, String next, boolean older) {
            this(community, posts, Message.verbatim(emptyHint), next, older);
        }

        public boolean isHome() {
            return community.isEmpty();
        }

        /** The sealed word of the next page (after "more:"), for a button asking for it; empty on the last page. */
        public Optional<String> nextCursor() {
            int at = next.lastIndexOf(MORE);
            return at < 0 ? Optional.empty() : Optional.of(next.substring(at + MORE.length()));
        }

        @Override
        public Message heading() {
            return isHome() ? Message.of(older ? "reply.feed.olderHome" : "reply.feed.latestHome")
                    : Message.of(older ? "reply.feed.older" : "reply.feed.latest", community);
        }

        @Override
        public String summary(Catalogue words) {
            if (posts.isEmpty()) {
                return older ? words.say(isHome() ? "reply.feed.noOlderHome" : "reply.feed.noOlder", community)
                        : emptyHint(words);
            }
            return next.isEmpty() ? words.say("reply.feed", heading(), posts.size())
                    : words.say("reply.feed.more", heading(), posts.size(), next);
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
        public String summary(Catalogue words) {
            String state = (community.open() ? "reply.info.open" : "reply.info.closed")
                    + (community.archived() ? "Archived" : "");
            return words.say("reply.info", community.slug(), Message.verbatim(community.purpose()),
                    Aggregate.membersMessage(community.memberCount()), Message.of(state));
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
        public String summary(Catalogue words) {
            return requests.isEmpty() ? words.say("reply.requests.none", community)
                    : words.say("reply.requests", community, requests.size());
        }
    }

    /**
     * A community's members, for its stewards: {@code members} (at most {@link #SHOWN}: stewards first, then by
     * name) with the chat tools each is on, and {@code total}, how many there are in all.
     */
    record Members(String community, List<Member> members, int total) implements Reply {
        /** The members one answer names: a list a chat message holds whole. */
        public static final int SHOWN = 40;

        public Members {
            members = List.copyOf(members);
        }

        /** A member: a steward or not, and the chat tools their linked accounts are on. */
        public record Member(Person person, boolean steward, Set<Platform> tools) {
            public Member {
                tools = Set.copyOf(tools);
            }

            /** "Slack", "Teams", "Slack and Teams" (or "no chat tool" for an account since erased). */
            public Message toolsMessage() {
                List<String> labels = java.util.Arrays.stream(Platform.values()).filter(tools::contains)
                        .map(Platform::label).toList();
                return labels.isEmpty() ? Message.of("reply.member.noTool") : Listing.and(labels);
            }

            /** "Ada (steward, Slack and Teams)". */
            public Message lineMessage() {
                return Message.of(steward ? "reply.member.steward" : "reply.member",
                        Message.verbatim(person.displayName()), toolsMessage());
            }
            public String toolsLabel() {
                return Catalogue.ENGLISH.say(toolsMessage());
            }

            public String line() {
                return Catalogue.ENGLISH.say(lineMessage());
            }
        }

        /** How many are not named. */
        public int unnamed() {
            return Math.max(0, total - members.size());
        }

        @Override
        public String summary(Catalogue words) {
            Message named = Listing.commas(members.stream().map(Member::lineMessage).toList());
            return unnamed() > 0 ? words.say("reply.members.more", community, total, named, unnamed())
                    : words.say("reply.members", community, total, named);
        }
    }

    /**
     * whoami (and roles, skills): my profile and accounts. {@code unlinked}: why this account is not linked to
     * others by its email address, in one sentence (whoami asks the chat tool again; empty otherwise).
     */
    record Me(Profile profile, List<ChatAccount> accounts, Optional<Message> unlinkedWhy) implements Reply {
        public Me(Profile profile, List<ChatAccount> accounts) {
            this(profile, accounts, Optional.empty());
        }

        public Optional<String> unlinked(Catalogue words) {
            return unlinkedWhy.map(words::say);
        }
        public Optional<String> unlinked() {
            return unlinked(Catalogue.ENGLISH);
        }

        @Override
        public String summary(Catalogue words) {
            Message roles = profile.roles().isEmpty() ? Message.of("reply.me.noRoles")
                    : Message.of("reply.me.roles", Message.verbatim(String.join(", ", profile.roles())));
            Message skills = profile.skills().isEmpty() ? Message.of("reply.me.noSkills")
                    : Message.of("reply.me.skills", Message.verbatim(String.join(", ", profile.skills())));
            return words.say("reply.me", Message.verbatim(profile.person().displayName()), roles, skills);
        }
    }

    /** who <topic>: the people who declared it (by name, never ranked) and the communities tagged with it. */
    record Who(String topic, List<Found> people, List<Community> communities) implements Reply {
        @Override
        public String summary(Catalogue words) {
            if (people.isEmpty() && communities.isEmpty()) {
                return words.say("reply.who.nobody", Message.verbatim(topic));
            }
            Message names = people.isEmpty() ? Message.of("reply.who.noPeople")
                    : Message.verbatim(String.join(", ", people.stream().map(found -> found.person().displayName()).toList()));
            Message tagged = communities.isEmpty() ? Message.of("reply.who.noCommunities")
                    : Message.verbatim(String.join(", ", communities.stream().map(c -> c.slug().value()).toList()));
            return words.say("reply.who", Message.verbatim(topic), names, tagged);
        }
    }

    /**
     * costs: a month's costs per community (never per person), for finance every community and the platform's
     * own line, for a steward the communities they steward. Amounts are US dollars to the cent, shown in the
     * deployment's currency (with its rate when converted).
     *
     * @param platform  the platform's line (what no community caused), for finance only
     * @param prices    the price table's name and date ("us-east-1/arm64/2024-11-01")
     * @param sources   where the prices were read
     * @param estimated some DynamoDB units were computed from item sizes, not reported by DynamoDB
     * @param chartUrl  the chart of the month, when Ciment knows its public address
     * @param csvUrl    the FOCUS CSV of the month, likewise
     */
    record Costs(YearMonth month, List<CommunityCost> communities, Optional<CommunityCost> platform,
            BigDecimal total, String prices, List<String> sources, boolean estimated,
            Optional<String> chartUrl, Optional<String> csvUrl, ShownCurrency currency) implements Reply {
        public Costs {
            communities = List.copyOf(communities);
            sources = List.copyOf(sources);
        }

        /** Shown in dollars. */
        public Costs(YearMonth month, List<CommunityCost> communities, Optional<CommunityCost> platform,
                BigDecimal total, String prices, List<String> sources, boolean estimated,
                Optional<String> chartUrl, Optional<String> csvUrl) {
            this(month, communities, platform, total, prices, sources, estimated, chartUrl, csvUrl, ShownCurrency.DOLLARS);
        }

        @Override
        public String summary(Catalogue words) {
            return CostWords.summary(this, words);
        }

        /** The prices' name, date and source, "estimated" when units were computed, and whom it is about. */
        public String footnote(Catalogue words) {
            return words.say(estimated ? "finance.costs.footnoteEstimated" : "finance.costs.footnote",
                    Message.verbatim(prices), Message.verbatim(String.join(", ", sources)));
        }
        public String footnote() {
            return footnote(Catalogue.ENGLISH);
        }

        /** One of its lines, amounts in its currency. */
        public String line(CommunityCost line, Catalogue words) {
            return CostWords.line(line, currency, words);
        }
    }

    /**
     * One line of a cost report: a community by slug (or "platform"), its month's cost, its most costly
     * services (at most three), and its budget if one is set. Amounts in dollars, as the report's.
     */
    record CommunityCost(String name, BigDecimal cost, List<ServiceCost> topServices,
            Optional<BigDecimal> budget) {
        public CommunityCost {
            topServices = List.copyOf(topServices);
        }

        /** The share of the budget used, in whole percent (rounded down), when a budget is set. */
        public OptionalInt percentOfBudget() {
            if (budget.isEmpty() || budget.get().signum() <= 0) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(cost.multiply(BigDecimal.valueOf(100))
                    .divide(budget.get(), 0, RoundingMode.FLOOR).intValue());
        }

        /** "data-guild: $1.23 (Lambda $0.80, DynamoDB $0.40); budget $25.00, 4% used" (see {@link CostWords}). */
        public String line(Catalogue words) {
            return CostWords.line(this, ShownCurrency.DOLLARS, words);
        }
        public String line() {
            return line(Catalogue.ENGLISH);
        }
    }

    record ServiceCost(String service, BigDecimal cost) {
    }

    /** A person found, with the chat accounts through which the asker can reach them. */
    record Found(Person person, List<ChatAccount> accounts) {
    }
}
