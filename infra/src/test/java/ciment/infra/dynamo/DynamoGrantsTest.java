package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.Grant;
import ciment.core.model.Person;
import ciment.core.port.PersonalRecords.Erased;
import ciment.core.port.Repositories;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Sample;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Roles an admin granted, on the table: once each, found by person and by role, exported and erased with the person. */
class DynamoGrantsTest {
    private final String table = MotoTables.create("grants");
    private final Repositories store = MotoTables.repositories(table).repositories();

    @Test
    void aGrant_isKeptOnce_andFoundByPersonAndByRole() {
        Person ada = store.people().enroll(DynamoEmailLinksTest.slack(), new Person(Sample.personId(), "Ada"), Optional.empty());

        assertTrue(store.grants().grant(ada.id(), Grant.FINANCE));
        assertFalse(store.grants().grant(ada.id(), Grant.FINANCE), "granted already: nothing written");
        assertTrue(store.grants().grant(ada.id(), Grant.ADMIN));

        assertEquals(Set.of(Grant.FINANCE, Grant.ADMIN), store.grants().grantsOf(ada.id()));
        assertEquals(List.of(ada.id()), store.grants().holders(Grant.FINANCE));
        assertEquals(Set.of(), store.grants().grantsOf(Sample.personId()));
    }

    @Test
    void grants_areInThePersonsExport_andGoWithTheirErasure() {
        Person ada = store.people().enroll(DynamoEmailLinksTest.slack(), new Person(Sample.personId(), "Ada"), Optional.empty());
        store.grants().grant(ada.id(), Grant.FINANCE);

        assertEquals(List.of("finance"), store.personalRecords().personalData(ada.id()).orElseThrow().grants());
        assertEquals(Erased.DONE, store.personalRecords().erase(ada));

        assertEquals(Set.of(), store.grants().grantsOf(ada.id()));
        assertEquals(List.of(), store.grants().holders(Grant.FINANCE));
        assertTrue(MotoTables.items(table).stream().noneMatch(item -> item.get("pk").s().startsWith("GRANT#")));
    }
}
