package org.takedown.common.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration every service shares: who this provider is, how it signs, whom it trusts, and its clock. */
@ConfigMapping(prefix = "takedown")
public interface TakedownConfig {

    Provider provider();

    Signing signing();

    Trust trust();

    Outbox outbox();

    Inbox inbox();

    ClockSettings clock();

    Security security();

    interface Provider {
        /** This deployment's provider id, such as {@code aws}; the {@code source} of every event it publishes. */
        String id();
    }

    interface Signing {
        /** Base64 PKCS#8 Ed25519 private key that signs this provider's events. */
        String privateKey();

        /** Base64 X.509 Ed25519 public key matching {@link #privateKey()}. */
        String publicKey();
    }

    interface Trust {
        /**
         * Peers whose events are accepted, as {@code providerId:base64PublicKey}. A provider may appear more than once
         * while its key is rotated.
         */
        Optional<List<String>> peers();
    }

    interface Outbox {
        /** How often the relay looks for unsent rows when no commit woke it (the fallback). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Rows the relay sends per transaction; larger batches spread its fixed cost per pass (docs/benchmarks.md). */
        @WithDefault("500")
        int batchSize();

        /**
         * Batches in flight at once: while one waits for the broker's acknowledgements the next is claimed and sent.
         * 1 turns the pipeline off.
         */
        @WithDefault("2")
        int pipelineDepth();

        /** How long the relay waits for the broker to accept a batch before leaving it for the next pass. */
        @WithDefault("10s")
        Duration sendTimeout();

        /** Readiness turns DOWN when an event has waited longer than this to leave. */
        @WithDefault("5m")
        Duration staleAfter();
    }

    interface Inbox {
        /**
         * Events applied at once, each lane in arrival order for the subjects it holds; events about one party always
         * share a lane. 1 applies every event in arrival order, one at a time.
         */
        @WithDefault("4")
        int lanes();

        /** Events taken from the broker and not yet applied, over all lanes; more wait on the broker. */
        @WithDefault("64")
        int maxInFlight();

        /**
         * The most events a lane applies in one transaction when a backlog waits in it; a lane that keeps up applies
         * each event as it comes. 1 gives every event a transaction of its own.
         */
        @WithDefault("16")
        int maxBatch();

        /**
         * The CloudEvents types this service's handlers act on; the broker keeps every other type away
         * ({@code SubscriptionSelector}). Unset, the subscription takes every type. Start-up fails if a handler acts on
         * a type left out.
         */
        Optional<List<String>> consumes();
    }

    interface ClockSettings {
        /** {@code system} follows the wall clock; {@code controllable} can be advanced by an admin to replay weeks. */
        @WithDefault("system")
        ClockMode mode();

        /** The controllable clock is refused in the prod profile unless this is true. */
        @WithDefault("false")
        boolean allowControllableInProduction();
    }

    interface Security {
        TokenCache tokenCache();
    }

    /** Reuse of a bearer token's verification for the same exact token ({@code CachingJwtParser}). */
    interface TokenCache {
        @WithDefault("true")
        boolean enabled();

        /** Most tokens kept at once; systems and staff reuse a token, so a few thousand cover a busy provider. */
        @WithDefault("10000")
        int maxSize();

        /** Longest reuse of one verification: how long a token keeps passing after its signing key is withdrawn. */
        @WithDefault("60s")
        Duration maxAge();
    }

    enum ClockMode {
        SYSTEM,
        CONTROLLABLE
    }
}
