package org.takedown.notification.service;

import io.quarkus.qute.TemplateData;

import org.takedown.common.event.EventPayload;

/**
 * What every template sees as {@code ctx}: the event's typed payload as {@code event}, who sent it, who receives
 * it, and the figures a letter must state (evidence count, appeal deadline).
 */
@TemplateData
public record LetterContext(
        String eventId,
        String eventType,
        String source,
        String partyName,
        String recipientName,
        String recipientRole,
        EventPayload event,
        int evidenceCount,
        int appealDays,
        /** Formatted, or null when the event opens no appeal. */
        String appealDeadline,
        boolean legallyRequired) {
}
