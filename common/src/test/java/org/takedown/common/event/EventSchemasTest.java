package org.takedown.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas in common/src/main/resources/schemas are the published contract. They are derived from the
 * records; run with {@code -Dschemas.write=true} to regenerate them after changing a record.
 */
class EventSchemasTest {

    static final Path DIR = Path.of("src/main/resources/schemas");
    static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theCommittedPayloadSchemaMatchesTheRecord(EventType type) throws IOException {
        check(type.schemaFile(), JsonSchemaWriter.schemaFor(type.payloadType(), type.dataschema(),
                type.ceType() + " payload"));
    }

    @Test
    void theCommittedEnvelopeSchemaMatchesTheRecord() throws IOException {
        check("envelope.v1.json", JsonSchemaWriter.schemaFor(EventEnvelope.class, "urn:takedown:schema:envelope:v1",
                "CloudEvents 1.0 envelope of every Takedown event"));
    }

    private static void check(String file, ObjectNode expected) throws IOException {
        String rendered = PRETTY.writeValueAsString(expected) + "\n";
        Path path = DIR.resolve(file);
        if (Boolean.getBoolean("schemas.write")) {
            Files.createDirectories(DIR);
            Files.writeString(path, rendered);
        }
        assertEquals(rendered, Files.readString(path),
                file + " is out of date: run the test with -Dschemas.write=true and commit the result");
    }
}
