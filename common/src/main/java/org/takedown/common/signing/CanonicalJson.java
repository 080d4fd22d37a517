package org.takedown.common.signing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The byte form that is signed: object keys sorted, no insignificant white space, UTF-8. Signer and verifier both
 * derive it from a JSON tree, so a receiver verifies exactly what it parsed, unknown fields included.
 */
public final class CanonicalJson {

    private static final ObjectMapper WRITER = new ObjectMapper();

    private CanonicalJson() {
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return WRITER.writeValueAsBytes(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                result.set(name, sorted(node.get(name)));
            }
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                result.add(sorted(it.next()));
            }
            return result;
        }
        return node;
    }

    /** Removes the given top-level members from a copy, for signing everything but the signature itself. */
    public static ObjectNode without(ObjectNode node, String... members) {
        ObjectNode copy = node.deepCopy();
        copy.remove(List.of(members));
        return copy;
    }
}
