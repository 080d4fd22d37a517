package org.takedown.common.event;

/** Categories in the spirit of the DSA Transparency Database. */
public enum Category {
    VIOLENCE_INCITEMENT,
    ILLEGAL_SPEECH,
    SCAMS_FRAUD,
    MALWARE,
    CHILD_SEXUAL_ABUSE_MATERIAL,
    SPAM,
    INSUFFICIENT_MODERATION,
    INTELLECTUAL_PROPERTY,
    OTHER
}
