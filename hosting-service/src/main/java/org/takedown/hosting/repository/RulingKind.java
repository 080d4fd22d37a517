package org.takedown.hosting.repository;

/** A court order, or a certified out-of-court dispute settlement body's decision (DSA art. 21). */
public enum RulingKind {
    COURT_ORDER,
    OUT_OF_COURT
}
