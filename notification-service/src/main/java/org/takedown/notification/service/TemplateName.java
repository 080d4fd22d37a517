package org.takedown.notification.service;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template's name: {@code <kind>/<event>[.<provider>].<variant>}, such as {@code letters/decision.issued.aws.txt}.
 * Kinds are {@code letters} (variants {@code txt}, {@code html}, {@code subject.txt}) and {@code webhooks}
 * ({@code txt}).
 */
public record TemplateName(String kind, String event, String provider, String variant) {

    public static final String LETTERS = "letters";
    public static final String WEBHOOKS = "webhooks";
    public static final String TEXT = "txt";
    public static final String HTML = "html";
    public static final String SUBJECT = "subject.txt";

    private static final Pattern STEM = Pattern.compile("(letters|webhooks)/([a-z]+\\.[a-z]+)(?:\\.([a-z0-9-]+))?");

    public static Optional<TemplateName> parse(String name) {
        String value = name == null ? "" : name;
        for (String variant : List.of(SUBJECT, TEXT, HTML)) {
            if (value.endsWith("." + variant)) {
                Matcher m = STEM.matcher(value.substring(0, value.length() - variant.length() - 1));
                if (!m.matches() || EventNames.parse(m.group(2)).isEmpty()) {
                    return Optional.empty();
                }
                TemplateName parsed = new TemplateName(m.group(1), m.group(2), m.group(3), variant);
                boolean variantFits = LETTERS.equals(parsed.kind) || TEXT.equals(parsed.variant);
                return variantFits ? Optional.of(parsed) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The provider's own wording first, then the generic one. */
    public static List<TemplateName> candidates(String kind, String event, String provider, String variant) {
        return List.of(new TemplateName(kind, event, provider, variant), new TemplateName(kind, event, null, variant));
    }

    public boolean isHtml() {
        return HTML.equals(variant);
    }

    @Override
    public String toString() {
        return kind + "/" + event + (provider == null ? "" : "." + provider) + "." + variant;
    }
}
