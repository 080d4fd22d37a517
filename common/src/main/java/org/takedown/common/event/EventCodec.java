package org.takedown.common.event;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Turns payloads into CloudEvents envelopes and back. Unknown fields are tolerated, so a newer minor version of a
 * producer does not break an older consumer; a missing required field is an error.
 */
public final class EventCodec {

    private final ObjectMapper mapper;
    private final Validator validator;

    public EventCodec(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.validator = validator;
    }

    /** Wraps a payload in an unsigned envelope with a fresh id. */
    public ObjectNode envelope(String source, EventPayload payload, Instant time) {
        EventType type = EventType.of(payload);
        requireValid(payload, "data");
        EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), source,
                type.ceType(), payload.party().legalName(), time, EventEnvelope.CONTENT_TYPE, type.dataschema(), null,
                null, mapper.valueToTree(payload));
        return mapper.valueToTree(envelope);
    }

    public String toJson(JsonNode tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    /** Parses the raw message body into a JSON object, without interpreting it yet. */
    public ObjectNode parse(String json) throws MalformedEventException {
        try {
            JsonNode node = mapper.readTree(json);
            if (node == null || !node.isObject()) {
                throw new MalformedEventException("event is not a JSON object");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("event is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The envelope's top-level {@code subject}, read without building the tree: the consumer routes every message by
     * it before applying it. Empty when the body is not a JSON object or has no text subject; such a message is
     * refused when it is applied.
     */
    public Optional<String> subject(String json) {
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean isSubject = "subject".equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (isSubject) {
                    return value == JsonToken.VALUE_STRING ? Optional.of(parser.getText()) : Optional.empty();
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Reads the envelope and its typed payload, validating both against the contract. */
    public ReceivedEvent decode(ObjectNode tree) throws MalformedEventException {
        EventEnvelope envelope = read(tree, EventEnvelope.class, "envelope");
        if (!EventEnvelope.SPEC_VERSION.equals(envelope.specversion())) {
            throw new MalformedEventException("specversion: must be " + EventEnvelope.SPEC_VERSION);
        }
        EventType type = EventType.fromCeType(envelope.type())
                .orElseThrow(() -> new MalformedEventException("type: unsupported event type '" + envelope.type() + "'"));
        EventPayload payload = read(envelope.data(), type.payloadType(), "data");
        return new ReceivedEvent(envelope, type, payload);
    }

    private <T> T read(JsonNode node, Class<T> type, String path) throws MalformedEventException {
        T value;
        try {
            value = mapper.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException(path + ": " + rootMessage(e));
        }
        if (value == null) {
            throw new MalformedEventException(path + ": must not be null");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new MalformedEventException(describe(violations, path));
        }
        return value;
    }

    private <T> void requireValid(T value, String path) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("Refusing to publish an invalid event: " + describe(violations, path));
        }
    }

    private static <T> String describe(Set<ConstraintViolation<T>> violations, String path) {
        return violations.stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> path + "." + v.getPropertyPath() + ": " + v.getMessage())
                .collect(Collectors.joining("; "));
    }

    private static String rootMessage(Exception e) {
        return e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    }
}
