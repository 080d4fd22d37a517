package org.takedown.hosting.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.security.Roles;
import org.takedown.common.time.TakedownClock;
import org.takedown.hosting.service.StatsService;

/** Transparency statistics over a time range (default: everything until now). */
@Path("/stats")
@Tag(name = "Statistics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class StatsResource {

    @Inject
    StatsService stats;

    @Inject
    TakedownClock clock;

    @GET
    @Operation(summary = "Reports, notices, decisions, appeals and rulings by category and outcome; report-to-decision time")
    public StatsService.Stats get(@QueryParam("from") String fromParam, @QueryParam("to") String toParam) {
        Instant from = QueryParams.instant("from", fromParam);
        Instant to = QueryParams.instant("to", toParam);
        Instant start = from == null ? Instant.EPOCH : from;
        Instant end = to == null ? clock.now().plusSeconds(1) : to;
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return stats.between(start, end);
    }
}
