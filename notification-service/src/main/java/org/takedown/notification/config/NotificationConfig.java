package org.takedown.notification.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the notification service finds recipients, words its letters and delivers them. */
@ConfigMapping(prefix = "takedown.notification")
public interface NotificationConfig {

    /** Trust and safety contacts of the providers, {@code provider-contacts.<providerId>=email}. */
    Map<String, String> providerContacts();

    /** Days after a decision within which the party may appeal; quoted in the letter. */
    @WithDefault("14")
    int appealDays();

    /** Loopback, private and link-local webhook addresses are refused unless this is true (tests only). */
    @WithDefault("false")
    boolean allowPrivateWebhooks();

    Dispatch dispatch();

    Retry retry();

    Webhook webhook();

    interface Dispatch {
        /** How often the dispatcher looks for due deliveries when no commit or clock move woke it. */
        @WithDefault("5s")
        Duration interval();

        /** Deliveries one pass handles at most before it yields to the next wake-up. */
        @WithDefault("200")
        int batchSize();
    }

    interface Retry {
        /** Attempts per delivery (email or webhook) before it is marked DEAD. */
        @WithDefault("6")
        int maxAttempts();

        /** Wait before the second attempt; it doubles after each further failure. */
        @WithDefault("30s")
        Duration initialBackoff();

        @WithDefault("6h")
        Duration maxBackoff();

        /** Fraction of each wait that is random, so receivers that failed together are not retried together. */
        @WithDefault("0.5")
        double jitter();
    }

    interface Webhook {
        @WithDefault("5s")
        Duration connectTimeout();

        @WithDefault("10s")
        Duration requestTimeout();
    }
}
