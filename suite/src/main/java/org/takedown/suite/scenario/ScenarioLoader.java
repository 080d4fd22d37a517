package org.takedown.suite.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads a scenario from YAML or JSON and checks it completely before anything runs, so a typo fails at once with
 * the step and field it is in.
 */
public final class ScenarioLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ScenarioLoader() {
    }

    /** A name from the repository's {@code scenarios/} folder (such as {@code parler}), or a path to a file. */
    public static Scenario load(Path root, String nameOrPath) {
        Path file = Path.of(nameOrPath);
        if (!Files.isRegularFile(file)) {
            file = root.resolve("scenarios").resolve(nameOrPath + ".yaml");
        }
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException("No scenario '" + nameOrPath + "': not a file, and not in " + root.resolve("scenarios"));
        }
        try {
            return parse(Files.readString(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new ScenarioException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    public static Scenario parse(String text, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            throw new ScenarioException(origin + ": not valid YAML or JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException(origin + ": must be a mapping with name, title, parties and steps");
        }
        List<String> known = List.of("name", "title", "description", "parties", "steps");
        root.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                throw new ScenarioException(origin + ": unknown top-level field '" + field + "'; expected " + known);
            }
        });
        List<Party> parties = new ArrayList<>();
        JsonNode partyNodes = root.path("parties");
        for (Iterator<Map.Entry<String, JsonNode>> it = partyNodes.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            ((com.fasterxml.jackson.databind.node.ObjectNode) entry.getValue()).put("key", entry.getKey());
            parties.add(read(entry.getValue(), Party.class, origin + ": parties." + entry.getKey()));
        }
        List<Step> steps = new ArrayList<>();
        JsonNode stepNodes = root.path("steps");
        for (int i = 0; i < stepNodes.size(); i++) {
            steps.add(step(stepNodes.get(i), origin + ": steps[" + i + "]"));
        }
        Scenario scenario = new Scenario(root.path("name").asText(null), root.path("title").asText(null),
                root.path("description").asText(null), parties, steps);
        try {
            scenario.validate();
        } catch (ScenarioException e) {
            throw new ScenarioException(origin + ": " + e.getMessage());
        }
        return scenario;
    }

    private static Step step(JsonNode node, String where) {
        if (node == null || !node.isObject() || node.size() != 1) {
            throw new ScenarioException(where + ": a step is a mapping with exactly one key, its type, one of "
                    + Steps.TYPES.keySet());
        }
        String type = node.fieldNames().next();
        Class<? extends Step> stepClass = Steps.TYPES.get(type);
        if (stepClass == null) {
            throw new ScenarioException(where + ": unknown step type '" + type + "'; expected one of "
                    + Steps.TYPES.keySet());
        }
        return read(node.get(type), stepClass, where + "." + type);
    }

    private static <T> T read(JsonNode node, Class<T> type, String where) {
        try {
            return YAML.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            throw new ScenarioException(where + ": unknown field '" + e.getPropertyName() + "'; expected one of "
                    + e.getKnownPropertyIds());
        } catch (JsonMappingException e) {
            throw new ScenarioException(where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ScenarioException(where + ": " + e.getMessage());
        }
    }
}
