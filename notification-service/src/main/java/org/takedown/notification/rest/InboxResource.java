package org.takedown.notification.rest;

import java.util.List;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.common.rest.PageResponse;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.security.Caller;
import org.takedown.common.security.Roles;
import org.takedown.notification.service.InboxService;

/**
 * A recipient's own inbox. The owner is the token's {@code tenant} claim: a contact's email address or a provider id.
 * Another recipient's item answers 404, as if it did not exist.
 */
@Path("/inbox")
@Tag(name = "Inbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.CUSTOMER, Roles.DEVELOPER, Roles.PROVIDER })
public class InboxResource {

    @Inject
    InboxService inbox;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "My notifications, newest first")
    public PageResponse<NotificationViews.InboxItem> list(@QueryParam("unread") @DefaultValue("false") boolean unread,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var found = inbox.list(owner(), unread, page, size);
        return new PageResponse<>(found.items().stream().map(NotificationViews.InboxItem::of).toList(), found.page(),
                found.size(), found.total());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my notifications")
    public NotificationViews.InboxItem get(@PathParam("id") long id) {
        return inbox.find(owner(), id).map(NotificationViews.InboxItem::of).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark one of my notifications read")
    public NotificationViews.InboxItem read(@PathParam("id") long id) {
        return inbox.markRead(owner(), id).map(NotificationViews.InboxItem::of).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/{id}/attempts")
    @Operation(summary = "How I was told about this item's event: each attempt on each channel")
    public List<NotificationViews.ChannelAttempt> attempts(@PathParam("id") long id) {
        return inbox.attempts(owner(), id).map(list -> list.stream().map(NotificationViews.ChannelAttempt::of).toList())
                .orElseThrow(() -> notFound(id));
    }

    private String owner() {
        return caller.tenant().filter(t -> !t.isBlank()).map(InboxResource::normaliseOwner)
                .orElseThrow(() -> ProblemException.forbidden("The token has no tenant claim naming an inbox"));
    }

    /** Inbox owners are stored in lower case (email addresses, provider ids). */
    static String normaliseOwner(String tenant) {
        return tenant.strip().toLowerCase(Locale.ROOT);
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("Inbox item", id);
    }
}
