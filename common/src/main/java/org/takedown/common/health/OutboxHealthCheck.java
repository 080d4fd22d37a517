package org.takedown.common.health;

import java.time.Duration;
import java.time.Instant;

import io.quarkus.narayana.jta.QuarkusTransaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.takedown.common.config.TakedownConfig;
import org.takedown.common.outbox.OutboxEvent;

/**
 * Reports the outbox backlog. It turns DOWN when the oldest unsent event is older than the configured limit, which
 * means decisions are committed but not reaching peers: the broker is unreachable or refusing.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    @Inject
    TakedownConfig config;

    @Override
    public HealthCheckResponse call() {
        return QuarkusTransaction.requiringNew().call(() -> {
            long backlog = OutboxEvent.countUnsent();
            Instant oldest = OutboxEvent.oldestUnsentCreatedAt();
            Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest, Instant.now());
            return HealthCheckResponse.named("outbox")
                    .status(age.compareTo(config.outbox().staleAfter()) <= 0)
                    .withData("backlog", backlog)
                    .withData("oldestUnsentAgeSeconds", age.toSeconds())
                    .build();
        });
    }
}
