package org.takedown.common.signing;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The byte form that is signed: object keys sorted, no insignificant white space, UTF-8. Signer and verifier both
 * derive it from a JSON tree, so a receiver verifies exactly what it parsed, unknown fields included.
 */
public final class CanonicalJson {

    // sorts the members of every object as it writes them, instead of building a sorted copy of the tree first
    private static final ObjectWriter WRITER = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build().writer();

    private CanonicalJson() {
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return WRITER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    /**
     * A copy of the top level without the given members, for signing everything but the signature itself. The
     * members below the top level are shared with the original, so neither may change them afterwards.
     */
    public static ObjectNode without(ObjectNode node, String... members) {
        ObjectNode copy = node.objectNode();
        copy.setAll(node);
        copy.remove(List.of(members));
        return copy;
    }
}
