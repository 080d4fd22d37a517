package org.takedown.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no Docker engine), so it is checked like the manifests: it parses, every
 * instance reads only real configuration, its healthchecks hit real endpoints on the right ports, and the names,
 * ports and credentials agree with the broker and database set-up.
 */
class DockerComposeTest {

    private static final Pattern TCP_TARGET = Pattern.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+)");
    private static final Pattern HTTP_GET = Pattern.compile("GET (\\S+) HTTP/1\\.[01]");

    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() {
        Map<String, Object> compose = new Yaml().load(Repository.read("docker-compose.yml"));
        services = (Map<String, Object>) compose.get("services");
    }

    static List<Repository.Instance> instances() {
        return Repository.INSTANCES;
    }

    @Test
    void describesTheTopologyTheTestsExercise() {
        // the suite's topology, plus a mail catcher standing in for the SMTP relay the letters leave through
        assertEquals(Set.of("postgres", "artemis", "mail", "aws", "apple", "google", "notification"), services.keySet());
        List<String> hostPorts = new ArrayList<>();
        services.values().forEach(s -> ports(map(s)).forEach(p -> hostPorts.add(p.split(":")[0])));
        assertEquals(hostPorts.size(), new HashSet<>(hostPorts).size(), "a host port is published twice: " + hostPorts);
        assertTrue(ports(service("postgres")).contains("5432:5432"));
        assertTrue(ports(service("artemis")).contains("5672:5672"));
        assertEquals("mail", environment(service("notification")).get("QUARKUS_MAILER_HOST"),
                "letters go to the compose mail catcher");
    }

    @ParameterizedTest
    @MethodSource("instances")
    void eachInstanceIsConfiguredOnlyThroughVariablesItReads(Repository.Instance instance) {
        Map<String, Object> service = service(instance.provider());
        assertEquals("takedown/" + instance.module(), service.get("image"));
        ConfigurationCatalog catalog = ConfigurationCatalog.of(instance.module());
        Map<String, String> env = environment(service);
        for (String name : env.keySet()) {
            assertTrue(catalog.readsEnvironmentVariable(name),
                    instance.provider() + ": " + name + " maps to no property " + instance.module() + " reads");
        }
        assertEquals(instance.provider(), env.get("TAKEDOWN_PROVIDER_ID"));
        assertEquals(String.valueOf(instance.localPort()), env.get("QUARKUS_HTTP_PORT"));
        assertEquals(List.of(instance.localPort() + ":" + instance.localPort()), ports(service));
    }

    @ParameterizedTest
    @MethodSource("instances")
    void eachInstanceWaitsForHealthyInfrastructureAndIsCheckedOnItsReadinessEndpoint(Repository.Instance instance) {
        Map<String, Object> service = service(instance.provider());
        Map<String, Object> dependsOn = map(service.get("depends_on"));
        for (String infrastructure : List.of("postgres", "artemis")) {
            assertEquals("service_healthy", map(dependsOn.get(infrastructure)).get("condition"),
                    instance.provider() + " must wait for a healthy " + infrastructure);
            assertNotNull(service(infrastructure).get("healthcheck"), infrastructure + " has no healthcheck");
        }
        String check = healthcheck(service);
        Matcher port = TCP_TARGET.matcher(check);
        Matcher path = HTTP_GET.matcher(check);
        assertTrue(port.find() && path.find(), "unrecognised healthcheck: " + check);
        assertEquals(environment(service).get("QUARKUS_HTTP_PORT"), port.group(1), "healthcheck port");
        ConfigurationCatalog catalog = ConfigurationCatalog.of(instance.module());
        assertTrue(catalog.healthPaths().contains(path.group(1)), path.group(1) + " is not one of " + catalog.healthPaths());
        assertEquals("/q/health/ready", path.group(1));
    }

    @ParameterizedTest
    @MethodSource("instances")
    void eachInstanceReachesItsOwnDatabaseAndBrokerLogin(Repository.Instance instance) throws Exception {
        Map<String, String> env = environment(service(instance.provider()));
        URI jdbc = URI.create(env.get("QUARKUS_DATASOURCE_JDBC_URL").substring("jdbc:".length()));
        assertTrue(services.containsKey(jdbc.getHost()), "no compose service " + jdbc.getHost());
        assertEquals("/" + instance.provider(), jdbc.getPath());
        assertEquals(5432, jdbc.getPort());

        Map<String, String> postgres = environment(service("postgres"));
        String key = instance.provider().toUpperCase().replace('-', '_');
        assertTrue(List.of(postgres.get("TAKEDOWN_DATABASES").split(" ")).contains(instance.provider()));
        assertEquals(postgres.get("TAKEDOWN_DB_PASSWORD_" + key), env.get("QUARKUS_DATASOURCE_PASSWORD"));
        assertEquals(postgres.getOrDefault("TAKEDOWN_DB_USER_" + key, instance.provider()), env.get("QUARKUS_DATASOURCE_USERNAME"));

        assertTrue(services.containsKey(env.get("AMQP_HOST")), "no compose service " + env.get("AMQP_HOST"));
        assertEquals(BrokerConfigurationTest.amqpPort(), Integer.parseInt(env.get("AMQP_PORT")));
        Properties users = properties("deploy/artemis/dev/artemis-users.properties");
        assertEquals(users.getProperty(env.get("AMQP_USERNAME")), env.get("AMQP_PASSWORD"), "broker login");
        Properties roles = properties("deploy/artemis/artemis-roles.properties");
        assertTrue(List.of(roles.getProperty("takedown").split(",")).contains(env.get("AMQP_USERNAME")),
                "the broker login has the takedown role");
    }

    @ParameterizedTest
    @MethodSource("instances")
    void signingKeysAreTheCommittedTestKeysAndEveryPeerIsTrusted(Repository.Instance instance) throws Exception {
        Properties devKeys = properties("testkit/src/main/resources/dev-keys/signing-keys.properties");
        Map<String, String> env = environment(service(instance.provider()));
        assertEquals(devKeys.getProperty(instance.provider() + ".private-key"), env.get("TAKEDOWN_SIGNING_PRIVATE_KEY"),
                "compose may only carry the TEST keys of testkit/dev-keys");
        assertEquals(devKeys.getProperty(instance.provider() + ".public-key"), env.get("TAKEDOWN_SIGNING_PUBLIC_KEY"));
        for (Repository.Instance peer : Repository.INSTANCES) {
            String entry = peer.provider() + ":" + devKeys.getProperty(peer.provider() + ".public-key");
            assertTrue(List.of(env.get("TAKEDOWN_TRUST_PEERS").split(",")).contains(entry),
                    instance.provider() + " does not trust " + peer.provider());
        }
    }

    @Test
    void infrastructureHealthchecksAndMountsAreReal() {
        String artemisCheck = healthcheck(service("artemis"));
        Matcher port = TCP_TARGET.matcher(artemisCheck);
        assertTrue(port.find(), artemisCheck);
        assertEquals(BrokerConfigurationTest.amqpPort(), Integer.parseInt(port.group(1)));
        assertTrue(healthcheck(service("postgres")).contains("pg_isready"));
        for (Object service : services.values()) {
            for (Object volume : (List<?>) map(service).getOrDefault("volumes", List.of())) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith("./")) {
                    assertTrue(Files.isRegularFile(Repository.path(source.substring(2))), "missing " + source);
                }
            }
        }
    }

    @Test
    void theBrokerRunsTheIntegrationTestRedeliveryOfTestkit() {
        Map<String, String> env = environment(service("artemis"));
        Map<String, String> system = new java.util.HashMap<>();
        for (String argument : env.get("JAVA_ARGS_APPEND").split("\\s+")) {
            if (argument.startsWith("-D") && argument.contains("=")) {
                system.put(argument.substring(2, argument.indexOf('=')), argument.substring(argument.indexOf('=') + 1));
            }
        }
        var settings = BrokerConfigurationTest.eventAddressSettings(system);
        assertEquals(5, settings.getMaxDeliveryAttempts());
        assertEquals(200, settings.getRedeliveryDelay());
        assertEquals(2.0, settings.getRedeliveryMultiplier());
        assertEquals(5_000, settings.getMaxRedeliveryDelay());
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = map(services.get(name));
        assertNotNull(service, "no compose service " + name);
        return service;
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        map(service.get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    private static List<String> ports(Map<String, Object> service) {
        return ((List<?>) service.getOrDefault("ports", List.of())).stream().map(String::valueOf).toList();
    }

    private static String healthcheck(Map<String, Object> service) {
        Object test = map(service.get("healthcheck")).get("test");
        return test instanceof List<?> list ? String.join(" ", list.stream().map(String::valueOf).toList()) : String.valueOf(test);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static Properties properties(String relative) throws java.io.IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Repository.read(relative)));
        return properties;
    }
}
