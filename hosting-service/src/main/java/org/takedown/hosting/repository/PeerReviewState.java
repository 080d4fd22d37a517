package org.takedown.hosting.repository;

public enum PeerReviewState {
    OPEN,
    CONCLUDED
}
