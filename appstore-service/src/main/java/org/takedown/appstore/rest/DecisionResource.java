package org.takedown.appstore.rest;

import java.net.URI;
import java.util.List;

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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.appstore.repository.Ruling;
import org.takedown.appstore.repository.StoreDecision;
import org.takedown.appstore.rest.Requests.NewAppeal;
import org.takedown.appstore.rest.Requests.NewRuling;
import org.takedown.appstore.rest.Views.AppealView;
import org.takedown.appstore.rest.Views.DecisionView;
import org.takedown.appstore.rest.Views.RulingView;
import org.takedown.appstore.service.AppealService;
import org.takedown.appstore.service.RulingService;
import org.takedown.common.event.Action;
import org.takedown.common.rest.IdempotentRequests;
import org.takedown.common.rest.PageResponse;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.security.Caller;
import org.takedown.common.security.Roles;

/** Decisions with their statement of reasons, and what can follow them: appeals and external rulings. */
@Path("/decisions")
@Tag(name = "Decisions, appeals and rulings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DecisionResource {

    @Inject
    AppealService appeals;

    @Inject
    RulingService rulings;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    @Inject
    Access access;

    @GET
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN, Roles.DEVELOPER })
    @Operation(summary = "List decisions by listing, action or status; a developer sees only its own")
    public PageResponse<DecisionView> list(@QueryParam("listingId") Long listingId,
            @QueryParam("action") String action, @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Filters filters = new Filters().eq("listing.id", listingId).eq("action", Params.enumOf(Action.class, action, "action"))
                .eq("status", Params.enumOf(StoreDecision.Status.class, status, "status"))
                .eq("listing.developer.id", access.ownDeveloperId());
        return Filters.page(StoreDecision.<StoreDecision>find(filters.query("id"), filters.params()), page, size,
                DecisionView::of);
    }

    @GET
    @Path("/{decisionId}")
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN, Roles.DEVELOPER })
    @Operation(summary = "One decision by its public id, with its statement of reasons and basedOn")
    public DecisionView get(@PathParam("decisionId") String decisionId) {
        return DecisionView.of(find(decisionId));
    }

    @POST
    @Path("/{decisionId}/appeals")
    @RolesAllowed(Roles.DEVELOPER)
    @Operation(summary = "Appeal a removal or restriction of one of your listings, within the appeal window")
    public Response appeal(@HeaderParam(IdempotentRequests.HEADER) String key,
            @PathParam("decisionId") String decisionId, @Valid @NotNull NewAppeal request) {
        return idempotency.execute(key, caller.name(), new Object[] { decisionId, request }, () -> {
            AppealView view = AppealView.of(appeals.file(find(decisionId).decisionId, request.grounds(),
                    caller.name()));
            return Response.created(URI.create("/appeals/" + view.id())).entity(view).build();
        });
    }

    @POST
    @Path("/{decisionId}/rulings")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Record a court order or out-of-court ruling; one ordering reinstatement is complied with")
    public Response ruling(@HeaderParam(IdempotentRequests.HEADER) String key,
            @PathParam("decisionId") String decisionId, @Valid @NotNull NewRuling request) {
        return idempotency.execute(key, caller.name(), new Object[] { decisionId, request }, () -> {
            RulingView view = RulingView.of(rulings.record(decisionId, request, caller.name()));
            return Response.created(URI.create("/decisions/" + decisionId + "/rulings")).entity(view).build();
        });
    }

    @GET
    @Path("/{decisionId}/rulings")
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN, Roles.DEVELOPER })
    @Operation(summary = "The rulings recorded against a decision")
    public List<RulingView> rulings(@PathParam("decisionId") String decisionId) {
        StoreDecision decision = find(decisionId);
        return Ruling.<Ruling>list("decision = ?1 order by id", decision).stream().map(RulingView::of).toList();
    }

    private StoreDecision find(String decisionId) {
        StoreDecision decision = StoreDecision.byDecisionId(decisionId)
                .orElseThrow(() -> ProblemException.notFound("Decision", decisionId));
        return access.visible(decision.listing, decision, "Decision", decisionId);
    }
}
