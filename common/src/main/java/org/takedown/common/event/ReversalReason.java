package org.takedown.common.event;

/** Why an earlier decision was undone. */
public enum ReversalReason {
    APPEAL,
    ERROR,
    OUT_OF_COURT_RULING,
    COURT_ORDER
}
