package org.takedown.notification.service;

import java.util.List;
import java.util.Optional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.common.rest.PageResponse;
import org.takedown.common.time.TakedownClock;
import org.takedown.notification.repository.Channel;
import org.takedown.notification.repository.DeliveryAttempt;
import org.takedown.notification.repository.Notification;

/**
 * A recipient's own inbox. Every lookup is limited to the owner, so another recipient's item simply does not exist.
 */
@ApplicationScoped
public class InboxService {

    @Inject
    TakedownClock clock;

    /** An attempt at reaching the owner about the same event, on whichever channel. */
    public record ChannelAttempt(Notification notification, DeliveryAttempt attempt) {
    }

    @Transactional
    public PageResponse<Notification> list(String owner, boolean unreadOnly, int page, int size) {
        String where = "channel = ?1 and audience = ?2" + (unreadOnly ? " and readAt is null" : "");
        var query = Notification.<Notification>find(where, Sort.descending("id"), Channel.INBOX, owner);
        return new PageResponse<>(query.page(Page.of(page, size)).list(), page, size, query.count());
    }

    @Transactional
    public Optional<Notification> find(String owner, long id) {
        return Notification.<Notification>find("id = ?1 and channel = ?2 and audience = ?3", id, Channel.INBOX, owner)
                .firstResultOptional();
    }

    /** Marks the item read once; reading it again keeps the first time. */
    @Transactional
    public Optional<Notification> markRead(String owner, long id) {
        return find(owner, id).map(n -> {
            if (n.readAt == null) {
                n.readAt = clock.now();
            }
            return n;
        });
    }

    /** The attempts at telling the owner about the item's event: the inbox itself and the letter by email. */
    @Transactional
    public Optional<List<ChannelAttempt>> attempts(String owner, long id) {
        return find(owner, id).map(item -> Notification.<Notification>list(
                "eventId = ?1 and audience = ?2 order by id", item.eventId, owner).stream()
                .flatMap(n -> DeliveryAttempt.of(n.id).stream().map(a -> new ChannelAttempt(n, a)))
                .toList());
    }
}
