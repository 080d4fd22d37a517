package org.takedown.notification.service;

/** Fired when a transaction stored deliveries to make; observed after commit to wake the dispatcher. */
public record NotificationsQueued(String reason) {
}
