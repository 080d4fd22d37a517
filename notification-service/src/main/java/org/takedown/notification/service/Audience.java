package org.takedown.notification.service;

/**
 * Someone with a mailbox and an inbox who is told about an event: a contact of the affected party (keyed by email)
 * or a provider's trust and safety team (keyed by provider id).
 */
public record Audience(Kind kind, String key, String email, String name, String role) {

    public enum Kind {
        PARTY,
        PROVIDER
    }

    public boolean isParty() {
        return kind == Kind.PARTY;
    }
}
