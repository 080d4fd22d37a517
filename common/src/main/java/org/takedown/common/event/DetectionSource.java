package org.takedown.common.event;

/** How the provider came to know about the problem (the DSA's "source of information"). */
public enum DetectionSource {
    USER_NOTICE,
    TRUSTED_FLAGGER,
    AUTOMATED_DETECTION,
    PEER_PROVIDER,
    LAW_ENFORCEMENT,
    OWN_INITIATIVE
}
