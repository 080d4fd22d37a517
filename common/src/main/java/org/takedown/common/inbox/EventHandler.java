package org.takedown.common.inbox;

import java.util.Set;

import org.takedown.common.event.EventType;
import org.takedown.common.event.ReceivedEvent;

/**
 * A service's reaction to a peer's event. Handlers run inside the inbox transaction: their effects commit together
 * with the record that the event was seen, or not at all.
 */
public interface EventHandler {

    Set<EventType> handles();

    void handle(ReceivedEvent event);
}
