package org.takedown.common.event;

/** The data of one event type. Each payload knows the party it concerns, which becomes the envelope's subject. */
public sealed interface EventPayload permits DecisionIssued, DecisionReversed, NoticeIssued, ReviewOpened, ReviewConcluded {

    Party party();
}
