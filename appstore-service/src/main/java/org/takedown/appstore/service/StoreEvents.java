package org.takedown.appstore.service;

import java.util.List;

import org.takedown.appstore.repository.Developer;
import org.takedown.appstore.repository.Listing;
import org.takedown.appstore.repository.StoreDecision;
import org.takedown.common.event.Contact;
import org.takedown.common.event.DecisionScope;
import org.takedown.common.event.EvidenceRef;
import org.takedown.common.event.Party;
import org.takedown.common.event.ScopeKind;

/** How our records are described to peers: by what they can match on, never by our database ids. */
final class StoreEvents {

    private StoreEvents() {
    }

    static Party party(Listing listing) {
        Developer developer = listing.developer;
        return new Party(developer.legalName, List.copyOf(developer.domains), List.of(listing.bundleId),
                developer.contacts.stream().map(c -> new Contact(c.role, c.name, c.email)).toList());
    }

    static DecisionScope scope(Listing listing) {
        return new DecisionScope(ScopeKind.LISTINGS, List.of(listing.bundleId));
    }

    static List<EvidenceRef> evidence(StoreDecision decision) {
        return decision.examinedEvidence.stream()
                .map(e -> new EvidenceRef(e.uri, e.sha256, e.excerpt, e.observedAt)).toList();
    }
}
