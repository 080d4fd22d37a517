package org.takedown.common.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.takedown.common.event.EventType;

class SubscriptionSelectorRulesTest {

    @Test
    void withoutConsumedTypesOnlyOurOwnEventsAreLeftOnTheBroker() {
        assertEquals("(cloudEvents_source IS NULL OR cloudEvents_source <> '${takedown.provider.id}')",
                SubscriptionSelector.selector(List.of()));
    }

    @Test
    void consumedTypesAreSelectedAndMessagesWithoutATypeStillPass() {
        assertEquals("(cloudEvents_source IS NULL OR cloudEvents_source <> '${takedown.provider.id}')"
                + " AND (cloudEvents_type IS NULL OR cloudEvents_type IN"
                + " ('org.takedown.decision.issued.v1', 'org.takedown.decision.reversed.v1'))",
                SubscriptionSelector.selector(List.of("org.takedown.decision.issued.v1",
                        "org.takedown.decision.reversed.v1")));
    }

    @Test
    void aTypeOutsideTheContractIsRefusedRatherThanQuoted() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SubscriptionSelector.selector(List.of("org.takedown.decision.issued.v1') OR ('1' = '1")));
        assertTrue(refused.getMessage().contains("not a type of the contract"), refused.getMessage());
    }

    @Test
    void aHandledTypeLeftOutOfTheSubscriptionIsReported() {
        Set<EventType> handled = EnumSet.of(EventType.DECISION_ISSUED, EventType.REVIEW_CONCLUDED);

        assertEquals(Set.of(EventType.REVIEW_CONCLUDED), SubscriptionSelector.leftOut(handled,
                Optional.of(List.of("org.takedown.decision.issued.v1"))));
        assertEquals(Set.of(), SubscriptionSelector.leftOut(handled, Optional.of(List.of(
                "org.takedown.decision.issued.v1", "org.takedown.review.concluded.v1"))));
        assertEquals(Set.of(), SubscriptionSelector.leftOut(handled, Optional.empty()));
    }
}
