package org.takedown.common.audit;

import java.util.Arrays;

import io.quarkus.narayana.jta.QuarkusTransaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.id.IdentifierGenerator;
import org.takedown.common.time.TakedownClock;

/** Appends to the audit log inside the caller's transaction, so the record and the change commit together. */
@ApplicationScoped
public class AuditTrail {

    /** The actor for changes a timer or an incoming event made rather than a person. */
    public static final String SYSTEM = "system";

    /** How many ids {@link #takeIds} reserves at a time: a round trip to the sequence per 50 of them. */
    private static final int RESERVED_AHEAD = 500;

    @Inject
    TakedownClock clock;

    /** Ids reserved for {@link #takeIds} and not taken yet, from {@code nextSpare} on; guarded by this. */
    private long[] spare = new long[0];
    private int nextSpare;

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

    /**
     * Ids for audit entries that a bulk statement inserts together with the change they record, so that the change
     * and its entries cost one round trip. They come from the generator {@link #record} uses, so they never collide.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long[] reserveIds(int count) {
        SessionImplementor session = AuditEntry.getEntityManager().unwrap(SessionImplementor.class);
        var generator = (IdentifierGenerator) session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(AuditEntry.class).getGenerator();
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = ((Number) generator.generate(session, null)).longValue();
        }
        return ids;
    }

    /**
     * {@link #reserveIds} for a statement that commits on its own, outside any transaction of the caller's. The ids
     * are reserved ahead, in transactions of their own, so that most such statements cost no round trip for them; an
     * id reserved and never used leaves a gap, as a rolled-back insert does.
     */
    public synchronized long[] takeIds(int count) {
        if (spare.length - nextSpare < count) {
            spare = QuarkusTransaction.requiringNew().call(() -> reserveIds(Math.max(count, RESERVED_AHEAD)));
            nextSpare = 0;
        }
        nextSpare += count;
        return Arrays.copyOfRange(spare, nextSpare - count, nextSpare);
    }
}
