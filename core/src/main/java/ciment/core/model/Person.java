package ciment.core.model;

/** A person in the network, with the name their chat tool shows. Functional roles and skills come later. */
public record Person(String id, String displayName) {
}
