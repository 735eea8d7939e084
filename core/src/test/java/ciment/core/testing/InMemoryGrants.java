package ciment.core.testing;

import ciment.core.model.Grant;
import ciment.core.port.Grants;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The roles an admin granted, in memory. */
final class InMemoryGrants implements Grants {
    private final InMemoryTable table;

    InMemoryGrants(InMemoryTable table) {
        this.table = table;
    }

    @Override
    public Set<Grant> grantsOf(String personId) {
        synchronized (table) {
            return Set.copyOf(table.grants.getOrDefault(personId, Set.of()));
        }
    }

    @Override
    public boolean grant(String personId, Grant grant) {
        synchronized (table) {
            boolean added = table.grants.computeIfAbsent(personId, id -> new HashSet<>()).add(grant);
            if (added) {
                table.writes++;
            }
            return added;
        }
    }

    @Override
    public List<String> holders(Grant grant) {
        synchronized (table) {
            return table.grants.entrySet().stream().filter(e -> e.getValue().contains(grant)).map(Map.Entry::getKey)
                    .sorted().toList();
        }
    }
}
