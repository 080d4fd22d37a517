package org.takedown.bench.baseline;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One row per request: the least a service that persists something can do. */
@Entity
@Table(name = "bench_row")
public class BenchRow extends PanacheEntity {

    @Column(nullable = false, length = 4000)
    public String payload;

    @Column(nullable = false)
    public Instant createdAt;
}
