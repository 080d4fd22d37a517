package org.takedown.hosting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.common.security.Caller;
import org.takedown.common.security.Roles;
import org.takedown.hosting.repository.Notice;
import org.takedown.hosting.rest.Requests.Remediation;
import org.takedown.hosting.rest.Requests.Resolution;
import org.takedown.hosting.rest.Views.NoticeView;
import org.takedown.hosting.service.NoticeService;
import org.takedown.hosting.service.PolicyCatalog;

/** Notices: read by staff and the customer, answered by the customer, marked cured by a reviewer. */
@Path("/notices")
@Tag(name = "Notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoticeResource {

    @Inject
    NoticeService notices;

    @Inject
    PolicyCatalog policies;

    @Inject
    Caller caller;

    @Inject
    Access access;

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.REVIEWER, Roles.CUSTOMER })
    @Operation(summary = "A notice with its clauses, evidence and cure deadline")
    public NoticeView get(@PathParam("id") Long id) {
        Notice notice = notices.get(id);
        access.requireReadable(notice.customerId, "Notice", id);
        return NoticeView.of(notice, policies);
    }

    @POST
    @Path("/{id}/remediation")
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "The customer answers a notice with what it did to cure it")
    public NoticeView remediate(@PathParam("id") Long id, @Valid @NotNull Remediation remediation) {
        access.requireOwnCustomer(notices.get(id).customerId, "Notice", id);
        return NoticeView.of(notices.remediate(id, remediation.description(), caller.name()), policies);
    }

    @POST
    @Path("/{id}/cure")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Mark a notice, and its case, cured")
    public NoticeView cure(@PathParam("id") Long id, @Valid Resolution resolution) {
        return NoticeView.of(notices.markCured(id, resolution == null ? null : resolution.note(), caller.name()),
                policies);
    }
}
