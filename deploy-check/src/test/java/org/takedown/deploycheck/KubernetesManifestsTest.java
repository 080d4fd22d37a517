package org.takedown.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every overlay renders with kubectl kustomize, unmarshals strictly, and is consistent with the services' code. */
class KubernetesManifestsTest {

    private static final Map<String, KubernetesModel.Parsed> RENDERED = new HashMap<>();

    @BeforeAll
    static void render() {
        Kustomize.assumeAvailable();
        for (String overlay : Repository.OVERLAYS) {
            RENDERED.put(overlay, KubernetesModel.parse(Kustomize.render(Repository.path("k8s/overlays/" + overlay))));
        }
    }

    static List<String> overlays() {
        return Repository.OVERLAYS;
    }

    static List<Repository.Instance> instances() {
        return Repository.INSTANCES;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectUnmarshalsWithNoUnknownField(String overlay) {
        KubernetesModel.Parsed parsed = RENDERED.get(overlay);
        assertTrue(parsed.violations().isEmpty(), () -> overlay + ":\n" + String.join("\n", parsed.violations()));
        assertTrue(parsed.objects().size() > 5, overlay + " renders almost nothing");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void selectorsPortsProbesEnvironmentAndHardeningAreConsistent(String overlay) {
        List<String> violations = ManifestChecks.check(RENDERED.get(overlay));
        assertTrue(violations.isEmpty(), () -> overlay + ":\n" + String.join("\n", violations));
    }

    @ParameterizedTest
    @MethodSource("instances")
    void eachProviderOverlayIsOneCompleteInstanceWithItsOwnDatabaseAndSecret(Repository.Instance instance) {
        KubernetesModel.Parsed parsed = RENDERED.get(instance.provider());
        String name = "takedown-" + instance.provider();
        for (Class<? extends HasMetadata> kind : List.of(Deployment.class, Service.class, ServiceAccount.class,
                PodDisruptionBudget.class, HorizontalPodAutoscaler.class, NetworkPolicy.class)) {
            assertNotNull(parsed.named(kind, name), () -> kind.getSimpleName() + " " + name + " is missing");
        }
        Deployment deployment = parsed.named(Deployment.class, name);
        Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(instance.module(), Repository.moduleOfImage(app.getImage()));
        assertEquals(name, deployment.getSpec().getTemplate().getSpec().getServiceAccountName());

        Map<String, String> config = providerConfig(parsed, app);
        assertEquals(instance.provider(), config.get("TAKEDOWN_PROVIDER_ID"));
        URI jdbc = URI.create(config.get("QUARKUS_DATASOURCE_JDBC_URL").substring("jdbc:".length()));
        assertEquals("/" + instance.provider(), jdbc.getPath(), "one database per provider instance");

        // the endpoints named are the infrastructure's Services and ports
        KubernetesModel.Parsed infra = RENDERED.get("infra");
        assertEquals(jdbc.getPort(), servicePort(infra, jdbc.getHost()));
        assertEquals(Integer.parseInt(config.get("AMQP_PORT")), servicePort(infra, config.get("AMQP_HOST")));

        // every secret of the instance comes from its own Secret, by reference only
        Set<String> secrets = app.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .map(e -> e.getValueFrom().getSecretKeyRef().getName()).collect(Collectors.toSet());
        assertEquals(Set.of(name), secrets);
        Set<String> fromSecrets = app.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .map(EnvVar::getName).collect(Collectors.toSet());
        assertEquals(Set.of("TAKEDOWN_SIGNING_PRIVATE_KEY", "TAKEDOWN_SIGNING_PUBLIC_KEY", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "AMQP_USERNAME", "AMQP_PASSWORD"), fromSecrets);
    }

    @Test
    void allInOneIsTheInfrastructurePlusEveryProviderInOneNamespace() {
        KubernetesModel.Parsed all = RENDERED.get("all-in-one");
        Set<String> expected = new java.util.TreeSet<>();
        for (String overlay : List.of("infra", "aws", "apple", "google", "notification")) {
            RENDERED.get(overlay).objects().forEach(o -> expected.add(o.getKind() + "/" + o.getMetadata().getName()));
        }
        Set<String> actual = all.objects().stream().map(o -> o.getKind() + "/" + o.getMetadata().getName())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertEquals(expected, actual);
        assertTrue(all.objects().stream().filter(o -> !o.getKind().equals("Namespace"))
                .allMatch(o -> "takedown".equals(o.getMetadata().getNamespace())), "one namespace");
        assertEquals(4, all.all(Deployment.class).size());
    }

    @Test
    void infrastructureUsesTheSharedBrokerConfigurationAndDatabaseScript() {
        KubernetesModel.Parsed infra = RENDERED.get("infra");
        ConfigMap artemis = startingWith(infra, "artemis-config-");
        assertEquals(Repository.read("deploy/artemis/broker.xml"), artemis.getData().get("broker.xml"),
                "k8s/infra/artemis/broker.xml must be a copy of deploy/artemis/broker.xml");
        assertEquals(Repository.read("deploy/artemis/artemis-roles.properties"), artemis.getData().get("artemis-roles.properties"));
        ConfigMap postgres = startingWith(infra, "postgres-init-");
        assertEquals(Repository.read("deploy/postgres/init-databases.sh"), postgres.getData().get("init-databases.sh"),
                "k8s/infra/postgres/init-databases.sh must be a copy of deploy/postgres/init-databases.sh");

        StatefulSet db = infra.named(StatefulSet.class, "postgres");
        assertEquals(1, db.getSpec().getVolumeClaimTemplates().size(), "PostgreSQL keeps its data on a volume");
        Map<String, String> dbEnv = db.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getValue() != null).collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        assertEquals(Repository.INSTANCES.stream().map(Repository.Instance::provider).toList(),
                List.of(dbEnv.get("TAKEDOWN_DATABASES").split(" ")), "one database per provider instance");

        StatefulSet broker = infra.named(StatefulSet.class, "artemis");
        assertEquals(1, broker.getSpec().getVolumeClaimTemplates().size(), "Artemis keeps its journal on a volume");
        String dataMount = broker.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts().stream()
                .filter(m -> m.getName().equals(broker.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName()))
                .findFirst().orElseThrow().getMountPath();
        assertTrue(Repository.read("deploy/artemis/broker.xml").contains("${takedown.data.dir:" + dataMount + "}/journal"),
                "the journal is on the persistent volume");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hosting-service", "appstore-service", "notification-service"})
    void eachServiceBaseRendersOnItsOwn(String module) {
        KubernetesModel.Parsed parsed = KubernetesModel.parse(Kustomize.render(Repository.path("k8s/base/" + module)));
        assertTrue(parsed.violations().isEmpty(), () -> String.join("\n", parsed.violations()));
        assertEquals(1, parsed.all(ConfigMap.class).size(), "a base ships its ConfigMap");
    }

    private static Map<String, String> providerConfig(KubernetesModel.Parsed parsed, Container app) {
        String configMap = app.getEnvFrom().get(0).getConfigMapRef().getName();
        return parsed.named(ConfigMap.class, configMap).getData();
    }

    private static int servicePort(KubernetesModel.Parsed parsed, String host) {
        Service service = parsed.named(Service.class, host.split("\\.")[0]);
        assertNotNull(service, "no Service " + host);
        return service.getSpec().getPorts().get(0).getPort();
    }

    private static ConfigMap startingWith(KubernetesModel.Parsed parsed, String prefix) {
        return parsed.all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().startsWith(prefix))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + prefix + "*"));
    }
}
