package org.takedown.notification.repository;

/** How a notification reaches its recipient. */
public enum Channel {
    EMAIL,
    WEBHOOK,
    INBOX
}
