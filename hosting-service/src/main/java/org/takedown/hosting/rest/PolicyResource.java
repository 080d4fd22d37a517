package org.takedown.hosting.rest;

import java.util.Collection;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.hosting.service.PolicyCatalog;

/** The acceptable use policy is public: customers and reporters may read every clause and its cure period. */
@Path("/policies")
@Tag(name = "Policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    @Inject
    PolicyCatalog policies;

    @GET
    @PermitAll
    @Operation(summary = "The acceptable use policy's clauses with their cure periods")
    public Collection<PolicyCatalog.Clause> list() {
        return policies.all();
    }
}
