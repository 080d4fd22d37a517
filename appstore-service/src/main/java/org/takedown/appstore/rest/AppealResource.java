package org.takedown.appstore.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.appstore.repository.Appeal;
import org.takedown.appstore.rest.Requests.AppealDecision;
import org.takedown.appstore.rest.Views.AppealView;
import org.takedown.appstore.service.AppealService;
import org.takedown.common.rest.PageResponse;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.security.Caller;
import org.takedown.common.security.Roles;

/** Developers' appeals; a reviewer other than the original decider upholds or reverses. */
@Path("/appeals")
@Tag(name = "Decisions, appeals and rulings")
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
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN, Roles.DEVELOPER })
    @Operation(summary = "List appeals by state; a developer sees only its own")
    public PageResponse<AppealView> list(@QueryParam("state") String state,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Filters filters = new Filters().eq("state", Params.enumOf(Appeal.State.class, state, "state"))
                .eq("decision.listing.developer.id", access.ownDeveloperId());
        return Filters.page(Appeal.<Appeal>find(filters.query("id"), filters.params()), page, size, AppealView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN, Roles.DEVELOPER })
    @Operation(summary = "One appeal")
    public AppealView get(@PathParam("id") long id) {
        Appeal appeal = Appeal.<Appeal>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Appeal", id));
        return access.visible(appeal.decision.listing, AppealView.of(appeal), "Appeal", id);
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Uphold or reverse; reversal reinstates the listing and tells peers (decision.reversed)")
    public AppealView decide(@PathParam("id") long id,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull AppealDecision request) {
        return AppealView.of(appeals.decide(id, Access.expectedVersion(ifMatch), request, caller.name()));
    }
}
