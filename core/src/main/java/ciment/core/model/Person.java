package ciment.core.model;

/**
 * A person in the network, with the name their chat tool shows. A guest (a partner, supplier or
 * customer: a Slack Connect external user, a Teams guest) sees and joins only where invited.
 * {@code erasing}: the person confirmed erase-my-data and the erasure has not finished (it was
 * interrupted); their next request finishes it.
 */
public record Person(String id, String displayName, boolean guest, boolean erasing) {

    public Person(String id, String displayName, boolean guest) {
        this(id, displayName, guest, false);
    }

    /** An employee. */
    public Person(String id, String displayName) {
        this(id, displayName, false);
    }
}
