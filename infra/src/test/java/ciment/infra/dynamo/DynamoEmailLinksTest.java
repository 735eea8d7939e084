package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.ChatAccount;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.VouchedAddress;
import ciment.core.port.People;
import ciment.core.port.People.EmailClaim;
import ciment.core.port.Repositories;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Race;
import ciment.infra.testing.Sample;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One person across Slack and Teams: accounts enrolled and linked by a verified email address, and guests. */
class DynamoEmailLinksTest {
    private static String table;
    private static Repositories store;

    @BeforeAll
    static void table() {
        table = MotoTables.create("email-links");
        store = MotoTables.repositories(table).repositories();
    }

    @Test
    void enroll_withAnEmailNobodyHolds_makesThePerson_withTheClaimAndTheAddressOnTheProfile() {
        String email = email();
        Person ada = new Person(Sample.personId(), "Ada");

        assertEquals(ada, store.people().enroll(slack(), ada, Optional.of(vouched(email))));

        assertEquals(Optional.of(ada), holder(email));
        assertEquals(Optional.of(email), store.people().profile(ada).email());
        Map<String, AttributeValue> claim = item("EMAIL#" + email, "EMAIL");
        assertEquals(ada.id(), claim.get("personId").s());
    }

    @Test
    void enroll_secondAccountWithTheSameEmail_isLinkedToTheFirstPerson_writingOnlyItsIdentityLink() {
        String email = email();
        ChatAccount slack = slack();
        ChatAccount teams = teams();
        Person ada = store.people().enroll(slack, new Person(Sample.personId(), "Ada"), Optional.of(vouched(email)));
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        Person linked = store.people().enroll(teams, new Person(Sample.personId(), "Ada L. (Teams)"), Optional.of(vouched(email)));

        assertEquals(ada, linked);
        assertEquals(Optional.of(ada), store.people().find(teams));
        assertEquals(Set.of(slack, teams), Set.copyOf(store.people().accounts(ada)));
        List<Map<String, AttributeValue>> written = MotoTables.items(table);
        written.removeAll(before);
        assertEquals(List.of("ID#teams#" + teams.workspace() + "#" + teams.userId()),
                written.stream().map(item -> item.get("pk").s()).toList(), "no second profile, no second claim");
    }

    @Test
    void enroll_anAccountAlreadyLinked_returnsItsPerson_andWritesNothing() {
        String email = email();
        ChatAccount account = slack();
        Person ada = store.people().enroll(account, new Person(Sample.personId(), "Ada"), Optional.of(vouched(email)));
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertEquals(ada, store.people().enroll(account, new Person(Sample.personId(), "Ada again"), Optional.of(vouched(email()))));
        assertEquals(ada, store.people().enroll(account, new Person(Sample.personId(), "Ada again"), Optional.empty()));

        assertEquals(before, MotoTables.items(table));
    }

    @Test
    void enroll_theEmailInAnotherCase_findsTheSamePerson() {
        String email = email();
        Person ada = store.people().enroll(slack(), new Person(Sample.personId(), "Ada"), Optional.of(vouched(email)));

        assertEquals(ada, store.people().enroll(teams(), new Person(Sample.personId(), "Ada"), Optional.of(vouched(email.toUpperCase()))));
        assertEquals(Optional.of(ada), holder(" " + email.toUpperCase()));
    }

    @Test
    void enroll_twoAccountsWithTheSameEmailAtOnce_endAsOnePerson_withOneProfileAndOneClaim() {
        for (int round = 0; round < 5; round++) {
            String email = email();
            List<ChatAccount> accounts = List.of(slack(), teams(), slack(), teams());
            List<Map<String, AttributeValue>> before = MotoTables.items(table);

            List<Person> people = Race.run(accounts.size(), i ->
                    store.people().enroll(accounts.get(i), new Person(Sample.personId(), "Grace " + i), Optional.of(vouched(email))));

            assertEquals(1, Set.copyOf(people).size(), "round " + round + ": " + people);
            Person grace = people.get(0);
            for (ChatAccount account : accounts) {
                assertEquals(Optional.of(grace), store.people().find(account));
            }
            List<Map<String, AttributeValue>> written = MotoTables.items(table);
            written.removeAll(before);
            assertEquals(List.of("P#" + grace.id()), pks(written, "P#"), "one profile");
            assertEquals(List.of("EMAIL#" + email), pks(written, "EMAIL#"), "one claim");
        }
    }

    @Test
    void enroll_aGuest_isAGuestWhenFound_byAccountAndByEmail_andInPeople() {
        String email = email();
        ChatAccount account = teams();
        Person guest = new Person(Sample.personId(), "Pat from Supplier", true);

        assertEquals(guest, store.people().enroll(account, guest, Optional.of(vouched(email))));

        assertTrue(store.people().find(account).orElseThrow().guest());
        assertTrue(holder(email).orElseThrow().guest());
        assertEquals(List.of(guest), store.people().people(List.of(guest.id())));
        assertTrue(item("P#" + guest.id(), "PROFILE").get("guest").bool());
        assertTrue(store.people().enroll(slack(), new Person(Sample.personId(), "Pat", false), Optional.of(vouched(email))).guest(),
                "a linked account is the person it joins");
    }

    @Test
    void enroll_withoutEmail_makesAnEmployeeWithNoEmail_andNoClaim() {
        Person ada = store.people().enroll(slack(), new Person(Sample.personId(), "Ada"), Optional.empty());

        assertFalse(ada.guest());
        assertEquals(Optional.empty(), store.people().profile(ada).email());
        assertFalse(item("P#" + ada.id(), "PROFILE").get("guest").bool());
    }

    @Test
    void findByEmail_nobodyHoldsIt_isEmpty() {
        assertEquals(Optional.empty(), holder(email()));
    }

    @Test
    void claimEmail_personWithoutAddress_claimsIt_andIsFoundByIt() {
        Person ada = store.people().enroll(slack(), new Person(Sample.personId(), "Ada"), Optional.empty());
        String email = email();

        assertEquals(EmailClaim.CLAIMED, store.people().claimEmail(ada, vouched(email)));

        assertEquals(Optional.of(ada), holder(email));
        assertEquals(Optional.of(email), store.people().profile(ada).email());
        assertEquals(ada, store.people().enroll(teams(), new Person(Sample.personId(), "Ada"), Optional.of(vouched(email))));
    }

    @Test
    void claimEmail_refusals_writeNothing() {
        String adasEmail = email();
        String gracesEmail = email();
        Person ada = store.people().enroll(slack(), new Person(Sample.personId(), "Ada"), Optional.of(vouched(adasEmail)));
        store.people().enroll(teams(), new Person(Sample.personId(), "Grace"), Optional.of(vouched(gracesEmail)));
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertEquals(EmailClaim.ALREADY_THEIRS, store.people().claimEmail(ada, vouched(adasEmail)));
        assertEquals(EmailClaim.TAKEN, store.people().claimEmail(ada, vouched(gracesEmail)));
        assertEquals(EmailClaim.HAS_ANOTHER, store.people().claimEmail(ada, vouched(email())));

        assertEquals(before, MotoTables.items(table));
    }

    @Test
    void claimEmail_twoPeopleClaimingOneAddressAtOnce_oneClaimsIt_theOtherIsTaken() {
        for (int round = 0; round < 5; round++) {
            String email = email();
            List<Person> people = List.of(
                    store.people().enroll(slack(), new Person(Sample.personId(), "One"), Optional.empty()),
                    store.people().enroll(teams(), new Person(Sample.personId(), "Two"), Optional.empty()));

            List<EmailClaim> claims = Race.run(2, i -> store.people().claimEmail(people.get(i), vouched(email)));

            assertEquals(Set.of(EmailClaim.CLAIMED, EmailClaim.TAKEN), Set.copyOf(claims), "round " + round);
            Person holder = people.get(claims.indexOf(EmailClaim.CLAIMED));
            Person other = people.get(claims.indexOf(EmailClaim.TAKEN));
            assertEquals(Optional.of(holder), holder(email));
            assertEquals(Optional.empty(), store.people().profile(other).email(), "the loser's profile is untouched");
        }
    }

    @Test
    void claimFromBeforeVouching_linksNobody_andGivesWayToAVouchedEnrolment() {
        String email = email();
        Person squatter = store.people().enroll(teams(), new Person(Sample.personId(), "Root?", false), Optional.empty());
        legacyClaim(email, squatter);

        assertEquals(Optional.empty(), store.people().holderOf(email), "a claim no organisation vouched for names nobody");
        Person ada = new Person(Sample.personId(), "Ada");
        assertEquals(ada, store.people().enroll(slack(), ada, Optional.of(vouched(email))), "the vouched account is its own person");

        assertEquals(Optional.of(ada), holder(email));
        assertEquals("T0001", item("EMAIL#" + email, "EMAIL").get("vouchedBy").s());
        assertEquals(Optional.of("T0001"), store.people().profile(ada).vouchedBy());
        assertEquals(Optional.empty(), store.people().profile(squatter).vouchedBy(), "the old address stays unvouched");
    }

    @Test
    void claimEmail_overAClaimFromBeforeVouching_claimsIt_andVouchesForTheHoldersOwnOldAddress() {
        String email = email();
        Person ada = store.people().enroll(slack(), new Person(Sample.personId(), "Ada"), Optional.empty());
        legacyClaim(email, ada);

        assertEquals(EmailClaim.CLAIMED, store.people().claimEmail(ada, vouched(email)));

        assertEquals(Optional.of(ada), holder(email));
        assertEquals(Optional.of(vouched(email)), store.people().profile(ada).vouchedAddress());
    }

    /** What the code before vouching wrote: the claim and PROFILE's address, nothing saying who vouched. */
    private static void legacyClaim(String email, Person person) {
        MotoTables.CLIENT.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("EMAIL#" + email),
                "sk", AttributeValue.fromS("EMAIL"), "personId", AttributeValue.fromS(person.id()))));
        MotoTables.CLIENT.updateItem(b -> b.tableName(table).key(Keys.key("P#" + person.id(), "PROFILE"))
                .updateExpression("SET email = :email").expressionAttributeValues(Map.of(":email",
                        AttributeValue.fromS(email))));
    }

    private static List<String> pks(List<Map<String, AttributeValue>> items, String prefix) {
        return items.stream().map(item -> item.get("pk").s()).filter(pk -> pk.startsWith(prefix))
                .collect(Collectors.toList());
    }

    private static Map<String, AttributeValue> item(String pk, String sk) {
        return MotoTables.CLIENT.getItem(b -> b.tableName(table).key(Keys.key(pk, sk)).consistentRead(true)).item();
    }

    /** An address vouched for by the Slack workspace of {@link #slack()}. */
    static VouchedAddress vouched(String email) {
        return new VouchedAddress(email, "T0001");
    }

    private static Optional<Person> holder(String email) {
        return store.people().holderOf(email).map(People.Holder::person);
    }

    static String email() {
        return "ada." + Sample.personId().toLowerCase() + "@example.com";
    }

    static ChatAccount slack() {
        return new ChatAccount(Platform.SLACK, "T0001", "U" + Sample.personId());
    }

    static ChatAccount teams() {
        return new ChatAccount(Platform.TEAMS, "0f9b2c4e-tenant", "29:" + Sample.personId());
    }
}
