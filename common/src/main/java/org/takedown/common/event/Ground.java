package org.takedown.common.event;

/** The DSA's two kinds of ground: content that is illegal, or content incompatible with the provider's terms. */
public enum Ground {
    ILLEGAL_CONTENT,
    TERMS_OF_SERVICE
}
