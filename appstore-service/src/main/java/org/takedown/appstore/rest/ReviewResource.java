package org.takedown.appstore.rest;

import java.net.URI;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.appstore.repository.ReviewCase;
import org.takedown.appstore.rest.Requests.Assignment;
import org.takedown.appstore.rest.Requests.DecisionRequest;
import org.takedown.appstore.rest.Requests.RemediationRequest;
import org.takedown.appstore.rest.Requests.RemediationResponse;
import org.takedown.appstore.rest.Views.DecisionView;
import org.takedown.appstore.rest.Views.ReviewView;
import org.takedown.appstore.service.DecisionService;
import org.takedown.appstore.service.DeveloperService;
import org.takedown.appstore.service.ReviewService;
import org.takedown.common.rest.IdempotentRequests;
import org.takedown.common.rest.PageResponse;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.security.Caller;
import org.takedown.common.security.Roles;

/** Review cases: the reviewers' queue, remediation requests, and the decision that concludes a case. */
@Path("/reviews")
@Tag(name = "Review cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {

    static final String IF_MATCH_DOC = "The case version last read; a different current version gives 409";

    @Inject
    ReviewService reviews;

    @Inject
    DecisionService decisions;

    @Inject
    DeveloperService developers;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    @Inject
    Access access;

    @GET
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN, Roles.DEVELOPER })
    @Operation(summary = "The review queue, filtered by listing, state, trigger, peer decision, escalation, "
            + "assignee or priority; a developer sees only its own listings' cases")
    public PageResponse<ReviewView> list(@QueryParam("listingId") Long listingId,
            @QueryParam("state") String state, @QueryParam("trigger") String trigger,
            @QueryParam("peerDecisionId") String peerDecisionId, @QueryParam("escalated") Boolean escalated,
            @QueryParam("assignee") String assignee, @QueryParam("priority") String priority,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Filters filters = new Filters().eq("listing.id", listingId).eq("state", Params.enumOf(ReviewCase.State.class, state, "state"))
                .eq("trigger", Params.enumOf(ReviewCase.Trigger.class, trigger, "trigger"))
                .eq("peerDecisionId", peerDecisionId).eq("escalated", escalated).eq("assignee", assignee)
                .eq("priority", Params.enumOf(ReviewCase.Priority.class, priority, "priority")).eq("listing.developer.id", access.ownDeveloperId());
        return Filters.page(ReviewCase.<ReviewCase>find(filters.query("id"), filters.params()), page, size,
                ReviewView::summary);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN, Roles.DEVELOPER })
    @Operation(summary = "One case, with the peer's statement of reasons attached when a peer's decision opened it")
    public ReviewView get(@PathParam("id") long id) {
        ReviewCase review = find(id);
        return ReviewView.detail(review);
    }

    @POST
    @Path("/{id}/remediation")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Ask the developer to remedy a breach of the cited policies by a deadline (default: the "
            + "policies' remediation window)")
    public ReviewView requestRemediation(@PathParam("id") long id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RemediationRequest request) {
        return ReviewView.detail(reviews.requestRemediation(id, Access.expectedVersion(ifMatch), request,
                caller.name()));
    }

    @POST
    @Path("/{id}/remediation-response")
    @RolesAllowed(Roles.DEVELOPER)
    @Operation(summary = "The developer answers a remediation request (before the deadline, it is not escalated)")
    public ReviewView respond(@PathParam("id") long id, @Valid @NotNull RemediationResponse response) {
        find(id);
        return ReviewView.detail(developers.respondToRemediation(id, response, caller.name()));
    }

    @PUT
    @Path("/{id}/assignee")
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "Assign the case to a reviewer")
    public ReviewView assign(@PathParam("id") long id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Assignment request) {
        return ReviewView.detail(reviews.assign(id, Access.expectedVersion(ifMatch), request.assignee(),
                caller.name()));
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Decide the case: remove, restrict, require remediation, keep or reinstate, with the "
            + "evidence examined and, for a peer-triggered case, the opinion of the peer's decision")
    public Response decide(@HeaderParam(IdempotentRequests.HEADER) String key, @PathParam("id") long id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull DecisionRequest request) {
        return idempotency.execute(key, caller.name(), new Object[] { id, request }, () -> {
            DecisionView view = DecisionView.of(decisions.decide(id, Access.expectedVersion(ifMatch), request,
                    caller.name()));
            return Response.created(URI.create("/decisions/" + view.decisionId())).entity(view).build();
        });
    }

    private ReviewCase find(long id) {
        ReviewCase review = ReviewCase.<ReviewCase>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Review case", id));
        return access.visible(review.listing, review, "Review case", id);
    }
}
