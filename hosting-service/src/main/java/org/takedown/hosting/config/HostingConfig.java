package org.takedown.hosting.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The hosting service's own settings; every one has a default. */
@ConfigMapping(prefix = "takedown.hosting")
public interface HostingConfig {

    /**
     * The acceptable use policy, by clause id: {@code takedown.hosting.policies.<clause-id>.text} and an optional
     * {@code .cure-hours}. application.properties ships an AWS-like policy.
     */
    Map<String, Policy> policies();

    /** Hours a notice gives the customer to cure when neither the request nor the clause says otherwise. */
    @WithDefault("24")
    int defaultCureHours();

    /** How long after a decision the customer may appeal it. */
    @WithDefault("P14D")
    Duration appealWindow();

    /** A suspension or termination needs an earlier notice whose cure deadline passed, unless it is an emergency. */
    @WithDefault("true")
    boolean suspensionRequiresExpiredNotice();

    /** How long a peer-review case may wait for a conclusion (the SLA announced in review.opened). */
    @WithDefault("PT72H")
    Duration peerReviewSla();

    AnonymousReports anonymousReports();

    ReportIntake reportIntake();

    Stats stats();

    /** How often the cure-deadline sweep runs on the wall clock; advancing the controllable clock also runs it. */
    @WithDefault("1m")
    String sweepInterval();

    interface Policy {
        /** The clause as the customer agreed to it, quoted in notices and statements of reasons. */
        String text();

        /** The cure period for breaches of this clause; the shortest among a notice's clauses applies. */
        Optional<Integer> cureHours();
    }

    /**
     * Group commit for {@code POST /reports}: the reports waiting at one moment are filed in one transaction, and
     * each is answered only after that commit. Reports with an {@code Idempotency-Key} are filed one by one.
     */
    interface ReportIntake {
        /** Off: every report is filed in its own transaction. */
        @WithDefault("true")
        boolean groupCommit();

        /** Threads that file batches; each holds one database connection while it writes. */
        @WithDefault("1")
        int writers();

        /** The most reports one batch holds: one statement, and one transaction for what it leaves. */
        @WithDefault("64")
        int maxBatch();
    }

    interface Stats {
        /** How often the per-day report counts behind GET /stats are folded into one row per key. */
        @WithDefault("1m")
        String compactionInterval();
    }

    interface AnonymousReports {
        /** Reports one network address may submit without a token per window. */
        @WithDefault("30")
        int limit();

        @WithDefault("PT1M")
        Duration window();
    }
}
