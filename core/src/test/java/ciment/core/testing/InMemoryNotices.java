package ciment.core.testing;

import ciment.core.model.Notice;
import ciment.core.port.Notices;
import java.util.List;

/** The outbox in memory: what the delivery functions would send, for tests to read. */
final class InMemoryNotices implements Notices {
    private final InMemoryTable table;

    InMemoryNotices(InMemoryTable table) {
        this.table = table;
    }

    @Override
    public void send(Notice notice) {
        synchronized (table) {
            // As the outbox's conditional put: a notice id is kept once.
            if (table.outbox.stream().noneMatch(sent -> sent.id().equals(notice.id()))) {
                table.outbox.add(notice);
                table.writes++;
            }
        }
    }

    @Override
    public boolean sendOnce(Notice notice, Once once) {
        synchronized (table) {
            // As the outbox's transaction: the mark and the notice together, or nothing.
            if (!table.marks.add(once)) {
                return false;
            }
            table.writes++;
            send(notice);
            return true;
        }
    }

    /** The notices sent so far, oldest first. */
    List<Notice> outbox() {
        synchronized (table) {
            return List.copyOf(table.outbox);
        }
    }
}
