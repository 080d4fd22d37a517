package org.takedown.deploycheck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The consistency checks of one rendered overlay: selectors, ports, probes, environment, hardening and shutdown. Each
 * returns what is wrong, so a test shows every problem at once.
 */
final class ManifestChecks {

    /** ConfigMaps the operator creates (docs/operations.md); everything else must be in the rendering. */
    static final Set<String> EXTERNAL_CONFIG_MAPS = Set.of("takedown-trust", "takedown-jwt");

    /** A pod template and where it comes from. */
    record Workload(HasMetadata owner, LabelSelector selector, PodTemplateSpec template) {

        String name() {
            return owner.getKind() + " " + owner.getMetadata().getName();
        }

        Map<String, String> podLabels() {
            return Optional.ofNullable(template.getMetadata().getLabels()).orElse(Map.of());
        }
    }

    private final KubernetesModel.Parsed rendered;
    private final List<String> violations = new ArrayList<>();

    private ManifestChecks(KubernetesModel.Parsed rendered) {
        this.rendered = rendered;
    }

    static List<String> check(KubernetesModel.Parsed rendered) {
        ManifestChecks checks = new ManifestChecks(rendered);
        checks.selectors();
        checks.servicePorts();
        checks.hpaTargets();
        for (Workload workload : checks.workloads()) {
            checks.hardening(workload);
            String module = moduleOf(workload);
            if (module != null) {
                checks.application(workload, ConfigurationCatalog.of(module));
            }
        }
        return checks.violations;
    }

    List<Workload> workloads() {
        List<Workload> all = new ArrayList<>();
        rendered.all(Deployment.class).forEach(d -> all.add(new Workload(d, d.getSpec().getSelector(), d.getSpec().getTemplate())));
        rendered.all(StatefulSet.class).forEach(s -> all.add(new Workload(s, s.getSpec().getSelector(), s.getSpec().getTemplate())));
        return all;
    }

    static String moduleOf(Workload workload) {
        return workload.template().getSpec().getContainers().stream().map(c -> Repository.moduleOfImage(c.getImage()))
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private void selectors() {
        for (Workload workload : workloads()) {
            if (!matches(workload.selector(), workload.podLabels())) {
                violations.add(workload.name() + ": selector " + workload.selector().getMatchLabels()
                        + " does not match its pod labels " + workload.podLabels());
            }
            long overlapping = workloads().stream().filter(other -> other.owner() != workload.owner())
                    .filter(other -> matches(workload.selector(), other.podLabels())).count();
            if (overlapping > 0) {
                violations.add(workload.name() + ": its selector also matches the pods of another workload");
            }
        }
        for (Service service : rendered.all(Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector == null || selector.isEmpty() || selected(new LabelSelector(null, selector)).isEmpty()) {
                violations.add("Service " + service.getMetadata().getName() + ": selector " + selector
                        + " matches no pod template");
            }
        }
        for (PodDisruptionBudget pdb : rendered.all(PodDisruptionBudget.class)) {
            if (selected(pdb.getSpec().getSelector()).size() != 1) {
                violations.add("PodDisruptionBudget " + pdb.getMetadata().getName() + ": selector matches "
                        + selected(pdb.getSpec().getSelector()).size() + " workloads, not one");
            }
        }
        for (NetworkPolicy policy : rendered.all(NetworkPolicy.class)) {
            LabelSelector selector = policy.getSpec().getPodSelector();
            boolean everyPod = selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty();
            if (!everyPod && selected(selector).isEmpty()) {
                violations.add("NetworkPolicy " + policy.getMetadata().getName() + ": podSelector matches no pod");
            }
        }
    }

    private void servicePorts() {
        for (Service service : rendered.all(Service.class)) {
            for (Workload workload : selected(new LabelSelector(null, service.getSpec().getSelector()))) {
                for (ServicePort port : service.getSpec().getPorts()) {
                    if (containerPort(workload, port.getTargetPort()) == null) {
                        violations.add("Service " + service.getMetadata().getName() + ": targetPort "
                                + text(port.getTargetPort()) + " is no container port of " + workload.name());
                    }
                }
            }
        }
    }

    private void hpaTargets() {
        for (HorizontalPodAutoscaler hpa : rendered.all(HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            if (!"Deployment".equals(target.getKind()) || rendered.named(Deployment.class, target.getName()) == null) {
                violations.add("HorizontalPodAutoscaler " + hpa.getMetadata().getName() + ": scales "
                        + target.getKind() + " " + target.getName() + ", which is not in the rendering");
            }
        }
    }

    /** Every container: non-root, read-only, no escalation, no capabilities, bounded resources, probes on real ports. */
    private void hardening(Workload workload) {
        var pod = workload.template().getSpec();
        boolean podNonRoot = pod.getSecurityContext() != null && Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot());
        for (Container container : pod.getContainers()) {
            String where = workload.name() + " container " + container.getName();
            var security = container.getSecurityContext();
            if (security == null) {
                violations.add(where + ": no securityContext");
                continue;
            }
            if (!podNonRoot && !Boolean.TRUE.equals(security.getRunAsNonRoot())) {
                violations.add(where + ": may run as root (runAsNonRoot is not true)");
            }
            if (!Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
                violations.add(where + ": root filesystem is writable");
            }
            if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                violations.add(where + ": allowPrivilegeEscalation is not false");
            }
            if (security.getCapabilities() == null || !security.getCapabilities().getDrop().contains("ALL")) {
                violations.add(where + ": capabilities are not all dropped");
            }
            if (container.getResources() == null || container.getResources().getLimits() == null
                    || !container.getResources().getLimits().containsKey("memory")
                    || container.getResources().getRequests() == null
                    || !container.getResources().getRequests().containsKey("cpu")) {
                violations.add(where + ": needs a memory limit and a CPU request");
            }
            if (container.getVolumeMounts().stream().noneMatch(m -> m.getMountPath().equals("/tmp"))) {
                violations.add(where + ": no writable /tmp (an emptyDir) under a read-only root filesystem");
            }
            for (Probe probe : probes(container)) {
                IntOrString port = probe.getHttpGet() != null ? probe.getHttpGet().getPort()
                        : probe.getTcpSocket() != null ? probe.getTcpSocket().getPort() : null;
                if (port != null && containerPort(container, port) == null) {
                    violations.add(where + ": probe port " + text(port) + " is not a container port");
                }
            }
            if (container.getReadinessProbe() == null || container.getLivenessProbe() == null) {
                violations.add(where + ": needs readiness and liveness probes");
            }
        }
    }

    /** A Takedown service: probes on its health paths, HTTP port as configured, every variable one it reads. */
    private void application(Workload workload, ConfigurationCatalog service) {
        var pod = workload.template().getSpec();
        for (Container container : pod.getContainers()) {
            String where = workload.name() + " container " + container.getName();
            Map<String, String> env = environment(where, container);
            for (String name : env.keySet()) {
                if (!service.readsEnvironmentVariable(name)) {
                    violations.add(where + ": " + name + " maps to no configuration property that "
                            + service.module() + " reads");
                }
            }
            int httpPort = env.containsKey("QUARKUS_HTTP_PORT") && env.get("QUARKUS_HTTP_PORT") != null
                    ? Integer.parseInt(env.get("QUARKUS_HTTP_PORT")) : service.defaultHttpPort();
            ContainerPort http = container.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst().orElse(null);
            if (http == null || http.getContainerPort() != httpPort) {
                violations.add(where + ": the port named http must be the HTTP port the service listens on, " + httpPort);
            }
            List<String> paths = List.of(path(container.getStartupProbe()), path(container.getReadinessProbe()),
                    path(container.getLivenessProbe()));
            for (String path : paths) {
                if (path == null || !service.healthPaths().contains(path)) {
                    violations.add(where + ": probe path " + path + " is not one of " + service.healthPaths());
                }
            }
            if (!"/q/health/started".equals(paths.get(0)) || !"/q/health/ready".equals(paths.get(1))
                    || !"/q/health/live".equals(paths.get(2))) {
                violations.add(where + ": startup, readiness and liveness probes must use started, ready and live");
            }
            for (Probe probe : probes(container)) {
                if (probe.getHttpGet() != null) {
                    ContainerPort target = containerPort(container, probe.getHttpGet().getPort());
                    if (target == null || target.getContainerPort() != httpPort) {
                        violations.add(where + ": a probe does not target the HTTP port " + httpPort);
                    }
                }
            }
            gracefulShutdown(where, pod.getTerminationGracePeriodSeconds(), container, service.shutdownTimeout());
        }
        Map<String, String> annotations = Optional.ofNullable(workload.template().getMetadata().getAnnotations()).orElse(Map.of());
        if (!"true".equals(annotations.get("prometheus.io/scrape"))
                || !Objects.equals(service.metricsPath(), annotations.get("prometheus.io/path"))) {
            violations.add(workload.name() + ": Prometheus annotations must scrape " + service.metricsPath());
        }
        String scrapePort = annotations.get("prometheus.io/port");
        if (scrapePort == null || pod.getContainers().stream().noneMatch(c -> containerPort(c, new IntOrString(Integer.parseInt(scrapePort))) != null)) {
            violations.add(workload.name() + ": prometheus.io/port " + scrapePort + " is not a container port");
        }
        for (Volume volume : pod.getVolumes()) {
            if (volume.getConfigMap() != null && !EXTERNAL_CONFIG_MAPS.contains(volume.getConfigMap().getName())
                    && rendered.named(ConfigMap.class, volume.getConfigMap().getName()) == null) {
                violations.add(workload.name() + ": volume " + volume.getName() + " uses ConfigMap "
                        + volume.getConfigMap().getName() + ", which is neither rendered nor documented");
            }
        }
    }

    /** The names and (where known) values of every environment variable of a container, envFrom included. */
    private Map<String, String> environment(String where, Container container) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                ConfigMap map = rendered.named(ConfigMap.class, source.getConfigMapRef().getName());
                if (map == null) {
                    violations.add(where + ": envFrom ConfigMap " + source.getConfigMapRef().getName() + " is not rendered");
                    continue;
                }
                String prefix = Optional.ofNullable(source.getPrefix()).orElse("");
                map.getData().forEach((k, v) -> env.put(prefix + k, v));
            } else {
                violations.add(where + ": envFrom other than a rendered ConfigMap hides the variables' names");
            }
        }
        for (EnvVar variable : container.getEnv()) {
            env.put(variable.getName(), variable.getValue());
            var from = variable.getValueFrom();
            if (from != null && from.getConfigMapKeyRef() != null) {
                String name = from.getConfigMapKeyRef().getName();
                if (!EXTERNAL_CONFIG_MAPS.contains(name) && rendered.named(ConfigMap.class, name) == null) {
                    violations.add(where + ": " + variable.getName() + " reads ConfigMap " + name
                            + ", which is neither rendered nor documented");
                }
            }
        }
        return env;
    }

    private void gracefulShutdown(String where, Long grace, Container container, Duration shutdownTimeout) {
        long preStop = 0;
        if (container.getLifecycle() != null && container.getLifecycle().getPreStop() != null
                && container.getLifecycle().getPreStop().getExec() != null) {
            List<String> command = container.getLifecycle().getPreStop().getExec().getCommand();
            if (command.size() == 2 && command.get(0).equals("sleep")) {
                preStop = Long.parseLong(command.get(1));
            }
        }
        if (preStop <= 0) {
            violations.add(where + ": no preStop sleep to let endpoints drop the pod before shutdown");
        }
        long needed = preStop + shutdownTimeout.toSeconds();
        if (grace == null || grace <= needed) {
            violations.add(where + ": terminationGracePeriodSeconds " + grace + " must exceed preStop " + preStop
                    + " s + quarkus.shutdown.timeout " + shutdownTimeout.toSeconds() + " s");
        }
    }

    private List<Workload> selected(LabelSelector selector) {
        return workloads().stream().filter(w -> matches(selector, w.podLabels())).toList();
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> required = Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of());
        var expressions = Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of());
        if (required.isEmpty() && expressions.isEmpty()) {
            return false;
        }
        return required.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))
                && expressions.stream().allMatch(e -> switch (e.getOperator()) {
                    case "In" -> e.getValues().contains(labels.get(e.getKey()));
                    case "NotIn" -> !e.getValues().contains(labels.get(e.getKey()));
                    case "Exists" -> labels.containsKey(e.getKey());
                    case "DoesNotExist" -> !labels.containsKey(e.getKey());
                    default -> false;
                });
    }

    private static ContainerPort containerPort(Workload workload, IntOrString port) {
        return workload.template().getSpec().getContainers().stream().map(c -> containerPort(c, port))
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static ContainerPort containerPort(Container container, IntOrString port) {
        if (port == null) {
            return null;
        }
        return container.getPorts().stream().filter(p -> port.getIntVal() != null
                ? port.getIntVal().equals(p.getContainerPort())
                : port.getStrVal().equals(p.getName())).findFirst().orElse(null);
    }

    private static List<Probe> probes(Container container) {
        return java.util.stream.Stream.of(container.getStartupProbe(), container.getReadinessProbe(),
                container.getLivenessProbe()).filter(Objects::nonNull).toList();
    }

    private static String path(Probe probe) {
        return probe == null || probe.getHttpGet() == null ? null : probe.getHttpGet().getPath();
    }

    private static String text(IntOrString value) {
        return value == null ? "null" : value.getIntVal() != null ? value.getIntVal().toString() : value.getStrVal();
    }
}
