package org.takedown.notification.messaging;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.takedown.common.event.EventType;
import org.takedown.common.event.ReceivedEvent;
import org.takedown.common.inbox.EventHandler;
import org.takedown.notification.service.NotificationPlanner;

/** Every event of the contract concerns someone: store its notifications in the inbox transaction. */
@ApplicationScoped
public class NotificationEventHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(NotificationEventHandler.class);

    @Inject
    NotificationPlanner planner;

    @Override
    public Set<EventType> handles() {
        return EnumSet.allOf(EventType.class);
    }

    @Override
    public void handle(ReceivedEvent event) {
        int count = planner.plan(event);
        LOG.debugf("Event %s (%s from %s) queued %d notification(s)", event.id(), event.type(), event.source(), count);
    }
}
