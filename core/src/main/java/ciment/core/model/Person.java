package ciment.core.model;

/**
 * A person in the network, with the name their chat tool shows. A guest (a partner, supplier or
 * customer: a Slack Connect external user, a Teams guest) sees and joins only where invited.
 */
public record Person(String id, String displayName, boolean guest) {

    /** An employee. */
    public Person(String id, String displayName) {
        this(id, displayName, false);
    }
}
