package ciment.core.model;

/** What a person may do beyond communities: named at deployment or granted by an admin. Not hierarchy. */
public enum Grant {
    /** Grants roles, configures the deployment. */
    ADMIN,
    /** Reads every community's costs and sets budgets. */
    FINANCE
}
