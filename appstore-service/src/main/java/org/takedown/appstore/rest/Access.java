package org.takedown.appstore.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.takedown.appstore.repository.Listing;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.security.Caller;
import org.takedown.common.security.Roles;

/**
 * Staff see everything; a developer only what belongs to its own developer account. Anything else looks like it does
 * not exist (404), so ids cannot be probed.
 */
@RequestScoped
public class Access {

    @Inject
    Caller caller;

    boolean isStaff() {
        return caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.REVIEWER);
    }

    /** The developer id a developer token is limited to; null for staff, who are not limited. */
    Long ownDeveloperId() {
        if (isStaff()) {
            return null;
        }
        String tenant = caller.tenant().orElseThrow(() -> ProblemException.forbidden("The token names no developer account"));
        try {
            return Long.valueOf(tenant);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    <T> T visible(Listing listing, T value, String what, Object id) {
        if (!caller.mayRead(listing.tenant())) {
            throw ProblemException.notFound(what, id);
        }
        return value;
    }

    void requireOwnDeveloper(long developerId) {
        if (!caller.mayRead(String.valueOf(developerId))) {
            throw ProblemException.notFound("Developer", developerId);
        }
    }

    /** Reads an If-Match header as the version the client last saw; absent means "do not check". */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String bare = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.valueOf(bare);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match", "must be the version number the client last read");
        }
    }
}
