package org.takedown.appstore.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.takedown.appstore.repository.Developer;
import org.takedown.appstore.repository.Listing;
import org.takedown.common.event.Party;

/**
 * Recognises a peer's party among our developers and listings by what both sides know: the legal name, a domain, or
 * an app's bundle id. A developer matched by name or domain brings all its listings; a bundle id only its own.
 */
@ApplicationScoped
public class PartyMatcher {

    /** One of our listings the party covers, and every way it was recognised. */
    public record Hit(Listing listing, List<String> matchedBy) {
    }

    public List<Hit> match(Party party) {
        Map<Long, Hit> hits = new LinkedHashMap<>();
        Developer.byLegalName(party.legalName())
                .ifPresent(developer -> addAll(hits, developer, "legalName:" + party.legalName()));
        for (String domain : party.domains()) {
            for (Developer developer : Developer.byDomain(domain)) {
                addAll(hits, developer, "domain:" + Developer.domainKey(domain));
            }
        }
        for (String bundleId : party.bundleIds()) {
            Listing.byBundleId(bundleId).ifPresent(listing -> add(hits, listing, "bundleId:" + bundleId));
        }
        return new ArrayList<>(hits.values());
    }

    private static void addAll(Map<Long, Hit> hits, Developer developer, String how) {
        Listing.ofDeveloper(developer).forEach(listing -> add(hits, listing, how));
    }

    private static void add(Map<Long, Hit> hits, Listing listing, String how) {
        Hit hit = hits.computeIfAbsent(listing.id, id -> new Hit(listing, new ArrayList<>()));
        Set<String> seen = new LinkedHashSet<>(hit.matchedBy());
        if (seen.add(how)) {
            hit.matchedBy().add(how);
        }
    }
}
