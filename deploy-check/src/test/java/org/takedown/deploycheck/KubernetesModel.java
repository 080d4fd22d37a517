package org.takedown.deploycheck;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Reads rendered manifests into the fabric8 Kubernetes model and reports every field the model does not know (a typo
 * such as {@code replica} or {@code imagePullPolicyy}), every value of the wrong type, and every kind the suite is not
 * expected to ship.
 */
final class KubernetesModel {

    /** The kinds the suite ships, by {@code apiVersion/kind}. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    private static final ObjectMapper MAPPER = strictMapper();

    /** The objects that unmarshalled, and what was wrong with the others or inside them. */
    record Parsed(List<HasMetadata> objects, List<String> violations) {

        <T extends HasMetadata> List<T> all(Class<T> kind) {
            return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
        }

        <T extends HasMetadata> T named(Class<T> kind, String name) {
            return all(kind).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst().orElse(null);
        }
    }

    private KubernetesModel() {
    }

    static Parsed parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        for (JsonNode document : documents(yaml)) {
            if (document == null || document.isNull() || document.isEmpty()) {
                continue;
            }
            String key = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
            String name = key + " " + document.path("metadata").path("name").asText("<no name>");
            Class<? extends HasMetadata> type = KINDS.get(key);
            if (type == null) {
                violations.add(name + ": no model for " + key + " (not a kind the suite ships)");
                continue;
            }
            try {
                HasMetadata object = MAPPER.treeToValue(document, type);
                List<String> unknown = new ArrayList<>();
                collectUnknownFields(object, "", unknown, 0);
                unknown.forEach(path -> violations.add(name + ": unknown field " + path));
                objects.add(object);
            } catch (JsonProcessingException e) {
                violations.add(name + ": " + e.getOriginalMessage());
            }
        }
        return new Parsed(objects, violations);
    }

    private static List<JsonNode> documents(String yaml) {
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(yaml)) {
            return it.readAll();
        } catch (java.io.IOException e) {
            throw new AssertionError("Not YAML: " + e.getMessage(), e);
        }
    }

    /**
     * Every fabric8 model class keeps the fields it does not know in {@code additionalProperties}; walks the object
     * graph and reports each one with its path.
     */
    private static void collectUnknownFields(Object value, String path, List<String> unknown, int depth) {
        if (value == null || depth > 40) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                collectUnknownFields(element, path + "[" + i++ + "]", unknown, depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknownFields(v, path + "[" + k + "]", unknown, depth + 1));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object child = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> unknown.add(join(path, String.valueOf(k))));
                }
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            collectUnknownFields(child, join(path, field), unknown, depth + 1);
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** YAML in, and no silent conversion of a quoted "8080" or "true" into a number or a boolean. */
    private static ObjectMapper strictMapper() {
        YAMLMapper mapper = new YAMLMapper(new YAMLFactory());
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }
}
