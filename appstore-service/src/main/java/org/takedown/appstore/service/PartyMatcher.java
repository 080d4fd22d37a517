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
        // each matched developer once, with every way it matched, so that its listings are loaded once
        Map<Long, List<String>> developers = new LinkedHashMap<>();
        Developer.byLegalName(party.legalName())
                .ifPresent(developer -> addWay(developers, developer.id, "legalName:" + party.legalName()));
        for (String domain : party.domains()) {
            for (Long developerId : Developer.idsByDomain(domain)) {
                addWay(developers, developerId, "domain:" + Developer.domainKey(domain));
            }
        }
        Map<Long, Hit> hits = new LinkedHashMap<>();
        developers.forEach((developerId, ways) -> Listing.ofDeveloper(developerId)
                .forEach(listing -> ways.forEach(how -> add(hits, listing, how))));
        for (String bundleId : party.bundleIds()) {
            Listing.byBundleId(bundleId).ifPresent(listing -> add(hits, listing, "bundleId:" + bundleId));
        }
        return new ArrayList<>(hits.values());
    }

    private static void addWay(Map<Long, List<String>> developers, Long developerId, String how) {
        List<String> ways = developers.computeIfAbsent(developerId, id -> new ArrayList<>());
        if (!ways.contains(how)) {
            ways.add(how);
        }
    }

    private static void add(Map<Long, Hit> hits, Listing listing, String how) {
        Hit hit = hits.computeIfAbsent(listing.id, id -> new Hit(listing, new ArrayList<>()));
        Set<String> seen = new LinkedHashSet<>(hit.matchedBy());
        if (seen.add(how)) {
            hit.matchedBy().add(how);
        }
    }
}
