package org.takedown.hosting.repository;

/** A notice is open until the customer cures it, its deadline passes, or a newer notice replaces it. */
public enum NoticeState {
    OPEN,
    REMEDIATION_SUBMITTED,
    CURED,
    EXPIRED,
    SUPERSEDED;

    public boolean isPending() {
        return this == OPEN || this == REMEDIATION_SUBMITTED;
    }
}
