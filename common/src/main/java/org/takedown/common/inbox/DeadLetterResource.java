package org.takedown.common.inbox;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.common.rest.PageResponse;
import org.takedown.common.security.Roles;

/** The messages this instance refused, with the reason, for operators draining the dead-letter queue. */
@Path("/admin/dead-letters")
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DeadLetterResource {

    @GET
    @Operation(summary = "List refused events, newest first")
    public PageResponse<DeadLetter> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var query = DeadLetter.<DeadLetter>findAll(Sort.descending("id"));
        return new PageResponse<>(query.page(Page.of(page, size)).list(), page, size, query.count());
    }
}
