package org.takedown.appstore.rest;

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
import org.takedown.appstore.repository.PeerSignal;
import org.takedown.appstore.rest.Views.PeerSignalView;
import org.takedown.common.rest.PageResponse;
import org.takedown.common.security.Roles;

/** Every peer decision and reversal received, with how it matched our records or why it was ignored. */
@Path("/peer-signals")
@Tag(name = "Peer signals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
public class PeerSignalResource {

    @GET
    @Operation(summary = "List peer signals, newest first, by outcome (MATCHED, IGNORED), peer or peer decision")
    public PageResponse<PeerSignalView> list(@QueryParam("outcome") String outcome,
            @QueryParam("peerProvider") String peerProvider, @QueryParam("peerDecisionId") String peerDecisionId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Filters filters = new Filters().eq("outcome", Params.enumOf(PeerSignal.Outcome.class, outcome, "outcome")).eq("peerProvider", peerProvider)
                .eq("peerDecisionId", peerDecisionId);
        return Filters.page(PeerSignal.<PeerSignal>find(filters.query("id desc"), filters.params()), page, size,
                PeerSignalView::of);
    }
}
