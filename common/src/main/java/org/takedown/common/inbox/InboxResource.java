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

/** The events this instance applied, with how long each took to arrive: the propagation record. */
@Path("/admin/inbox")
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class InboxResource {

    @GET
    @Operation(summary = "List applied events, newest first, optionally for one event id or source")
    public PageResponse<InboxEvent> list(@QueryParam("eventId") String eventId, @QueryParam("source") String source,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var query = eventId != null ? InboxEvent.<InboxEvent>find("eventId", Sort.descending("receivedAt"), eventId)
                : source != null ? InboxEvent.<InboxEvent>find("source", Sort.descending("receivedAt"), source)
                        : InboxEvent.<InboxEvent>findAll(Sort.descending("receivedAt"));
        return new PageResponse<>(query.page(Page.of(page, size)).list(), page, size, query.count());
    }
}
