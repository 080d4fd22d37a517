package org.takedown.notification.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.common.rest.IdempotentRequests;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.security.Caller;
import org.takedown.common.security.Roles;
import org.takedown.notification.repository.WebhookSubscription;
import org.takedown.notification.service.SubscriptionService;

/** Webhook subscriptions, for admins. The secret is write-only: it signs deliveries and is never shown again. */
@Path("/subscriptions")
@Tag(name = "Webhook subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SubscriptionResource {

    private static final String EXAMPLE = """
            {"url": "https://hooks.example.org/takedown", "secret": "a-long-random-shared-secret",
             "eventTypes": ["decision.issued", "decision.reversed"], "subjects": ["Parler LLC"]}""";

    /** Empty or missing lists mean every event type, or every party. */
    public record SubscriptionRequest(@NotBlank @Size(max = 2048) String url,
            @NotBlank @Size(min = 16, max = 512) String secret, List<@NotBlank String> eventTypes,
            List<@NotBlank String> subjects) {
    }

    public record SubscriptionView(UUID id, String url, List<String> eventTypes, List<String> subjects,
            Instant createdAt, String createdBy) {

        static SubscriptionView of(WebhookSubscription s) {
            return new SubscriptionView(s.id, s.url, s.eventTypes, s.subjects, s.createdAt, s.createdBy);
        }
    }

    @Inject
    SubscriptionService subscriptions;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a URL to signed webhooks for some event types and/or parties")
    public Response create(@HeaderParam(IdempotentRequests.HEADER) String key,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "parler-decisions", value = EXAMPLE)))
            @Valid @NotNull SubscriptionRequest request) {
        return idempotency.execute(key, caller.name(), request, () -> {
            WebhookSubscription s = subscriptions.create(request.url(), request.secret(), request.eventTypes(),
                    request.subjects(), caller.name());
            return Response.created(URI.create("/subscriptions/" + s.id)).entity(SubscriptionView.of(s)).build();
        });
    }

    @GET
    @Operation(summary = "List active subscriptions")
    public List<SubscriptionView> list() {
        return subscriptions.list().stream().map(SubscriptionView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return subscriptions.find(id).map(SubscriptionView::of)
                .orElseThrow(() -> ProblemException.notFound("Subscription", id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "End a subscription; its delivery log is kept")
    public Response delete(@PathParam("id") UUID id) {
        if (!subscriptions.delete(id, caller.name())) {
            throw ProblemException.notFound("Subscription", id);
        }
        return Response.noContent().build();
    }
}
