package org.takedown.notification.service;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.takedown.common.event.EventType;

/** The short contract names ({@code decision.issued}) used in subscriptions, preferences and template names. */
public final class EventNames {

    private static final String PREFIX = "org.takedown.";

    private EventNames() {
    }

    public static String of(EventType type) {
        String ceType = type.ceType();
        return ceType.substring(PREFIX.length(), ceType.lastIndexOf(".v"));
    }

    public static Optional<EventType> parse(String name) {
        return Arrays.stream(EventType.values()).filter(t -> of(t).equals(name)).findFirst();
    }

    public static List<String> all() {
        return Arrays.stream(EventType.values()).map(EventNames::of).toList();
    }
}
