package org.takedown.common.event;

/** What a provider decided to do. Hosting and store actions share one vocabulary so peers can compare them. */
public enum Action {
    WARN,
    RESTRICT,
    SUSPEND,
    TERMINATE,
    REINSTATE,
    REMOVE_LISTING,
    RESTRICT_LISTING,
    REQUIRE_REMEDIATION,
    KEEP;

    /** Actions that take something away from the party; reviews and appeals care about these. */
    public boolean isRestrictive() {
        return this == RESTRICT || this == SUSPEND || this == TERMINATE || this == REMOVE_LISTING || this == RESTRICT_LISTING;
    }
}
