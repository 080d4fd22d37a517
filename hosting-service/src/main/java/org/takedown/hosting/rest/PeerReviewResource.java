package org.takedown.hosting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.common.rest.PageResponse;
import org.takedown.common.security.Caller;
import org.takedown.common.security.Roles;
import org.takedown.hosting.repository.PeerReviewState;
import org.takedown.hosting.rest.Requests.Conclusion;
import org.takedown.hosting.rest.Views.PeerReviewView;
import org.takedown.hosting.service.PeerReviewService;

/** Our independent reviews of peers' decisions about our customers. */
@Path("/peer-reviews")
@Tag(name = "Peer reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
public class PeerReviewResource {

    @Inject
    PeerReviewService reviews;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List peer reviews by state and customer")
    public PageResponse<PeerReviewView> list(@QueryParam("state") String state,
            @QueryParam("customerId") String customerId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var found = reviews.list(QueryParams.enumValue(PeerReviewState.class, "state", state),
                QueryParams.id("customerId", customerId), page, size);
        return new PageResponse<>(found.items().stream().map(PeerReviewView::of).toList(), page, size, found.total());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A peer review with the peer's decision attached as context")
    public PeerReviewView get(@PathParam("id") Long id) {
        return PeerReviewView.of(reviews.get(id));
    }

    @POST
    @Path("/{id}/conclusion")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Agree, disagree or find the evidence insufficient; emits review.concluded")
    public PeerReviewView conclude(@PathParam("id") Long id, @Valid @NotNull Conclusion conclusion) {
        return PeerReviewView.of(reviews.conclude(id, conclusion, caller.name()));
    }
}
