package org.takedown.notification.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** Formatting helpers for templates, such as {@code {event.decidedAt.formal}}. */
@TemplateExtension
public final class TemplateFormats {

    private static final DateTimeFormatter FORMAL = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private TemplateFormats() {
    }

    /** "24 January 2021, 23:59 UTC". */
    public static String formal(Instant instant) {
        return FORMAL.format(instant);
    }
}
