package org.takedown.common.inbox;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.takedown.common.event.EventType;

/**
 * Gives every service's subscription its default broker-side selector, so that Artemis keeps away what the service
 * would only drop: its own provider's events, and peers' events of a type that {@code takedown.inbox.consumes} leaves
 * out. It reads the relay's application properties ({@code OutboxRelay.SOURCE_PROPERTY} and {@code TYPE_PROPERTY}).
 * A message without them still arrives and is dropped by {@link InboxProcessor}. Without {@code takedown.inbox.consumes}
 * the service subscribes to every type. A selector set in application.properties or the environment wins over this
 * default.
 */
public class SubscriptionSelector implements ConfigSourceFactory {

    static final String SELECTOR = "mp.messaging.incoming.events-in.selector";
    static final String CONSUMES = "takedown.inbox.consumes";
    /** Below application.properties (250) and the environment, so that an operator can still set the selector. */
    private static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue consumes = context.getValue(CONSUMES);
        String selector = selector(consumes == null || consumes.getValue() == null || consumes.getValue().isBlank()
                ? List.of()
                : List.of(consumes.getValue().split(",")));
        return List.of(new PropertiesConfigSource(Map.of(SELECTOR, selector), getClass().getSimpleName(), ORDINAL));
    }

    /**
     * The selector for the given CloudEvents types, or for every type when there are none. The provider id stays an
     * expression, resolved like any other value.
     */
    static String selector(List<String> consumedTypes) {
        String notOurs = "(cloudEvents_source IS NULL OR cloudEvents_source <> '${takedown.provider.id}')";
        if (consumedTypes.isEmpty()) {
            return notOurs;
        }
        String types = types(consumedTypes).stream().map(type -> "'" + type.ceType() + "'")
                .collect(Collectors.joining(", "));
        return notOurs + " AND (cloudEvents_type IS NULL OR cloudEvents_type IN (" + types + "))";
    }

    /** The handled types that a subscription limited to {@code consumes} would never receive. */
    static Set<EventType> leftOut(Set<EventType> handled, Optional<List<String>> consumes) {
        Set<EventType> leftOut = EnumSet.noneOf(EventType.class);
        if (consumes.isPresent()) {
            leftOut.addAll(handled);
            leftOut.removeAll(types(consumes.get()));
        }
        return leftOut;
    }

    /** The contract's types by their CloudEvents names; a name outside the contract is refused, never quoted. */
    private static Set<EventType> types(List<String> ceTypes) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String ceType : ceTypes) {
            types.add(EventType.fromCeType(ceType.trim()).orElseThrow(() -> new IllegalArgumentException(CONSUMES
                    + " names " + ceType + ", which is not a type of the contract: " + Arrays.stream(EventType.values())
                            .map(EventType::ceType).collect(Collectors.joining(", ")))));
        }
        return types;
    }
}
