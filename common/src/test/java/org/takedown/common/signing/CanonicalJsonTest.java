package org.takedown.common.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

/** The signed byte form is a contract with every peer: these bytes must never change. */
class CanonicalJsonTest {

    static final String TREE = """
            {"z": 1, "a": {"y": [ {"k": null, "b": true}, 2.50, "é\\u2028" ], "x": {}}, "m": [], "B": -0,
             "signature": "kept unless asked"}""";

    @Test
    void sortsEveryObjectAtEveryDepthAndDropsWhiteSpace() throws Exception {
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(TREE);

        assertEquals("{\"B\":0,\"a\":{\"x\":{},\"y\":[{\"b\":true,\"k\":null},2.5,\"é\u2028\"]},\"m\":[],"
                + "\"signature\":\"kept unless asked\",\"z\":1}",
                new String(CanonicalJson.bytes(tree), StandardCharsets.UTF_8));
    }

    @Test
    void withoutLeavesTheOriginalAsItWas() throws Exception {
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(TREE);

        ObjectNode unsigned = CanonicalJson.without(tree, EventSigner.SIGNATURE);
        unsigned.put("signingkey", "k1");

        assertFalse(unsigned.has(EventSigner.SIGNATURE));
        assertTrue(tree.has(EventSigner.SIGNATURE));
        assertFalse(tree.has("signingkey"));
        assertEquals(tree.get("a"), unsigned.get("a"));
    }
}
