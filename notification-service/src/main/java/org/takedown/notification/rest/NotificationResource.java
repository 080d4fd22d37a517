package org.takedown.notification.rest;

import java.util.Arrays;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.common.rest.PageResponse;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.security.Caller;
import org.takedown.common.security.Roles;
import org.takedown.notification.repository.Channel;
import org.takedown.notification.repository.NotificationStatus;
import org.takedown.notification.service.NotificationQueries;

/** The delivery log, for admins: every notification, what it said, and each attempt at delivering it. */
@Path("/notifications")
@Tag(name = "Notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class NotificationResource {

    @Inject
    NotificationQueries queries;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Search notifications, newest first")
    public PageResponse<NotificationViews.Summary> list(@QueryParam("recipient") String recipient,
            @QueryParam("eventId") String eventId, @QueryParam("eventType") String eventType,
            @QueryParam("channel") String channel, @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var filter = new NotificationQueries.Filter(recipient, eventId, eventType,
                parse(Channel.class, "channel", channel), parse(NotificationStatus.class, "status", status));
        PageResponse<org.takedown.notification.repository.Notification> found = queries.search(filter, page, size);
        return new PageResponse<>(found.items().stream().map(NotificationViews.Summary::of).toList(), found.page(),
                found.size(), found.total());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One notification word for word, with every delivery attempt")
    public Response get(@PathParam("id") long id) {
        return queries.find(id)
                .map(logged -> Response.ok(NotificationViews.Detail.of(logged.notification(), logged.attempts())))
                .orElseThrow(() -> ProblemException.notFound("Notification", id)).build();
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Re-queue a DEAD delivery with a fresh allowance of attempts")
    public Response retry(@PathParam("id") long id) {
        var logged = queries.retry(id, caller.name());
        return Response.accepted(NotificationViews.Detail.of(logged.notification(), logged.attempts())).build();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
