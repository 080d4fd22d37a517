package org.takedown.appstore.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What makes one store differ from another running the same jar: its policies, its timings, its wording and whether
 * it may ever remove a listing on a peer's word alone. The default policy set lives in application.properties so an
 * instance can add or reword policies from its environment.
 */
@ConfigMapping(prefix = "takedown.store")
public interface StoreConfig {

    /** The store's name as developers know it, used in statements of reasons. */
    @WithDefault("App Store")
    String displayName();

    /** The document the store's policies belong to: the statement of reasons' ground reference. */
    @WithDefault("App Store Review Guidelines")
    String guidelines();

    /** The store's own policies, keyed by id. A decision may only cite these. */
    Map<String, Policy> policies();

    Sla sla();

    /** How long a developer may appeal a decision. */
    @WithDefault("336h")
    Duration appealWindow();

    /**
     * Whether a removal may rest on a peer's verdict alone. Off by default: the store must examine evidence itself,
     * and even when on, the reviewer must say so explicitly and the decision records it.
     */
    @WithDefault("false")
    boolean allowPeerOnlyRemoval();

    /** How often the deadline sweep runs on the wall clock (it also runs whenever the controllable clock moves). */
    @WithDefault("60s")
    String sweepInterval();

    interface Policy {
        /** The policy's text, quoted in every statement of reasons that cites it. */
        String text();

        /** The grace period a developer gets to remedy a breach of this policy. */
        @WithDefault("24h")
        Duration remediationWindow();

        /** A short title for lists and documents. */
        Optional<String> title();
    }

    /** How soon a review case must be decided, by what opened it. Breaches are escalated, never decided. */
    interface Sla {
        @WithDefault("24h")
        Duration peerSignal();

        @WithDefault("72h")
        Duration report();

        @WithDefault("72h")
        Duration reversal();

        @WithDefault("72h")
        Duration appeal();

        @WithDefault("72h")
        Duration resubmission();
    }
}
