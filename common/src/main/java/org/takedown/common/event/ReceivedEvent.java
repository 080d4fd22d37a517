package org.takedown.common.event;

/** An event that parsed, verified and decoded: its envelope, its type and its typed payload. */
public record ReceivedEvent(EventEnvelope envelope, EventType type, EventPayload payload) {

    public String id() {
        return envelope.id();
    }

    public String source() {
        return envelope.source();
    }

    public <T extends EventPayload> T payload(Class<T> expected) {
        return expected.cast(payload);
    }
}
