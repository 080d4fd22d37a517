package org.takedown.hosting.repository;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a case: open → notice sent → cured, or escalated → action taken → appealed → closed. Every move not
 * listed here is refused with 409.
 */
public enum CaseState {
    OPEN,
    NOTICE_SENT,
    CURED,
    ESCALATED,
    ACTION_TAKEN,
    APPEALED,
    CLOSED;

    private static final Map<CaseState, Set<CaseState>> ALLOWED = Map.of(
            OPEN, EnumSet.of(NOTICE_SENT, ESCALATED, ACTION_TAKEN, CLOSED),
            NOTICE_SENT, EnumSet.of(NOTICE_SENT, CURED, ESCALATED, ACTION_TAKEN, CLOSED),
            // a cured case reopens when new violations arrive
            CURED, EnumSet.of(OPEN, CLOSED),
            ESCALATED, EnumSet.of(NOTICE_SENT, ACTION_TAKEN, CLOSED),
            // a warning may be followed by more notices or a harsher action
            ACTION_TAKEN, EnumSet.of(NOTICE_SENT, ACTION_TAKEN, APPEALED, CLOSED),
            APPEALED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(CaseState.class));

    public boolean mayMoveTo(CaseState next) {
        return ALLOWED.get(this).contains(next);
    }
}
