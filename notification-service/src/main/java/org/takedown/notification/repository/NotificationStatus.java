package org.takedown.notification.repository;

/** A notification waits (PENDING), arrives (DELIVERED), or gives up after its last attempt (DEAD). */
public enum NotificationStatus {
    PENDING,
    DELIVERED,
    DEAD
}
