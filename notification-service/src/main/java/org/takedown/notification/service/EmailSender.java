package org.takedown.notification.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.takedown.notification.repository.Notification;

/** Hands a letter to the SMTP server; success means the server accepted it for delivery. */
@ApplicationScoped
public class EmailSender {

    /** SMTP's "requested mail action okay, completed", recorded for an accepted letter. */
    static final int SMTP_ACCEPTED = 250;

    @Inject
    Mailer mailer;

    public DeliveryResult send(Notification notification) {
        Mail mail = Mail.withText(notification.target, notification.subject, notification.bodyText)
                .addHeader("Takedown-Notification-Id", String.valueOf(notification.id))
                .addHeader("Takedown-Event-Id", notification.eventId);
        if (notification.bodyHtml != null) {
            mail.setHtml(notification.bodyHtml);
        }
        try {
            mailer.send(mail);
            return DeliveryResult.ok(SMTP_ACCEPTED);
        } catch (RuntimeException e) {
            return DeliveryResult.failed(null, rootMessage(e));
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
