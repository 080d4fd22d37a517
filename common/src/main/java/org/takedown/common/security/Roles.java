package org.takedown.common.security;

/** The roles a bearer token can carry in its {@code groups} claim. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String REVIEWER = "reviewer";
    public static final String REPORTER = "reporter";
    /** A hosting customer; its {@code tenant} claim names its account. */
    public static final String CUSTOMER = "customer";
    /** An app developer; its {@code tenant} claim names its developer account. */
    public static final String DEVELOPER = "developer";
    /** Another provider's trust and safety system. */
    public static final String PROVIDER = "provider";

    private Roles() {
    }
}
