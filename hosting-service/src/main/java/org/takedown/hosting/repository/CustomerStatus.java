package org.takedown.hosting.repository;

/** A customer's standing, from least to most severe; the order decides which of two actions prevails. */
public enum CustomerStatus {
    ACTIVE,
    WARNED,
    RESTRICTED,
    SUSPENDED,
    TERMINATED;

    public boolean isMoreSevereThan(CustomerStatus other) {
        return ordinal() > other.ordinal();
    }
}
