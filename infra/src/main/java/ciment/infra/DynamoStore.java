package ciment.infra;

import ciment.core.config.Settings;
import ciment.core.model.AuditEntry;
import ciment.core.model.Channel;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Invitation;
import ciment.core.model.JoinRequest;
import ciment.core.model.Link;
import ciment.core.model.Membership;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.PostRef;
import ciment.core.model.Profile;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import ciment.core.model.Topic;
import ciment.core.model.VouchedAddress;
import ciment.core.port.Posts;
import ciment.core.port.Seal;
import ciment.core.port.Store;
import ciment.core.privacy.PersonalData;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Ciment's store on one DynamoDB table (ARCHITECTURE.md's single-table design). Every request is
 * metered by the {@link CapacityMeter}, under the name of the store operation that made it.
 */
public final class DynamoStore implements Store {
    static final String PRIME = "store.prime";

    private final Table table;
    private final CapacityMeter meter;
    private final DynamoCommunities communities;
    private final Posts posts;
    private final Seal seal;
    private final DynamoPeople people;
    private final Outbox outbox;
    private final DynamoPrivacy privacy;
    private final DynamoConversations conversations;
    private final DynamoQuestions questions;
    private final DynamoLinks links;
    private final DynamoMessageCopies copies;
    private final DynamoDbClient client;
    private final DynamoUsage usage;
    private final DynamoGrants grants;
    private final DynamoQuotas quotas;

    public DynamoStore(DynamoDbClient client, String tableName, CapacityMeter meter) {
        this(client, tableName, meter, HmacSeal.ofThisProcess());
    }

    /** With the seal of feed cursors (one key for every container: see {@link HmacSeal}). */
    DynamoStore(DynamoDbClient client, String tableName, CapacityMeter meter, Seal seal) {
        this.seal = seal;
        this.table = new Table(client, tableName, meter);
        this.meter = meter;
        this.communities = new DynamoCommunities(table);
        this.posts = new DynamoPosts(table);
        this.grants = new DynamoGrants(table, java.time.Clock.systemUTC());
        this.people = new DynamoPeople(table, communities, grants);
        this.outbox = new Outbox(table);
        this.privacy = new DynamoPrivacy(table, communities, people, grants);
        this.conversations = new DynamoConversations(table);
        this.questions = new DynamoQuestions(table);
        this.links = new DynamoLinks(table);
        this.copies = new DynamoMessageCopies(table);
        this.client = client;
        this.usage = new DynamoUsage(table);
        this.quotas = new DynamoQuotas(table);
    }

    /** The store a function uses: its client (once per container), table and meter from the settings. */
    public static DynamoStore fromSettings(Settings settings) {
        return new DynamoStore(DynamoClients.create(settings), settings.table(), CapacityMeter.forSettings(settings),
                HmacSeal.fromSettings(settings));
    }

    public CapacityMeter meter() {
        return meter;
    }

    /** Usage days, budgets and alerts (issue 6), on this store's table, client and meter. */
    public DynamoUsage usage() {
        return usage;
    }

    /**
     * A usage meter for this container's invocations, fed by every request this store's capacity meter
     * sees (and any other table object made on the same capacity meter). Make one per container.
     */
    public UsageMeter meterUsage(java.time.Clock clock) {
        return UsageMeter.attachedTo(meter, client, table.name(), clock);
    }

    /** Measures stored bytes per community into the usage items (a daily job). */
    public StorageMeasure storageMeasure() {
        return new StorageMeasure(client, table, meter);
    }

    /**
     * The Slack app's OAuth installs and states (multi-workspace mode), on this store's table and meter, their bot
     * tokens sealed and opened with {@code seal} (made once per container: it keeps data keys).
     */
    public DynamoSlackInstallations slackInstallations(TokenSeal seal) {
        return new DynamoSlackInstallations(table, seal);
    }

    /** Which chat messages show which posts, on this store's table, client and meter. */
    public DynamoMessageCopies messageCopies() {
        return copies;
    }

    /**
     * Reads a key that does not exist: loads the SDK's classes, resolves the endpoint and opens the
     * connection, so that the first real request does not pay for them. Call it during init, from a
     * background thread while the chat SDK starts; it throws what the read throws.
     */
    public void prime() {
        table.get(PRIME, Keys.key("PRIME", "PRIME"), false);
        // Most commands also query the index (a community by slug): load that path too.
        table.query(PRIME, q -> q.indexName(Keys.GSI1).keyConditionExpression("gsi1pk = :none")
                .expressionAttributeValues(Map.of(":none", AttributeValue.fromS("PRIME"))).limit(1));
    }

    @Override
    public boolean take(String personId, String kind, java.time.Instant windowStart, java.time.Duration window,
            int limit) {
        return quotas.take(personId, kind, windowStart, window, limit);
    }

    @Override
    public Created create(Community community, Membership firstSteward) {
        return communities.create(community, firstSteward);
    }

    @Override
    public Optional<Community> find(Slug slug) {
        return communities.find(slug);
    }

    @Override
    public Joined join(Membership membership) {
        return communities.join(membership);
    }

    @Override
    public Left leave(String communityId, String personId) {
        return communities.leave(communityId, personId);
    }

    @Override
    public Optional<Membership> membership(String communityId, String personId) {
        return communities.membership(communityId, personId);
    }

    @Override
    public List<Membership> membershipsOf(String personId) {
        return communities.membershipsOf(personId);
    }

    @Override
    public List<Membership> members(String communityId) {
        return communities.members(communityId);
    }

    @Override
    public List<Community> catalog() {
        return communities.catalog();
    }

    @Override
    public boolean add(Post post) {
        return posts.add(post);
    }

    @Override
    public List<Post> latest(String communityId, int limit) {
        return posts.latest(communityId, limit);
    }

    @Override
    public Posts.Page page(String communityId, Optional<String> before, int limit) {
        return posts.page(communityId, before, limit);
    }

    @Override
    public Map<String, Posts.Page> pages(List<String> communityIds, Optional<String> before, int limit) {
        return posts.pages(communityIds, before, limit);
    }

    @Override
    public String seal(String text) {
        return seal.seal(text);
    }

    @Override
    public Optional<String> open(String sealed) {
        return seal.open(sealed);
    }

    @Override
    public Optional<Post> find(Collection<String> communityIds, PostRef ref) {
        return conversations.find(communityIds, ref);
    }

    @Override
    public Added addReply(Post reply) {
        return conversations.addReply(reply);
    }

    @Override
    public List<Post> thread(String communityId, String rootId) {
        return conversations.thread(communityId, rootId);
    }

    @Override
    public Reacted react(Post post, String emoji, String personId, boolean add) {
        return conversations.react(post, emoji, personId, add);
    }

    @Override
    public boolean edit(Post post, String authorId, String text) {
        return conversations.edit(post, authorId, text);
    }

    @Override
    public boolean delete(Post post, String authorId, AuditEntry entry) {
        return conversations.delete(post, authorId, entry);
    }

    @Override
    public boolean hide(Post post, String reason, AuditEntry entry) {
        return conversations.hide(post, reason, entry);
    }

    @Override
    public List<AuditEntry> audit(String communityId, int limit) {
        return conversations.audit(communityId, limit);
    }

    @Override
    public boolean link(Link link) {
        return links.link(link);
    }

    @Override
    public boolean unlink(Link link) {
        return links.unlink(link);
    }

    @Override
    public Optional<Link> linkOf(Channel channel) {
        return links.linkOf(channel);
    }

    @Override
    public List<Link> links(String communityId) {
        return links.links(communityId);
    }

    @Override
    public boolean record(Platform platform, String conversationId, String messageId, String postRef) {
        return copies.record(platform, conversationId, messageId, postRef);
    }

    @Override
    public boolean recordOrigin(Platform platform, String conversationId, String messageId, String postRef) {
        return copies.recordOrigin(platform, conversationId, messageId, postRef);
    }

    @Override
    public Optional<String> find(Platform platform, String conversationId, String messageId) {
        return copies.find(platform, conversationId, messageId);
    }

    @Override
    public boolean accept(Post question, Post answer) {
        return questions.accept(question, answer);
    }

    @Override
    public List<Post> questions(String communityId, boolean unansweredOnly, int limit) {
        return questions.questions(communityId, unansweredOnly, limit);
    }

    @Override
    public boolean pin(Post post, boolean pin) {
        return questions.pin(post, pin);
    }

    @Override
    public List<Post> knowledge(String communityId, int limit) {
        return questions.knowledge(communityId, limit);
    }

    @Override
    public Optional<Person> find(ChatAccount account) {
        return people.find(account);
    }

    @Override
    public Person enroll(ChatAccount account, Person fresh, Optional<VouchedAddress> address) {
        return people.enroll(account, fresh, address);
    }

    @Override
    public Person link(ChatAccount account, Person person) {
        return people.link(account, person);
    }

    @Override
    public Optional<Holder> holderOf(String email) {
        return people.holderOf(email);
    }

    @Override
    public EmailClaim claimEmail(Person person, VouchedAddress address) {
        return people.claimEmail(person, address);
    }

    @Override
    public void merge(Person from, Person into) {
        people.merge(from, into);
    }

    /** The steps of a merge, for tests that interrupt one. */
    List<DynamoMerge.Step> mergeSteps(Person from, Person into) {
        return people.merging().steps(from, into);
    }

    @Override
    public Invited invite(Invitation invitation) {
        return communities.invite(invitation);
    }

    @Override
    public boolean invited(String communityId, String personId) {
        return communities.invited(communityId, personId);
    }

    @Override
    public List<String> invitationsOf(String personId) {
        return communities.invitationsOf(personId);
    }

    @Override
    public void change(String communityId, Change change) {
        communities.change(communityId, change);
    }

    @Override
    public List<String> stewards(String communityId) {
        return communities.stewards(communityId);
    }

    @Override
    public Requested request(JoinRequest request) {
        return communities.request(request);
    }

    @Override
    public List<JoinRequest> requests(String communityId) {
        return communities.requests(communityId);
    }

    @Override
    public Optional<JoinRequest> pendingRequest(String communityId, String personId) {
        return communities.pendingRequest(communityId, personId);
    }

    @Override
    public Decided decide(String communityId, String personId, boolean approve, Membership membershipIfApproved) {
        return communities.decide(communityId, personId, approve, membershipIfApproved);
    }

    @Override
    public RoleChanged setRole(String communityId, String personId, Role role) {
        return communities.setRole(communityId, personId, role);
    }

    @Override
    public List<Person> people(Collection<String> personIds) {
        return people.people(personIds);
    }

    @Override
    public Profile profile(Person person) {
        return people.profile(person);
    }

    @Override
    public List<Profile> profiles(List<Person> persons) {
        return people.profiles(persons);
    }

    @Override
    public boolean declare(Person person, Kind kind, Topic topic) {
        return people.declare(person, kind, topic);
    }

    @Override
    public boolean withdraw(Person person, Kind kind, Topic topic) {
        return people.withdraw(person, kind, topic);
    }

    @Override
    public List<Person> declaring(String topicKey) {
        return people.declaring(topicKey);
    }

    @Override
    public List<ChatAccount> accounts(Person person) {
        return people.accounts(person);
    }

    @Override
    public java.util.Set<ciment.core.model.Grant> grantsOf(String personId) {
        return grants.grantsOf(personId);
    }

    @Override
    public boolean grant(String personId, ciment.core.model.Grant grant) {
        return grants.grant(personId, grant);
    }

    @Override
    public List<String> holders(ciment.core.model.Grant grant) {
        return grants.holders(grant);
    }

    @Override
    public Optional<PersonalData> personalData(String personId) {
        return privacy.collect(personId);
    }

    @Override
    public Erased erase(Person person) {
        return privacy.erase(person);
    }

    @Override
    public void credit(ChatAccount author, Post post) {
        privacy.credit(author, post);
    }

    /** The steps of an erasure, for tests that interrupt one. */
    List<DynamoPrivacy.Step> eraseSteps(Person person) {
        return privacy.steps(person);
    }

    /** Into the outbox, for the delivery function of the recipient's platform (see {@link Outbox}). */
    @Override
    public void send(Notice notice) {
        outbox.send(notice);
    }
}
