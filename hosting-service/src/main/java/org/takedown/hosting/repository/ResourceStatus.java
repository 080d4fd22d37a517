package org.takedown.hosting.repository;

public enum ResourceStatus {
    ACTIVE,
    RESTRICTED
}
