package org.takedown.common.time;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.common.security.Roles;

/** Reads the service clock, and in controllable mode moves it forward (scenario replay and tests). */
@Path("/admin/clock")
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ClockResource {

    @Inject
    TakedownClock clock;

    public record ClockView(Instant now, boolean controllable) {
    }

    /** An ISO-8601 duration such as {@code PT24H}. */
    public record Advance(@NotNull Duration by) {
    }

    @GET
    @Operation(summary = "The service's current time")
    public ClockView get() {
        return new ClockView(clock.now(), clock.isControllable());
    }

    @POST
    @Path("/advance")
    @Operation(summary = "Move a controllable clock forward and run the deadline sweeps")
    public ClockView advance(@Valid @NotNull Advance request) {
        clock.advance(request.by());
        return get();
    }
}
