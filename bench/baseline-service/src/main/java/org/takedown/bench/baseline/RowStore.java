package org.takedown.bench.baseline;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** One transaction, one insert, one commit. */
@ApplicationScoped
public class RowStore {

    @Transactional
    public long insert(String payload) {
        BenchRow row = new BenchRow();
        row.payload = payload;
        row.createdAt = Instant.now();
        row.persist();
        return row.id;
    }
}
