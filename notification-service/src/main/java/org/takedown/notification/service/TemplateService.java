package org.takedown.notification.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import io.quarkus.qute.TemplateException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.common.audit.AuditTrail;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.time.TakedownClock;
import org.takedown.notification.repository.TemplateOverride;

/** Admins read the bundled wording and override it, per event type and channel and optionally per provider. */
@ApplicationScoped
public class TemplateService {

    public static final String DATABASE = "database";
    public static final String BUNDLED = "bundled";

    @Inject
    TemplateRenderer renderer;

    @Inject
    TakedownClock clock;

    @Inject
    AuditTrail audit;

    /** A template as it is used now, and where that wording comes from. */
    public record TemplateView(String name, String origin, String content, Instant updatedAt, String updatedBy,
            boolean overridesBundled) {
    }

    @Transactional
    public List<TemplateView> list() {
        TreeSet<String> names = new TreeSet<>();
        for (String event : EventNames.all()) {
            for (String variant : List.of(TemplateName.TEXT, TemplateName.HTML, TemplateName.SUBJECT)) {
                names.add(TemplateName.LETTERS + "/" + event + "." + variant);
            }
            names.add(TemplateName.WEBHOOKS + "/" + event + "." + TemplateName.TEXT);
        }
        TemplateOverride.<TemplateOverride>listAll().forEach(o -> names.add(o.name));
        List<TemplateView> views = new ArrayList<>();
        names.forEach(name -> find(name).ifPresent(views::add));
        return views;
    }

    @Transactional
    public Optional<TemplateView> find(String name) {
        TemplateName parsed = TemplateName.parse(name).orElseThrow(() -> invalidName(name));
        String bundled = bundled(parsed.toString());
        TemplateOverride override = TemplateOverride.findById(parsed.toString());
        if (override != null) {
            return Optional.of(new TemplateView(override.name, DATABASE, override.content, override.updatedAt,
                    override.updatedBy, bundled != null));
        }
        return Optional.ofNullable(bundled).map(content -> new TemplateView(parsed.toString(), BUNDLED, content, null,
                null, false));
    }

    /** Stores an override after checking that it parses; a provider-specific name needs no bundled counterpart. */
    @Transactional
    public TemplateView put(String name, String content, String actor) {
        TemplateName parsed = TemplateName.parse(name).orElseThrow(() -> invalidName(name));
        try {
            renderer.parse(parsed, content);
        } catch (TemplateException e) {
            throw ProblemException.invalid("content", "is not a valid Qute template: " + e.getMessage());
        }
        TemplateOverride override = TemplateOverride.findById(parsed.toString());
        boolean created = override == null;
        if (created) {
            override = new TemplateOverride();
            override.name = parsed.toString();
        }
        override.content = content;
        override.updatedAt = clock.now();
        override.updatedBy = actor;
        override.persist();
        audit.record(actor, created ? "template.created" : "template.updated", "template", override.name, null);
        return find(override.name).orElseThrow();
    }

    /** Removes the override, so the bundled wording applies again. */
    @Transactional
    public boolean delete(String name, String actor) {
        TemplateName parsed = TemplateName.parse(name).orElseThrow(() -> invalidName(name));
        boolean deleted = TemplateOverride.deleteById(parsed.toString());
        if (deleted) {
            audit.record(actor, "template.deleted", "template", parsed.toString(), null);
        }
        return deleted;
    }

    private static ProblemException invalidName(String name) {
        return ProblemException.invalid("name", "'" + name + "' is not <letters|webhooks>/<event type>[.<provider>]"
                + ".<txt|html|subject.txt> with a known event type (webhooks take txt only)");
    }

    private static String bundled(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("templates/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
