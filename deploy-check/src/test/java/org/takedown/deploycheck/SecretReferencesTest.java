package org.takedown.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import org.junit.jupiter.api.Test;

/** No real secret is committed, and the documented example has every key the manifests reference. */
class SecretReferencesTest {

    @Test
    void noManifestShipsASecret() throws IOException {
        try (Stream<Path> files = Files.walk(Repository.path("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.toString().contains("examples")).toList()) {
                String text = Files.readString(file);
                assertTrue(!text.contains("kind: Secret") && !text.contains("secretGenerator"),
                        file + " ships a Secret: reference it (secretKeyRef) instead");
            }
        }
    }

    @Test
    void theExampleIsMarkedAndCoversEveryReferencedKey() {
        Kustomize.assumeAvailable();
        String text = Repository.read("k8s/examples/secrets.example.yaml");
        assertTrue(text.startsWith("# EXAMPLE ONLY - NOT APPLIED BY ANY KUSTOMIZATION, AND NOT A REAL SECRET."));
        KubernetesModel.Parsed example = KubernetesModel.parse(text);
        assertEquals(java.util.List.of(), example.violations());

        KubernetesModel.Parsed all = KubernetesModel.parse(Kustomize.render(Repository.path("k8s/overlays/all-in-one")));
        Set<String> referenced = new HashSet<>();
        Stream.concat(all.all(Deployment.class).stream().map(d -> d.getSpec().getTemplate()),
                all.all(StatefulSet.class).stream().map(s -> s.getSpec().getTemplate())).forEach(template -> {
                    template.getSpec().getContainers().forEach(c -> c.getEnv().stream()
                            .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                            .map(e -> e.getValueFrom().getSecretKeyRef())
                            .forEach(ref -> referenced.add(secretName(ref.getName()) + "/" + ref.getKey())));
                    template.getSpec().getVolumes().stream().filter(v -> v.getProjected() != null)
                            .flatMap(v -> v.getProjected().getSources().stream()).filter(s -> s.getSecret() != null)
                            .forEach(s -> s.getSecret().getItems().forEach(i -> referenced.add(s.getSecret().getName() + "/" + i.getKey())));
                });
        Set<String> provided = new HashSet<>();
        for (Secret secret : example.all(Secret.class)) {
            secret.getStringData().keySet().forEach(k -> provided.add(secretName(secret.getMetadata().getName()) + "/" + k));
        }
        assertTrue(provided.containsAll(referenced), "the example lacks " + difference(referenced, provided));
        for (String external : ManifestChecks.EXTERNAL_CONFIG_MAPS) {
            assertTrue(example.named(ConfigMap.class, external) != null, "the example lacks ConfigMap " + external);
        }
    }

    /** The example shows one provider's Secret: takedown-aws stands for every takedown-<provider>. */
    private static String secretName(String name) {
        return Repository.INSTANCES.stream().anyMatch(i -> name.equals("takedown-" + i.provider())) ? "takedown-<provider>" : name;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> missing = new HashSet<>(a);
        missing.removeAll(b);
        return missing;
    }
}
