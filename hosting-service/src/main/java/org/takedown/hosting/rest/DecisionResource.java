package org.takedown.hosting.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.common.rest.IdempotentRequests;
import org.takedown.common.security.Caller;
import org.takedown.common.security.Roles;
import org.takedown.hosting.repository.Decision;
import org.takedown.hosting.rest.Requests.NewAppeal;
import org.takedown.hosting.rest.Requests.NewRuling;
import org.takedown.hosting.rest.Views.AppealView;
import org.takedown.hosting.rest.Views.DecisionView;
import org.takedown.hosting.rest.Views.PeerOpinionView;
import org.takedown.hosting.rest.Views.RulingView;
import org.takedown.hosting.service.AppealService;
import org.takedown.hosting.service.DecisionService;
import org.takedown.hosting.service.PeerReviewService;
import org.takedown.hosting.service.PolicyCatalog;
import org.takedown.hosting.service.RulingService;

/** A decision by its public id: its statement of reasons, appeals, rulings and what peers thought of it. */
@Path("/decisions/{decisionId}")
@Tag(name = "Decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DecisionResource {

    @Inject
    DecisionService decisions;

    @Inject
    AppealService appeals;

    @Inject
    RulingService rulings;

    @Inject
    PeerReviewService peerReviews;

    @Inject
    PolicyCatalog policies;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    @Inject
    Access access;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.REVIEWER, Roles.CUSTOMER })
    @Operation(summary = "A decision with its statement of reasons, appeals and rulings")
    public DecisionView get(@PathParam("decisionId") String decisionId) {
        Decision decision = decisions.get(decisionId);
        access.requireReadable(decision.customerId, "Decision", decisionId);
        return DecisionView.of(decision, policies,
                appeals.ofDecision(decision).stream().map(a -> AppealView.of(a, decisionId)).toList(),
                rulings.ofDecision(decision).stream().map(r -> RulingView.of(r, decisionId)).toList());
    }

    @POST
    @Path("/appeals")
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "The customer appeals the decision within the appeal window")
    public Response appeal(@HeaderParam(IdempotentRequests.HEADER) String key,
            @PathParam("decisionId") String decisionId, @Valid @NotNull NewAppeal request) {
        Decision decision = decisions.get(decisionId);
        access.requireOwnCustomer(decision.customerId, "Decision", decisionId);
        return idempotency.execute(key, caller.name(), request, () -> {
            AppealView view = AppealView.of(appeals.file(decisions.get(decisionId), request.grounds(), caller.name()),
                    decisionId);
            return Response.created(URI.create("/appeals/" + view.id())).entity(view).build();
        });
    }

    @POST
    @Path("/rulings")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Record a court order or out-of-court ruling; one ordering reinstatement reverses the decision")
    public Response ruling(@HeaderParam(IdempotentRequests.HEADER) String key,
            @PathParam("decisionId") String decisionId, @Valid @NotNull NewRuling request) {
        return idempotency.execute(key, caller.name(), request, () -> {
            RulingView view = RulingView.of(rulings.record(decisionId, request, caller.name()), decisionId);
            return Response.created(URI.create("/decisions/" + decisionId)).entity(view).build();
        });
    }

    @GET
    @Path("/peer-opinions")
    @RolesAllowed({ Roles.ADMIN, Roles.REVIEWER })
    @Operation(summary = "What peers concluded about this decision (their review.concluded)")
    public List<PeerOpinionView> peerOpinions(@PathParam("decisionId") String decisionId) {
        decisions.get(decisionId);
        return peerReviews.opinionsOn(decisionId).stream().map(PeerOpinionView::of).toList();
    }
}
