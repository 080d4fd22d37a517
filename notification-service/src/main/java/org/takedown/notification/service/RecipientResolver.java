package org.takedown.notification.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.takedown.common.event.Contact;
import org.takedown.common.event.ReceivedEvent;
import org.takedown.notification.config.NotificationConfig;
import org.takedown.notification.repository.PartyContact;
import org.takedown.notification.repository.WebhookSubscription;

/** Works out who is concerned by an event: the party's contacts, the other providers, and matching subscribers. */
@ApplicationScoped
public class RecipientResolver {

    @Inject
    NotificationConfig config;

    /** Party contacts (carried in the event or registered here) and every other provider's T&S contact, once each. */
    public List<Audience> audiences(ReceivedEvent event) {
        Map<String, Audience> byKey = new LinkedHashMap<>();
        String legalName = event.payload().party().legalName();
        for (Contact contact : event.payload().party().contacts()) {
            addParty(byKey, contact.email(), contact.name(), contact.role());
        }
        for (PartyContact contact : PartyContact.ofParty(legalName)) {
            addParty(byKey, contact.email, contact.name, contact.role);
        }
        config.providerContacts().forEach((provider, email) -> {
            if (!provider.equals(event.source())) {
                byKey.putIfAbsent("provider:" + provider, new Audience(Audience.Kind.PROVIDER, normalise(provider), email,
                        provider + " trust and safety", "trust-and-safety"));
            }
        });
        return new ArrayList<>(byKey.values());
    }

    public List<WebhookSubscription> subscribers(String eventName, String subject) {
        return WebhookSubscription.active().stream().filter(s -> s.wants(eventName, subject)).toList();
    }

    private static void addParty(Map<String, Audience> byKey, String email, String name, String role) {
        String key = normalise(email);
        byKey.putIfAbsent("party:" + key, new Audience(Audience.Kind.PARTY, key, key, name, role));
    }

    /** Email addresses are compared and stored in lower case, so a tenant claim finds its inbox however it is spelt. */
    public static String normalise(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
