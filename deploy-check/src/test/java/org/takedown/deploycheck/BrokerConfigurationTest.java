package org.takedown.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.deployers.impl.FileConfigurationParser;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.utils.XMLUtil;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * deploy/artemis/broker.xml, read by Artemis' own parser (which validates it against the broker's schema): the
 * multicast event address, the dead-letter queue, redelivery with back-off, and what a provider login may do.
 */
class BrokerConfigurationTest {

    static final String EVENTS = "takedown.events";
    static final String DEAD_LETTERS = "takedown.dlq";

    @Test
    void declaresTheMulticastEventAddressAndTheDeadLetterQueue() {
        Configuration config = parse(Map.of());
        Map<String, CoreAddressConfiguration> addresses = config.getAddressConfigurations().stream()
                .collect(Collectors.toMap(CoreAddressConfiguration::getName, a -> a));
        assertEquals(Set.of(RoutingType.MULTICAST), addresses.get(EVENTS).getRoutingTypes());
        assertEquals(Set.of(RoutingType.ANYCAST), addresses.get(DEAD_LETTERS).getRoutingTypes());
        var queue = addresses.get(DEAD_LETTERS).getQueueConfigs().get(0);
        assertEquals(DEAD_LETTERS, queue.getName().toString());
        assertEquals(RoutingType.ANYCAST, queue.getRoutingType());
        assertTrue(config.isPersistenceEnabled(), "messages survive a broker restart");
        assertTrue(config.isSecurityEnabled(), "every client logs in");
    }

    @Test
    void productionRedeliveryBacksOffForMinutesBeforeDeadLettering() {
        AddressSettings settings = eventAddressSettings(Map.of());
        assertEquals(DEAD_LETTERS, settings.getDeadLetterAddress().toString());
        assertEquals(10, settings.getMaxDeliveryAttempts());
        assertEquals(1_000, settings.getRedeliveryDelay());
        assertEquals(2.0, settings.getRedeliveryMultiplier());
        assertEquals(300_000, settings.getMaxRedeliveryDelay());
    }

    @Test
    void integrationTestValuesComeFromSystemPropertiesLikeTestkitsBroker() {
        AddressSettings settings = eventAddressSettings(Map.of("takedown.redelivery.max-attempts", "5",
                "takedown.redelivery.delay", "200", "takedown.redelivery.multiplier", "2.0",
                "takedown.redelivery.max-delay", "5000"));
        assertEquals(5, settings.getMaxDeliveryAttempts());
        assertEquals(200, settings.getRedeliveryDelay());
        assertEquals(5_000, settings.getMaxRedeliveryDelay());
        assertEquals(DEAD_LETTERS, settings.getDeadLetterAddress().toString());
    }

    @Test
    void providersMayPublishAndHoldDurableSubscriptionsButNotAdministerTheBroker() {
        Configuration config = parse(Map.of());
        Role provider = role(config, EVENTS, "takedown");
        assertTrue(provider.isSend() && provider.isConsume() && provider.isCreateDurableQueue());
        assertFalse(provider.isManage() || provider.isDeleteDurableQueue() || provider.isCreateAddress());
        assertTrue(config.getSecurityRoles().get("#").stream().noneMatch(r -> r.getName().equals("takedown")),
                "providers cannot read the dead-letter queue or any other address");
    }

    @Test
    void everyProviderInstanceHasItsOwnLogin() throws Exception {
        Properties roles = properties("deploy/artemis/artemis-roles.properties");
        List<String> providers = Repository.INSTANCES.stream().map(Repository.Instance::provider).toList();
        assertEquals(providers, List.of(roles.getProperty("takedown").split(",")));
        Properties devUsers = properties("deploy/artemis/dev/artemis-users.properties");
        assertTrue(devUsers.stringPropertyNames().containsAll(providers));
        assertTrue(Repository.read("deploy/artemis/dev/artemis-users.properties").contains("TEST CREDENTIALS ONLY"));
    }

    @Test
    void servicesSpeakAmqpOnThePortTheyAreGiven() {
        assertEquals(5672, amqpPort());
    }

    static int amqpPort() {
        TransportConfiguration amqp = parse(Map.of()).getAcceptorConfigurations().stream()
                .filter(a -> "AMQP".equals(a.getParams().get("protocols"))).findFirst()
                .orElseThrow(() -> new AssertionError("no AMQP-only acceptor"));
        return Integer.parseInt(String.valueOf(amqp.getParams().get("port")));
    }

    static AddressSettings eventAddressSettings(Map<String, String> systemProperties) {
        return parse(systemProperties).getAddressSettings().get(EVENTS);
    }

    /** Parses broker.xml with the given system properties set, as the broker would see them. */
    static synchronized Configuration parse(Map<String, String> systemProperties) {
        systemProperties.forEach(System::setProperty);
        try {
            String xml = Repository.read("deploy/artemis/broker.xml");
            // the parser only logs schema errors: validate first, so that a misspelt element fails
            Element document = XMLUtil.stringToElement(XMLUtil.replaceSystemPropsInString(xml));
            XMLUtil.validate(document.getElementsByTagName("core").item(0), "schema/artemis-configuration.xsd");
            return new FileConfigurationParser().parseMainConfig(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new AssertionError("deploy/artemis/broker.xml is not a valid broker configuration: " + e.getMessage()
                    + " (" + cause.getMessage() + ")", e);
        } finally {
            systemProperties.keySet().forEach(System::clearProperty);
        }
    }

    private static Role role(Configuration config, String match, String name) {
        return config.getSecurityRoles().get(match).stream().filter(r -> r.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no role " + name + " on " + match));
    }

    private static Properties properties(String relative) throws java.io.IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Repository.read(relative)));
        return properties;
    }
}
