package org.takedown.appstore.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.appstore.config.StoreConfig;
import org.takedown.appstore.service.StatsService;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.security.Roles;
import org.takedown.common.time.TakedownClock;

/** The store's published rules, and its transparency statistics for admins. */
@Path("/")
@Tag(name = "Store")
@Produces(MediaType.APPLICATION_JSON)
public class StoreResource {

    public record PolicyView(String id, String title, String text, Duration remediationWindow) {
    }

    public record StoreView(String displayName, String guidelines, List<PolicyView> policies,
            boolean allowPeerOnlyRemoval, Duration appealWindow, Duration peerSignalSla) {
    }

    @Inject
    StoreConfig config;

    @Inject
    StatsService stats;

    @Inject
    TakedownClock clock;

    @GET
    @Path("policies")
    @PermitAll
    @Operation(summary = "The store's own policies, which every decision cites")
    public StoreView policies() {
        List<PolicyView> policies = config.policies().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> new PolicyView(e.getKey(), e.getValue().title().orElse(e.getKey()), e.getValue().text(),
                        e.getValue().remediationWindow()))
                .toList();
        return new StoreView(config.displayName(), config.guidelines(), policies, config.allowPeerOnlyRemoval(),
                config.appealWindow(), config.sla().peerSignal());
    }

    @GET
    @Path("stats")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Counts of reports, peer signals, cases, decisions, appeals and rulings in [from, to), and "
            + "time from case opening to decision")
    public StatsService.Stats stats(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant end = Params.instant(to, "to");
        Instant start = Params.instant(from, "from");
        end = end == null ? clock.now().plusSeconds(1) : end;
        start = start == null ? Instant.EPOCH : start;
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("from", "must be before to");
        }
        return stats.compute(start, end);
    }
}
