package org.takedown.common.event;

/** A provider's view of a peer's decision after its own review. */
public enum Opinion {
    AGREE,
    DISAGREE,
    INSUFFICIENT_EVIDENCE
}
