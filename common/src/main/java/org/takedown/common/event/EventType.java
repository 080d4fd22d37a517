package org.takedown.common.event;

import java.util.Arrays;
import java.util.Optional;

/**
 * The event types of the contract. The CloudEvents {@code type} carries the major version, so a breaking change is a
 * new constant (".v2") that consumers opt into, never a silent change of ".v1".
 */
public enum EventType {
    DECISION_ISSUED("decision.issued", 1, DecisionIssued.class),
    DECISION_REVERSED("decision.reversed", 1, DecisionReversed.class),
    NOTICE_ISSUED("notice.issued", 1, NoticeIssued.class),
    REVIEW_OPENED("review.opened", 1, ReviewOpened.class),
    REVIEW_CONCLUDED("review.concluded", 1, ReviewConcluded.class);

    private final String name;
    private final int version;
    private final Class<? extends EventPayload> payloadType;

    EventType(String name, int version, Class<? extends EventPayload> payloadType) {
        this.name = name;
        this.version = version;
        this.payloadType = payloadType;
    }

    /** The CloudEvents type, such as {@code org.takedown.decision.issued.v1}. */
    public String ceType() {
        return "org.takedown." + name + ".v" + version;
    }

    /** Where the JSON Schema of the payload lives, relative to the classpath and the repository's schemas folder. */
    public String schemaFile() {
        return name + ".v" + version + ".json";
    }

    /** The CloudEvents dataschema URI. */
    public String dataschema() {
        return "urn:takedown:schema:" + name + ":v" + version;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType().equals(ceType)).findFirst();
    }

    public static EventType of(EventPayload payload) {
        return Arrays.stream(values()).filter(t -> t.payloadType == payload.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + payload.getClass()));
    }
}
