package org.takedown.common.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.common.time.TakedownClock;

/** Appends to the audit log inside the caller's transaction, so the record and the change commit together. */
@ApplicationScoped
public class AuditTrail {

    /** The actor for changes a timer or an incoming event made rather than a person. */
    public static final String SYSTEM = "system";

    @Inject
    TakedownClock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(String actor, String action, String entityType, Object entityId, String details) {
        AuditEntry entry = new AuditEntry();
        entry.at = clock.now();
        entry.actor = actor;
        entry.action = action;
        entry.entityType = entityType;
        entry.entityId = String.valueOf(entityId);
        entry.details = details;
        entry.persist();
        return entry;
    }
}
