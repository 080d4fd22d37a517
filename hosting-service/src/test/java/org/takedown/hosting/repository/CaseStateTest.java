package org.takedown.hosting.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.takedown.hosting.repository.CaseState.ACTION_TAKEN;
import static org.takedown.hosting.repository.CaseState.APPEALED;
import static org.takedown.hosting.repository.CaseState.CLOSED;
import static org.takedown.hosting.repository.CaseState.CURED;
import static org.takedown.hosting.repository.CaseState.ESCALATED;
import static org.takedown.hosting.repository.CaseState.NOTICE_SENT;
import static org.takedown.hosting.repository.CaseState.OPEN;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Every pair of states: exactly the documented moves are allowed (the REST tests drive them end to end). */
class CaseStateTest {

    static final Map<CaseState, Set<CaseState>> EXPECTED = Map.of(
            OPEN, EnumSet.of(NOTICE_SENT, ESCALATED, ACTION_TAKEN, CLOSED),
            NOTICE_SENT, EnumSet.of(NOTICE_SENT, CURED, ESCALATED, ACTION_TAKEN, CLOSED),
            CURED, EnumSet.of(OPEN, CLOSED),
            ESCALATED, EnumSet.of(NOTICE_SENT, ACTION_TAKEN, CLOSED),
            ACTION_TAKEN, EnumSet.of(NOTICE_SENT, ACTION_TAKEN, APPEALED, CLOSED),
            APPEALED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(CaseState.class));

    @Test
    void exactlyTheDocumentedTransitionsAreAllowed() {
        for (CaseState from : CaseState.values()) {
            for (CaseState to : CaseState.values()) {
                assertEquals(EXPECTED.get(from).contains(to), from.mayMoveTo(to), from + " -> " + to);
            }
        }
    }
}
