package org.takedown.appstore.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.appstore.repository.Listing;
import org.takedown.appstore.rest.Views.ListingView;
import org.takedown.common.rest.PageResponse;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.security.Roles;

/** Listings across developers, filterable by status; a developer sees only its own. */
@Path("/listings")
@Tag(name = "Developers and listings")
@Produces(MediaType.APPLICATION_JSON)
public class ListingResource {

    @Inject
    Access access;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.REVIEWER, Roles.DEVELOPER })
    @Operation(summary = "List listings by status, developer or bundle id")
    public PageResponse<ListingView> list(@QueryParam("status") String status,
            @QueryParam("developerId") Long developerId, @QueryParam("bundleId") String bundleId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Long own = access.ownDeveloperId();
        if (own != null && developerId != null && !own.equals(developerId)) {
            return new PageResponse<>(java.util.List.of(), page, size, 0);
        }
        Filters filters = new Filters().eq("status", Params.enumOf(Listing.Status.class, status, "status")).eq("developer.id", own != null ? own : developerId)
                .eq("bundleId", bundleId);
        return Filters.page(Listing.<Listing>find(filters.query("id"), filters.params()), page, size,
                ListingView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.REVIEWER, Roles.DEVELOPER })
    @Operation(summary = "One listing with its status")
    public ListingView get(@PathParam("id") long id) {
        Listing listing = Listing.<Listing>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Listing", id));
        return access.visible(listing, ListingView.of(listing), "Listing", id);
    }
}
