package org.takedown.hosting.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

import org.takedown.common.event.Action;
import org.takedown.common.event.Category;
import org.takedown.common.event.DetectionSource;
import org.takedown.common.event.Ground;
import org.takedown.common.event.ReversalReason;
import org.takedown.common.event.ScopeKind;

/** An action against a customer with its DSA statement of reasons. */
@Entity
@Table(name = "decision")
public class Decision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The globally unique id peers cite in basedOn. */
    @Column(name = "decision_id", nullable = false)
    public String decisionId;

    @Column(name = "customer_id", nullable = false)
    public Long customerId;

    @Column(name = "case_id")
    public Long caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    @Enumerated(EnumType.STRING)
    @Column(name = "scope_kind", nullable = false)
    public ScopeKind scopeKind;

    @Convert(converter = StringListConverter.class)
    @Column(name = "scope_targets", nullable = false, columnDefinition = "text")
    public List<String> scopeTargets = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Ground ground;

    @Column(name = "ground_reference", nullable = false)
    public String groundReference;

    @Convert(converter = StringListConverter.class)
    @Column(name = "clause_ids", nullable = false, columnDefinition = "text")
    public List<String> clauseIds = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Column(nullable = false, columnDefinition = "text")
    public String facts;

    @Enumerated(EnumType.STRING)
    @Column(name = "detection_source", nullable = false)
    public DetectionSource detectionSource;

    @Column(name = "automated_detection", nullable = false)
    public boolean automatedDetection;

    @Column(name = "automated_decision", nullable = false)
    public boolean automatedDecision;

    @Column(name = "effective_from", nullable = false)
    public Instant effectiveFrom;

    @Column(name = "effective_until")
    public Instant effectiveUntil;

    @Column(nullable = false)
    public boolean emergency;

    @Column(name = "emergency_reason", columnDefinition = "text")
    public String emergencyReason;

    @Convert(converter = StringListConverter.class)
    @Column(name = "based_on", nullable = false, columnDefinition = "text")
    public List<String> basedOn = new ArrayList<>();

    /** Whether it counts against the customer; a reversal takes the strike back. */
    @Column(nullable = false)
    public boolean strike;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DecisionStatus status = DecisionStatus.IN_FORCE;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "reversal_reason")
    public ReversalReason reversalReason;

    @Column(name = "reversal_citation", columnDefinition = "text")
    public String reversalCitation;

    @Column(name = "reversal_explanation", columnDefinition = "text")
    public String reversalExplanation;

    @Column(name = "reversed_by")
    public String reversedBy;

    @Column(name = "reversed_at")
    public Instant reversedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "decision_evidence", joinColumns = @JoinColumn(name = "decision_id"))
    public List<Evidence> evidence = new ArrayList<>();

    @Version
    public long version;

    public static Optional<Decision> findByDecisionId(String decisionId) {
        return find("decisionId", decisionId).firstResultOptional();
    }
}
