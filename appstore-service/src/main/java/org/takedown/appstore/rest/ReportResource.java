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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.appstore.repository.Report;
import org.takedown.appstore.rest.Requests.NewReport;
import org.takedown.appstore.rest.Views.ReportView;
import org.takedown.appstore.service.ReportService;
import org.takedown.common.event.Category;
import org.takedown.common.rest.IdempotentRequests;
import org.takedown.common.rest.PageResponse;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.security.Caller;
import org.takedown.common.security.Roles;

/** The store's own reports about listings, from users, automated checks and peers. */
@Path("/reports")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    ReportService reports;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({ Roles.REPORTER, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "Report a listing; the same reporter reporting the same content again gets the first report "
            + "back with duplicate=true (200)")
    public Response file(@HeaderParam(IdempotentRequests.HEADER) String key, @Valid @NotNull NewReport request) {
        return idempotency.execute(key, caller.name(), request, () -> {
            ReportService.Filed filed = reports.file(request, caller.name());
            ReportView view = ReportView.of(filed.report(), filed.duplicate());
            return (filed.duplicate() ? Response.ok() : Response.created(URI.create("/reports/" + view.id())))
                    .entity(view).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "List reports by listing, category or source")
    public PageResponse<ReportView> list(@QueryParam("listingId") Long listingId,
            @QueryParam("category") String category, @QueryParam("source") String source,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Filters filters = new Filters().eq("listing.id", listingId).eq("category", Params.enumOf(Category.class, category, "category"))
                .eq("source", Params.enumOf(Report.Source.class, source, "source"));
        return Filters.page(Report.<Report>find(filters.query("id desc"), filters.params()), page, size,
                r -> ReportView.of(r, false));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "One report")
    public ReportView get(@PathParam("id") long id) {
        return Report.<Report>findByIdOptional(id).map(r -> ReportView.of(r, false))
                .orElseThrow(() -> ProblemException.notFound("Report", id));
    }
}
