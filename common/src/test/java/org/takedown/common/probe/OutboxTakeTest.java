package org.takedown.common.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.takedown.common.outbox.OutboxEvent;

/**
 * The relay's take is bounded by its limit whatever PostgreSQL believes about the table. The case that broke it: the
 * relay empties the outbox, autovacuum analyses the empty table, and then thousands of events are committed at once.
 * Everything here happens in one transaction that rolls back, so the relay never sees these rows.
 */
@QuarkusTest
class OutboxTakeTest {

    private static final int ROWS = 2_000;
    private static final int LIMIT = 500;

    @Test
    void aTakeRightAfterTheOutboxWasAnalysedEmptyTakesNoMoreThanItsLimit() {
        List<OutboxEvent.Pending> taken;
        QuarkusTransaction.begin();
        try {
            EntityManager em = OutboxEvent.getEntityManager();
            fill(em, 1);
            em.createNativeQuery("delete from outbox_event where seq >= 9000000000").executeUpdate();
            em.createNativeQuery("analyze outbox_event").executeUpdate();
            fill(em, ROWS + 1);
            taken = OutboxEvent.take(LIMIT);
        } finally {
            QuarkusTransaction.rollback();
        }
        assertEquals(LIMIT, taken.size());
        assertEquals(LIMIT, taken.stream().map(OutboxEvent.Pending::seq).distinct().count());
    }

    private static void fill(EntityManager em, int from) {
        em.createNativeQuery("insert into outbox_event (seq, event_id, type, subject, envelope, created_at) "
                + "select 9000000000 + g, 'take-test-' || g, 'org.takedown.probe.v1', 'take-test', "
                + "repeat('x', 1500), now() from generate_series(?1, ?2) g")
                .setParameter(1, from).setParameter(2, from + ROWS - 1)
                .executeUpdate();
    }
}
