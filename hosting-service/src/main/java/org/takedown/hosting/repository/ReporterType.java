package org.takedown.hosting.repository;

import org.takedown.common.event.DetectionSource;

/** Who filed a report; it decides the statement of reasons' source of information and the case priority. */
public enum ReporterType {
    USER(DetectionSource.USER_NOTICE),
    TRUSTED_FLAGGER(DetectionSource.TRUSTED_FLAGGER),
    AUTOMATED_DETECTION(DetectionSource.AUTOMATED_DETECTION),
    PEER_PROVIDER(DetectionSource.PEER_PROVIDER),
    LAW_ENFORCEMENT(DetectionSource.LAW_ENFORCEMENT);

    private final DetectionSource source;

    ReporterType(DetectionSource source) {
        this.source = source;
    }

    public DetectionSource source() {
        return source;
    }

    /** Trusted flaggers and authorities get their reports looked at first (DSA art. 22). */
    public boolean raisesPriority() {
        return this == TRUSTED_FLAGGER || this == LAW_ENFORCEMENT;
    }
}
