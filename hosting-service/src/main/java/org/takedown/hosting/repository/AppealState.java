package org.takedown.hosting.repository;

public enum AppealState {
    PENDING,
    UPHELD,
    REVERSED
}
