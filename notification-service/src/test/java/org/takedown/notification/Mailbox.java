package org.takedown.notification;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** Reads what the real SMTP server received. */
final class Mailbox {

    private Mailbox() {
    }

    static List<MimeMessage> to(String address) {
        return Arrays.stream(SmtpResource.smtp().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The part of the given content type ("text/plain" or "text/html"), decoded. */
    static String part(MimeMessage message, String contentType) {
        try {
            return find(message.getContent(), message.getContentType(), contentType);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Object content, String type, String wanted) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String found = find(part.getContent(), part.getContentType(), wanted);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return type.toLowerCase().startsWith(wanted) ? content.toString() : null;
    }
}
