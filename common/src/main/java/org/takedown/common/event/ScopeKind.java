package org.takedown.common.event;

/** What a decision applies to: the whole account, some of its resources, or app listings. */
public enum ScopeKind {
    ACCOUNT,
    RESOURCES,
    LISTINGS
}
