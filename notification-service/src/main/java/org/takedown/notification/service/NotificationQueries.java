package org.takedown.notification.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.common.audit.AuditTrail;
import org.takedown.common.rest.PageResponse;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.time.TakedownClock;
import org.takedown.notification.config.NotificationConfig;
import org.takedown.notification.repository.Channel;
import org.takedown.notification.repository.DeliveryAttempt;
import org.takedown.notification.repository.Notification;
import org.takedown.notification.repository.NotificationStatus;

/** The delivery log for admins: search, read one with its attempts, and give a dead delivery another chance. */
@ApplicationScoped
public class NotificationQueries {

    @Inject
    TakedownClock clock;

    @Inject
    NotificationConfig config;

    @Inject
    AuditTrail audit;

    @Inject
    Event<NotificationsQueued> queued;

    /** A notification with every attempt made at delivering it. */
    public record Logged(Notification notification, List<DeliveryAttempt> attempts) {
    }

    /** Filters that are null or blank are ignored. */
    public record Filter(String recipient, String eventId, String eventType, Channel channel, NotificationStatus status) {
    }

    @Transactional
    public PageResponse<Notification> search(Filter filter, int page, int size) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        addIf(clauses, params, "recipient", filter.recipient());
        addIf(clauses, params, "eventId", filter.eventId());
        addIf(clauses, params, "eventType", filter.eventType());
        addIf(clauses, params, "channel", filter.channel());
        addIf(clauses, params, "status", filter.status());
        Sort newestFirst = Sort.descending("id");
        var query = clauses.isEmpty() ? Notification.<Notification>findAll(newestFirst)
                : Notification.<Notification>find(String.join(" and ", clauses), newestFirst, params);
        return new PageResponse<>(query.page(Page.of(page, size)).list(), page, size, query.count());
    }

    @Transactional
    public Optional<Logged> find(long id) {
        return Notification.<Notification>findByIdOptional(id).map(n -> new Logged(n, DeliveryAttempt.of(n.id)));
    }

    /** Re-queues a DEAD delivery with a fresh allowance of attempts; the earlier attempts stay in the log. */
    @Transactional
    public Logged retry(long id, String actor) {
        Notification n = Notification.<Notification>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Notification", id));
        if (n.status != NotificationStatus.DEAD) {
            throw ProblemException.conflict("Only a DEAD notification can be retried; this one is " + n.status);
        }
        n.status = NotificationStatus.PENDING;
        n.attemptLimit = n.attempts + config.retry().maxAttempts();
        n.nextAttemptAt = clock.now();
        audit.record(actor, "notification.retried", "notification", n.id, n.channel + " to " + n.recipient);
        queued.fire(new NotificationsQueued("retry " + n.id));
        return new Logged(n, DeliveryAttempt.of(n.id));
    }

    private static void addIf(List<String> clauses, Map<String, Object> params, String field, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            clauses.add(field + " = :" + field);
            params.put(field, value);
        }
    }
}
