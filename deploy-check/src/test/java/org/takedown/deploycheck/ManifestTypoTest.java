package org.takedown.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks catch what they claim to: a typo, a wrong type, a wrong probe path, a variable nobody reads. */
class ManifestTypoTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              replicas: 1
              selector:
                matchLabels: {app: demo}
              template:
                metadata:
                  labels: {app: demo}
                spec:
                  containers:
                    - name: app
                      image: takedown/hosting-service:1
                      imagePullPolicy: IfNotPresent
                      ports:
                        - containerPort: 8080
            """;

    @Test
    void aCorrectManifestHasNoViolation() {
        assertEquals(List.of(), KubernetesModel.parse(DEPLOYMENT).violations());
    }

    @Test
    void aMisspelledFieldIsReportedWithItsPath() {
        List<String> replica = KubernetesModel.parse(DEPLOYMENT.replace("replicas:", "replica:")).violations();
        assertEquals(List.of("apps/v1/Deployment demo: unknown field spec.replica"), replica);

        List<String> pullPolicy = KubernetesModel.parse(DEPLOYMENT.replace("imagePullPolicy:", "imagePullPolicyy:")).violations();
        assertEquals(List.of("apps/v1/Deployment demo: unknown field spec.template.spec.containers[0].imagePullPolicyy"),
                pullPolicy);
    }

    @Test
    void aValueOfTheWrongTypeIsReported() {
        List<String> violations = KubernetesModel.parse(DEPLOYMENT.replace("containerPort: 8080", "containerPort: \"8080\""))
                .violations();
        assertEquals(1, violations.size(), violations::toString);
        assertTrue(violations.get(0).startsWith("apps/v1/Deployment demo: "), violations::toString);
    }

    @Test
    void aKindTheSuiteDoesNotShipIsReported() {
        List<String> violations = KubernetesModel.parse(DEPLOYMENT.replace("kind: Deployment", "kind: Deploymnet")).violations();
        assertEquals(List.of("apps/v1/Deploymnet demo: no model for apps/v1/Deploymnet (not a kind the suite ships)"), violations);
    }

    @Test
    void aTypoInTheSharedBaseFailsEveryOverlayThatUsesIt(@TempDir Path copy) throws IOException {
        Kustomize.assumeAvailable();
        copyTree(Repository.path("k8s"), copy);
        Path deployment = copy.resolve("base/app/deployment.yaml");
        Files.writeString(deployment, Files.readString(deployment)
                .replace("  replicas: 2", "  replica: 2")
                .replace("imagePullPolicy: IfNotPresent", "imagePullPolicyy: IfNotPresent"));

        List<String> violations = KubernetesModel.parse(Kustomize.render(copy.resolve("overlays/aws"))).violations();

        assertEquals(List.of("apps/v1/Deployment takedown-aws: unknown field spec.replica",
                "apps/v1/Deployment takedown-aws: unknown field spec.template.spec.containers[0].imagePullPolicyy"),
                violations.stream().sorted().toList());
    }

    @Test
    void aProbeOnAPathTheServiceDoesNotServeAndAVariableNobodyReadsAreReported() {
        Kustomize.assumeAvailable();
        String rendered = Kustomize.render(Repository.path("k8s/overlays/aws"))
                .replace("path: /q/health/ready", "path: /health/ready")
                .replace("TAKEDOWN_CLOCK_MODE:", "TAKEDOWN_CLOCK_MOOD:")
                .replace("targetPort: http", "targetPort: web");

        List<String> violations = ManifestChecks.check(KubernetesModel.parse(rendered));

        assertTrue(violations.stream().anyMatch(v -> v.contains("probe path /health/ready is not one of")), violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.contains("TAKEDOWN_CLOCK_MOOD maps to no configuration property")),
                violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.contains("targetPort web is no container port")), violations::toString);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
