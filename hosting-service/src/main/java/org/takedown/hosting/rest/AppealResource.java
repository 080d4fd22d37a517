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
import org.takedown.hosting.repository.Appeal;
import org.takedown.hosting.repository.Decision;
import org.takedown.hosting.rest.Requests.AppealDecision;
import org.takedown.hosting.rest.Views.AppealView;
import org.takedown.hosting.service.AppealService;

/** Appeals: read by staff and the appellant, decided by a reviewer other than the original decider. */
@Path("/appeals/{id}")
@Tag(name = "Appeals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppealResource {

    @Inject
    AppealService appeals;

    @Inject
    Caller caller;

    @Inject
    Access access;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.REVIEWER, Roles.CUSTOMER })
    @Operation(summary = "An appeal and its outcome")
    public AppealView get(@PathParam("id") Long id) {
        Appeal appeal = appeals.get(id);
        access.requireReadable(appeal.customerId, "Appeal", id);
        return view(appeal);
    }

    @POST
    @Path("/decision")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Uphold or reverse; a reversal reinstates the customer and emits decision.reversed")
    public AppealView decide(@PathParam("id") Long id, @Valid @NotNull AppealDecision request) {
        return view(appeals.decide(id, request.outcome(), request.reasons(), caller.name()));
    }

    private static AppealView view(Appeal appeal) {
        return AppealView.of(appeal, Decision.<Decision>findById(appeal.decisionRowId).decisionId);
    }
}
