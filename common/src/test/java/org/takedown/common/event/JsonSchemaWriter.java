package org.takedown.common.event;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Derives a JSON Schema (2020-12) from a contract record and its Bean Validation annotations, so the committed
 * schemas can never drift from the records that produce and read the events.
 */
final class JsonSchemaWriter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, JsonNode> definitions = new TreeMap<>();

    static ObjectNode schemaFor(Class<?> root, String id, String title) {
        JsonSchemaWriter writer = new JsonSchemaWriter();
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", id);
        schema.put("title", title);
        schema.setAll(writer.recordSchema(root));
        if (!writer.definitions.isEmpty()) {
            ObjectNode defs = schema.putObject("$defs");
            writer.definitions.forEach(defs::set);
        }
        return schema;
    }

    private ObjectNode recordSchema(Class<?> type) {
        ObjectNode schema = JSON.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (RecordComponent component : type.getRecordComponents()) {
            ObjectNode property = typeSchema(component.getGenericType());
            AnnotatedElement field = fieldOf(type, component.getName());
            if (field.isAnnotationPresent(NotBlank.class)) {
                property.put("minLength", 1);
            }
            if (field.isAnnotationPresent(NotEmpty.class)) {
                property.put("minItems", 1);
            }
            Pattern pattern = field.getAnnotation(Pattern.class);
            if (pattern != null) {
                property.put("pattern", "^" + pattern.regexp() + "$");
            }
            if (component.getType() == boolean.class) {
                property.put("default", false); // an absent flag reads as false
            }
            if (field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class)
                    || field.isAnnotationPresent(NotEmpty.class)) {
                required.add(component.getName());
            }
            properties.set(component.getName(), property);
        }
        schema.set("required", required);
        // unknown fields are tolerated, so a newer minor version does not break older consumers
        schema.put("additionalProperties", true);
        return schema;
    }

    private ObjectNode typeSchema(Type type) {
        ObjectNode schema = JSON.objectNode();
        if (type instanceof ParameterizedType list) {
            schema.put("type", "array");
            schema.set("items", typeSchema(list.getActualTypeArguments()[0]));
            return schema;
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            schema.put("type", "string");
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema.put("type", "boolean");
        } else if (raw == Instant.class) {
            schema.put("type", "string");
            schema.put("format", "date-time");
        } else if (raw == JsonNode.class) {
            schema.put("type", "object");
        } else if (raw.isEnum()) {
            schema.put("type", "string");
            ArrayNode values = schema.putArray("enum");
            Arrays.stream(raw.getEnumConstants()).forEach(value -> values.add(value.toString()));
        } else if (raw.isRecord()) {
            if (!definitions.containsKey(raw.getSimpleName())) {
                definitions.put(raw.getSimpleName(), JSON.objectNode()); // reserve the name before recursing
                definitions.put(raw.getSimpleName(), recordSchema(raw));
            }
            schema.put("$ref", "#/$defs/" + raw.getSimpleName());
        } else {
            throw new IllegalArgumentException("No schema mapping for " + raw);
        }
        return schema;
    }

    private static AnnotatedElement fieldOf(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
