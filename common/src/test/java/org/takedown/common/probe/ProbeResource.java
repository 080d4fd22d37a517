package org.takedown.common.probe;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.takedown.common.audit.AuditTrail;
import org.takedown.common.event.Category;
import org.takedown.common.event.SampleEvents;
import org.takedown.common.outbox.EventPublisher;
import org.takedown.common.rest.IdempotentRequests;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.security.Caller;
import org.takedown.common.security.Roles;

/** Test-only endpoints that drive the common mechanisms the way a service would. */
@Path("/probe")
public class ProbeResource {

    public record ProbeRequest(@NotBlank @Size(max = 20) String name, @NotNull Category category, @Email String email,
            List<@Valid ProbeContact> contacts, List<@NotBlank String> domains) {
    }

    public record ProbeContact(@NotBlank String name, @Email String email) {
    }

    @Inject
    ProbeService service;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    @POST
    @Path("/decisions")
    @RolesAllowed(Roles.REVIEWER)
    public Response decide(@HeaderParam(IdempotentRequests.HEADER) String key, @Valid @NotNull ProbeRequest request) {
        return idempotency.execute(key, caller.name(), request, () -> {
            String eventId = service.decide(request.name());
            return Response.created(URI.create("/probe/decisions/" + eventId)).entity(Map.of("eventId", eventId)).build();
        });
    }

    @POST
    @Path("/failing")
    @RolesAllowed(Roles.REVIEWER)
    public Response failing(@Valid @NotNull ProbeRequest request) {
        service.decideThenFail(request.name());
        return Response.ok().build();
    }

    @GET
    @Path("/things/{id}")
    @PermitAll
    public Response thing(@PathParam("id") long id) {
        throw ProblemException.notFound("Thing", id);
    }

    @ApplicationScoped
    public static class ProbeService {

        @Inject
        EventPublisher publisher;

        @Inject
        AuditTrail audit;

        @Transactional
        public String decide(String actor) {
            audit.record(actor, "probe.decided", "probe", "1", null);
            return publisher.publish(SampleEvents.suspension());
        }

        /** Publishes and then fails: the outbox row must roll back with everything else. */
        @Transactional
        public void decideThenFail(String actor) {
            publisher.publish(SampleEvents.suspension());
            throw ProblemException.conflict("refused after publishing");
        }
    }
}
