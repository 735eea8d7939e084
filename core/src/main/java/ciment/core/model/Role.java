package ciment.core.model;

/** What a person is in a community. Stewards animate and moderate; nobody owns a community. */
public enum Role {
    MEMBER,
    STEWARD
}
