package ciment.infra.dynamo;

import static ciment.infra.dynamo.DynamoPeople.MERGE;

import ciment.core.model.ChatAccount;
import ciment.core.model.Person;
import ciment.core.model.Topic;
import ciment.core.port.People.Kind;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The steps of a merge that concern people ({@link DynamoMerge} runs them, in its order); each can run again. */
record PersonMoves(Table table, DynamoPeople people, TopicDeclarations topics) {
    private static final String EXISTS = "attribute_exists(" + Keys.PK + ")";

    /**
     * From's address (if any) now leads to into, so that an account enrolling with it meanwhile joins
     * into; into takes it as their own when they have none (a vouched one: when they have none vouched).
     */
    void moveEmail(Person from, Person into) {
        Optional<Map<String, AttributeValue>> profile = table.get(MERGE, Keys.profile(from.id()), true);
        Optional<String> email = profile.flatMap(item -> Items.optional(item, PersonItems.EMAIL));
        if (email.isEmpty()) {
            return;
        }
        AttributeValue intoId = Keys.s(into.id());
        table.update(MERGE, Keys.emailClaim(email.get()), "SET personId = :into", "personId = :from", Map.of(),
                Map.of(":into", intoId, ":from", Keys.s(from.id())), MetaSizes.set(PersonItems.PERSON_ID, intoId));
        AttributeValue address = Keys.s(email.get());
        Optional<String> vouchedBy = profile.flatMap(item -> Items.optional(item, PersonItems.EMAIL_VOUCHED_BY));
        if (vouchedBy.isEmpty()) {
            table.update(MERGE, Keys.profile(into.id()), "SET #email = :email",
                    EXISTS + " AND attribute_not_exists(#email)", Map.of("#email", PersonItems.EMAIL),
                    Map.of(":email", address), MetaSizes.set(PersonItems.EMAIL, address));
            return;
        }
        AttributeValue by = Keys.s(vouchedBy.get());
        table.update(MERGE, Keys.profile(into.id()), "SET #email = :email, #vouched = :by",
                EXISTS + " AND attribute_not_exists(#vouched)",
                Map.of("#email", PersonItems.EMAIL, "#vouched", PersonItems.EMAIL_VOUCHED_BY), Map.of(":email", address, ":by", by),
                old -> MetaSizes.set(PersonItems.EMAIL_VOUCHED_BY, by).apply(MetaSizes.set(PersonItems.EMAIL, address).apply(old)));
    }

    /**
     * Each of from's identity links now leads to into (its index entry moves to into's partition). A guest's
     * account stays a guest's, and every account of a guest is one: merging never makes a guest an employee.
     */
    void moveAccounts(Person from, Person into) {
        for (Map<String, AttributeValue> link : people.identityItemsOf(MERGE, from.id())) {
            ChatAccount account = PersonItems.accountOfIdentity(link);
            boolean guest = into.guest() || Items.bool(link, PersonItems.GUEST);
            Map<String, AttributeValue> moved = PersonItems.identity(account,
                    new Person(into.id(), into.displayName(), guest, into.erasing()));
            table.update(MERGE, Keys.identityLink(account),
                    "SET personId = :into, displayName = :name, guest = :guest, gsi1pk = :person",
                    "personId = :from", Map.of(),
                    Map.of(":into", Keys.s(into.id()), ":name", moved.get(PersonItems.DISPLAY_NAME),
                            ":guest", moved.get(PersonItems.GUEST), ":person", moved.get(Keys.GSI1_PK),
                            ":from", Keys.s(from.id())),
                    old -> moved);
        }
    }

    /** Each role and skill of from is declared by into (unless they have it), then withdrawn from from. */
    void moveTopics(Person from, Person into) {
        Optional<Map<String, AttributeValue>> profile = table.get(MERGE, Keys.profile(from.id()), true);
        if (profile.isEmpty()) {
            return;
        }
        for (Kind kind : Kind.values()) {
            for (String text : Items.texts(profile.get(), PersonItems.textsOf(kind))) {
                Topic topic = Topic.of(text);
                topics.declare(MERGE, into, kind, topic);
                topics.withdraw(MERGE, from, kind, topic);
            }
        }
    }

    /**
     * From's PROFILE stays, as an alias of into: their posts keep their id. Marked once. It is in the
     * keys-only index under into, so that into's export and erasure find the people merged into them.
     */
    void markMerged(Person from, Person into) {
        AttributeValue intoKey = Keys.s(Keys.person(into.id()));
        AttributeValue alias = Keys.s(Keys.ALIAS_PREFIX + from.id());
        table.update(MERGE, Keys.profile(from.id()), "SET #mergedInto = :into, #gsi2pk = :intoKey, #gsi2sk = :alias",
                EXISTS + " AND (attribute_not_exists(#mergedInto) OR #mergedInto <> :into)",
                Map.of("#mergedInto", PersonItems.MERGED_INTO, "#gsi2pk", Keys.GSI2_PK, "#gsi2sk", Keys.GSI2_SK),
                Map.of(":into", Keys.s(into.id()), ":intoKey", intoKey, ":alias", alias),
                old -> {
                    Map<String, AttributeValue> after = new HashMap<>(old);
                    after.put(PersonItems.MERGED_INTO, Keys.s(into.id()));
                    after.put(Keys.GSI2_PK, intoKey);
                    after.put(Keys.GSI2_SK, alias);
                    return after;
                });
    }
}
