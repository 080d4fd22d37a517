package org.takedown.appstore.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Every decision.issued or decision.reversed a peer sent, and what it led to here: which cases, or nothing and why. */
@Entity
@Table(name = "peer_signal")
public class PeerSignal extends PanacheEntityBase {

    public enum Outcome {
        MATCHED,
        IGNORED
    }

    /** One listing a signal concerned, how the party was recognised, and the case it opened (null if one existed). */
    public record Match(long listingId, String bundleId, List<String> matchedBy, Long reviewCaseId) {
    }

    /** A sequence rather than IDENTITY, so that recording a signal joins the transaction's batched inserts. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "peer_signal_seq")
    @SequenceGenerator(name = "peer_signal_seq", sequenceName = "peer_signal_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "peer_provider", nullable = false)
    public String peerProvider;

    @Column(name = "peer_decision_id", nullable = false)
    public String peerDecisionId;

    @Column(name = "peer_action")
    public String peerAction;

    @Column(name = "party_legal_name", nullable = false)
    public String partyLegalName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    public String note;

    @Convert(converter = MatchesConverter.class)
    @Column(nullable = false, columnDefinition = "text")
    public List<Match> matches;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /**
     * The peer's decision.issued or decision.reversed payload as received. Kept here once, not on each case it opened:
     * a letter with the 98 examples AWS sent Parler is about 40 kB, and a developer may have thousands of listings.
     */
    @Column(columnDefinition = "text")
    public String statement;

    /** The payload of the peer event a case was opened on, if it was opened on one and that event was recorded here. */
    public static Optional<String> statementOf(String eventId) {
        if (eventId == null) {
            return Optional.empty();
        }
        return getEntityManager().createQuery("select s.statement from PeerSignal s where s.eventId = ?1", String.class)
                .setParameter(1, eventId)
                .getResultStream().findFirst();
    }

    @Converter
    public static class MatchesConverter implements AttributeConverter<List<Match>, String> {
        @Override
        public String convertToDatabaseColumn(List<Match> matches) {
            return JsonText.write(matches == null ? List.of() : matches);
        }

        @Override
        public List<Match> convertToEntityAttribute(String json) {
            return json == null ? List.of() : JsonText.read(json, new TypeReference<List<Match>>() {
            });
        }
    }
}
