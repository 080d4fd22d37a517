package org.takedown.hosting.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.takedown.common.event.Category;

/** A letter to the customer: the clauses broken, the evidence, and the deadline to cure. */
@Entity
@Table(name = "notice")
public class Notice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The id in the notice.issued event. */
    @Column(name = "notice_id", nullable = false)
    public String noticeId;

    @Column(name = "case_id", nullable = false)
    public Long caseId;

    @Column(name = "customer_id", nullable = false)
    public Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Convert(converter = StringListConverter.class)
    @Column(name = "clause_ids", nullable = false, columnDefinition = "text")
    public List<String> clauseIds = new ArrayList<>();

    @Column(nullable = false, columnDefinition = "text")
    public String facts;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NoticeState state = NoticeState.OPEN;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "cure_deadline", nullable = false)
    public Instant cureDeadline;

    @Column(columnDefinition = "text")
    public String remediation;

    @Column(name = "remediated_at")
    public Instant remediatedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(columnDefinition = "text")
    public String resolution;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "notice_evidence", joinColumns = @JoinColumn(name = "notice_id"))
    public List<Evidence> evidence = new ArrayList<>();

    @Version
    public long version;

    /** Pending notices whose cure deadline has passed, for the sweep. */
    public static List<Notice> pendingDueBy(Instant now) {
        return list("state in ?1 and cureDeadline <= ?2 order by cureDeadline",
                List.of(NoticeState.OPEN, NoticeState.REMEDIATION_SUBMITTED), now);
    }
}
