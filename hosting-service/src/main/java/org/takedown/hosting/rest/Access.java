package org.takedown.hosting.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.takedown.common.rest.ProblemException;
import org.takedown.common.security.Caller;

/** Tenant isolation: staff see every customer's records, a customer only its own; anything else does not exist. */
@RequestScoped
public class Access {

    @Inject
    Caller caller;

    /** Throws 404 for {@code what id} unless the caller may read customer {@code customerId}'s records. */
    public void requireReadable(Long customerId, String what, Object id) {
        if (!caller.mayRead(String.valueOf(customerId))) {
            throw ProblemException.notFound(what, id);
        }
    }

    /** Throws 404 unless the caller is this very customer (staff may read but not act for it). */
    public void requireOwnCustomer(Long customerId, String what, Object id) {
        if (!caller.tenant().map(t -> t.equals(String.valueOf(customerId))).orElse(false)) {
            throw ProblemException.notFound(what, id);
        }
    }
}
