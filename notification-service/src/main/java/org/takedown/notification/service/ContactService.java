package org.takedown.notification.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.common.audit.AuditTrail;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.time.TakedownClock;
import org.takedown.notification.repository.PartyContact;

/** Contacts registered here for a party, told about its events besides those the events carry. */
@ApplicationScoped
public class ContactService {

    @Inject
    TakedownClock clock;

    @Inject
    AuditTrail audit;

    @Transactional
    public PartyContact register(String party, String role, String name, String email, String actor) {
        String address = RecipientResolver.normalise(email);
        if (PartyContact.isRegistered(party, address)) {
            throw ProblemException.conflict(address + " is already a contact of " + party);
        }
        PartyContact contact = new PartyContact();
        contact.partyName = party.strip();
        contact.role = role;
        contact.name = name;
        contact.email = address;
        contact.createdAt = clock.now();
        contact.persist();
        audit.record(actor, "contact.registered", "party_contact", contact.id, party + ": " + address);
        return contact;
    }

    @Transactional
    public List<PartyContact> ofParty(String party) {
        return party == null || party.isBlank() ? PartyContact.listAll() : PartyContact.ofParty(party);
    }

    @Transactional
    public boolean delete(long id, String actor) {
        boolean deleted = PartyContact.deleteById(id);
        if (deleted) {
            audit.record(actor, "contact.removed", "party_contact", id, null);
        }
        return deleted;
    }
}
