package org.takedown.notification.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.takedown.notification.repository.TemplateOverride;

/**
 * Renders the most specific wording there is: the provider's own template before the generic one, and at each level
 * an admin's override (database) before the bundled file. A broken override never blocks a notice: it is logged and
 * the next candidate is used.
 */
@ApplicationScoped
public class TemplateRenderer {

    private static final Logger LOG = Logger.getLogger(TemplateRenderer.class);

    @Inject
    Engine engine;

    /** Parsed overrides by name and version, so an edit takes effect at once and nothing is parsed twice. */
    private final Map<String, Template> parsedOverrides = new ConcurrentHashMap<>();

    public String render(String kind, String event, String provider, String variant, LetterContext ctx) {
        for (TemplateName name : TemplateName.candidates(kind, event, provider, variant)) {
            TemplateOverride override = TemplateOverride.findById(name.toString());
            if (override != null) {
                try {
                    return parsedOverrides.computeIfAbsent(name + "@" + override.version, k -> parse(name, override.content))
                            .data("ctx", ctx).render();
                } catch (RuntimeException e) {
                    LOG.warnf("Template override %s failed, using the next candidate: %s", name, e.getMessage());
                }
            }
            Template bundled = engine.getTemplate(name.toString());
            if (bundled != null) {
                return bundled.data("ctx", ctx).render();
            }
        }
        throw new IllegalStateException("No template " + kind + "/" + event + "." + variant);
    }

    /** Parses a template as the given name would be, HTML escaping included; throws on a syntax error. */
    public Template parse(TemplateName name, String content) {
        return name.isHtml() ? engine.parse(content, Variant.forContentType(Variant.TEXT_HTML)) : engine.parse(content);
    }
}
