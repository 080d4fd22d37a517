package org.takedown.common.security;

import java.util.Optional;

import io.quarkus.security.identity.SecurityIdentity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read from the bearer token: a name for the audit log, roles, and for customers and developers the
 * tenant (their account id here) that limits what they may see.
 */
@RequestScoped
public class Caller {

    public static final String TENANT_CLAIM = "tenant";
    public static final String PROVIDER_CLAIM = "provider";
    public static final String ANONYMOUS = "anonymous";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public String name() {
        return nameOf(identity);
    }

    /** The name the audit log records for an identity; for code that holds the identity itself, off the request scope. */
    public static String nameOf(SecurityIdentity identity) {
        return identity.isAnonymous() ? ANONYMOUS : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** The account this caller may act for, if it is a customer or developer. */
    public Optional<String> tenant() {
        return identity.isAnonymous() ? Optional.empty() : Optional.ofNullable(token.<String>getClaim(TENANT_CLAIM));
    }

    /** The provider a peer's system speaks for, if any. */
    public Optional<String> provider() {
        return identity.isAnonymous() ? Optional.empty() : Optional.ofNullable(token.<String>getClaim(PROVIDER_CLAIM));
    }

    /** Staff see everything; a customer or developer only what belongs to its tenant. */
    public boolean mayRead(String ownerTenant) {
        if (hasRole(Roles.ADMIN) || hasRole(Roles.REVIEWER)) {
            return true;
        }
        return tenant().map(t -> t.equals(ownerTenant)).orElse(false);
    }
}
