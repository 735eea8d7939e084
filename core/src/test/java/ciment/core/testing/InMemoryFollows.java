package ciment.core.testing;

import ciment.core.model.Follow;
import ciment.core.port.Follows;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Follows, mutes and the marks of who was told about which thread, in memory, as the table keeps them. */
final class InMemoryFollows implements Follows {
    private record Told(String changeId, Instant at) {
    }

    private final InMemoryTable table;
    /** "community#root" to person id to their follow. */
    private final Map<String, Map<String, Follow>> follows = new HashMap<>();
    /** "community#root#person" to the last change told. */
    private final Map<String, Told> told = new HashMap<>();

    InMemoryFollows(InMemoryTable table) {
        this.table = table;
    }

    @Override
    public void set(Follow follow) {
        synchronized (table) {
            follows.computeIfAbsent(follow.communityId() + "#" + follow.rootId(), k -> new LinkedHashMap<>())
                    .put(follow.personId(), follow);
            table.writes++;
        }
    }

    @Override
    public boolean followUnlessMuted(Follow follow) {
        synchronized (table) {
            Follow had = of(follow.communityId(), follow.rootId()).get(follow.personId());
            if (had != null && had.muted()) {
                return false;
            }
            set(follow);
            return true;
        }
    }

    @Override
    public Map<String, Follow> of(String communityId, String rootId) {
        synchronized (table) {
            return Map.copyOf(follows.getOrDefault(communityId + "#" + rootId, Map.of()));
        }
    }

    @Override
    public boolean markTold(String communityId, String rootId, String personId, String changeId, Instant at,
            Instant since) {
        synchronized (table) {
            String key = communityId + "#" + rootId + "#" + personId;
            Told last = told.get(key);
            if (last != null && last.at().isAfter(since) && !last.changeId().equals(changeId)) {
                return false;
            }
            told.put(key, new Told(changeId, at));
            table.writes++;
            return true;
        }
    }
}
