package org.takedown.hosting.repository;

/** How urgently reviewers should look at a case. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    public Priority atLeast(Priority other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
