package org.takedown.hosting.repository;

/** In force until reversed (it was wrong) or lifted (a later reinstatement ended it). */
public enum DecisionStatus {
    IN_FORCE,
    LIFTED,
    REVERSED
}
