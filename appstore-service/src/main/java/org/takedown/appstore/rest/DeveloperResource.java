package org.takedown.appstore.rest;

import java.net.URI;

import io.quarkus.panache.common.Sort;

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
import org.takedown.appstore.repository.Developer;
import org.takedown.appstore.repository.Listing;
import org.takedown.appstore.rest.Requests.NewDeveloper;
import org.takedown.appstore.rest.Requests.NewListing;
import org.takedown.appstore.rest.Views.DeveloperView;
import org.takedown.appstore.rest.Views.ListingView;
import org.takedown.appstore.service.DeveloperService;
import org.takedown.common.rest.IdempotentRequests;
import org.takedown.common.rest.PageResponse;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.security.Caller;
import org.takedown.common.security.Roles;

/** Developers (legal entities) and the listings they publish; admins register them. */
@Path("/developers")
@Tag(name = "Developers and listings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeveloperResource {

    @Inject
    DeveloperService developers;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    @Inject
    Access access;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a developer: legal name, domains and contacts, which peers' signals are matched on")
    public Response register(@HeaderParam(IdempotentRequests.HEADER) String key, @Valid @NotNull NewDeveloper request) {
        return idempotency.execute(key, caller.name(), request, () -> {
            DeveloperView view = DeveloperView.of(developers.register(request, caller.name()));
            return Response.created(URI.create("/developers/" + view.id())).entity(view).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.REVIEWER })
    @Operation(summary = "List developers")
    public PageResponse<DeveloperView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return Filters.page(Developer.<Developer>findAll(Sort.ascending("id")), page, size, DeveloperView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.REVIEWER, Roles.DEVELOPER })
    @Operation(summary = "One developer (a developer sees only itself)")
    public DeveloperView get(@PathParam("id") long id) {
        access.requireOwnDeveloper(id);
        return Developer.<Developer>findByIdOptional(id).map(DeveloperView::of)
                .orElseThrow(() -> ProblemException.notFound("Developer", id));
    }

    @POST
    @Path("/{id}/listings")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publish a listing for a developer; it starts LIVE")
    public Response addListing(@HeaderParam(IdempotentRequests.HEADER) String key, @PathParam("id") long id,
            @Valid @NotNull NewListing request) {
        return idempotency.execute(key, caller.name(), new Object[] { id, request }, () -> {
            ListingView view = ListingView.of(developers.addListing(id, request, caller.name()));
            return Response.created(URI.create("/listings/" + view.id())).entity(view).build();
        });
    }

    @GET
    @Path("/{id}/listings")
    @RolesAllowed({ Roles.ADMIN, Roles.REVIEWER, Roles.DEVELOPER })
    @Operation(summary = "A developer's listings")
    public PageResponse<ListingView> listings(@PathParam("id") long id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        access.requireOwnDeveloper(id);
        if (Developer.findById(id) == null) {
            throw ProblemException.notFound("Developer", id);
        }
        return Filters.page(Listing.<Listing>find("developer.id = ?1 order by id", id), page, size, ListingView::of);
    }
}
