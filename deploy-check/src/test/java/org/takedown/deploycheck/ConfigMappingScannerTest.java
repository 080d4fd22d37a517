package org.takedown.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The known configuration is derived from the code, so new properties need no change to the checks. */
class ConfigMappingScannerTest {

    @Test
    void readsCommonsTakedownConfigAsSmallRyeNamesIt() {
        List<String> properties = ConfigMappingScanner.scan(List.of(Repository.path("common/src/main/java")));
        assertTrue(properties.containsAll(List.of("takedown.provider.id", "takedown.signing.private-key",
                "takedown.signing.public-key", "takedown.trust.peers", "takedown.outbox.poll-interval",
                "takedown.outbox.batch-size", "takedown.outbox.send-timeout", "takedown.clock.mode",
                "takedown.clock.allow-controllable-in-production")), properties::toString);
    }

    @Test
    void followsGroupsMapsListsNamesAndDefaultsAcrossFiles() {
        String mapping = """
                package x;
                /* a comment with { braces } */
                @ConfigMapping(prefix = "takedown.hosting")
                public interface HostingConfig {
                    // the default holds characters that must not upset the scan: ; { } ( )
                    @WithDefault("https://example.org/a;b{c}(d)")
                    String noticeUrl();
                    Optional<Duration> graceAfterNotice();
                    @WithName("sla") Duration serviceLevel();
                    Retry retry();
                    Map<String, Limits> limits();
                    List<Contact> contacts();
                    @WithParentName Inline inline();
                    default String computed() { return "x;"; }
                    interface Retry {
                        @WithDefault("3") int maxAttempts();
                    }
                    interface Inline {
                        boolean enabled();
                    }
                    enum Mode { A, B }
                }
                """;
        String limits = """
                package x;
                public interface Limits { int perMinute(); }
                interface Contact { String email(); }
                """;

        List<String> properties = ConfigMappingScanner.scanSource(mapping, limits);

        assertEquals(List.of("takedown.hosting.notice-url", "takedown.hosting.grace-after-notice", "takedown.hosting.sla",
                "takedown.hosting.retry.max-attempts", "takedown.hosting.limits.*.per-minute",
                "takedown.hosting.contacts[*].email", "takedown.hosting.enabled"), properties);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hosting-service", "appstore-service", "notification-service"})
    void mapsEnvironmentVariablesToWhatTheServiceReads(String module) {
        ConfigurationCatalog catalog = ConfigurationCatalog.of(module);
        for (String name : List.of("QUARKUS_HTTP_PORT", "TAKEDOWN_PROVIDER_ID", "TAKEDOWN_SIGNING_PRIVATE_KEY",
                "TAKEDOWN_SIGNING_PUBLIC_KEY", "TAKEDOWN_TRUST_PEERS", "QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "AMQP_HOST", "AMQP_PORT", "AMQP_USERNAME",
                "AMQP_PASSWORD", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_PUBLICKEY", "MP_JWT_VERIFY_ISSUER",
                "TAKEDOWN_CLOCK_MODE", "TAKEDOWN_OUTBOX_POLL_INTERVAL", "JAVA_MAX_MEM_RATIO")) {
            assertTrue(catalog.readsEnvironmentVariable(name), module + " should read " + name);
        }
        for (String name : List.of("TAKEDOWN_PROVIDER", "TAKEDOWN_PROVIDER_IDD", "QUARKUS_HTTP_PROT", "AMQP_USER",
                "TAKEDOWN_SIGNING_KEY")) {
            assertFalse(catalog.readsEnvironmentVariable(name), module + " reads no " + name);
        }
    }

    @Test
    void aMapKeyOrAListIndexMatchesAnySegmentOfTheVariable() {
        assertTrue(ConfigurationCatalog.envMatches("takedown.hosting.limits.*.per-minute", "TAKEDOWN_HOSTING_LIMITS_FREE_TIER_PER_MINUTE"));
        assertFalse(ConfigurationCatalog.envMatches("takedown.hosting.limits.*.per-minute", "TAKEDOWN_HOSTING_LIMITS_PER_MINUTE"));
        assertTrue(ConfigurationCatalog.envMatches("quarkus.log.category.\"org.apache\".level", "QUARKUS_LOG_CATEGORY__ORG_APACHE__LEVEL"));
    }
}
