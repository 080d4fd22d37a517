package org.takedown.hosting.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.common.rest.IdempotentRequests;
import org.takedown.common.rest.PageResponse;
import org.takedown.common.security.Caller;
import org.takedown.common.security.Roles;
import org.takedown.hosting.repository.AbuseCase;
import org.takedown.hosting.repository.CaseState;
import org.takedown.hosting.repository.Priority;
import org.takedown.hosting.rest.Requests.CaseUpdate;
import org.takedown.hosting.rest.Requests.NewNotice;
import org.takedown.hosting.rest.Requests.Reason;
import org.takedown.hosting.rest.Views.CaseView;
import org.takedown.hosting.rest.Views.NoticeView;
import org.takedown.hosting.service.CaseService;
import org.takedown.hosting.service.NoticeService;
import org.takedown.hosting.service.PolicyCatalog;
import org.takedown.hosting.service.TrendService;

/** Reviewers' work queue: cases per customer and policy area, their notices and their trend. */
@Path("/cases")
@Tag(name = "Cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
public class CaseResource {

    @Inject
    CaseService cases;

    @Inject
    NoticeService notices;

    @Inject
    TrendService trends;

    @Inject
    PolicyCatalog policies;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List cases by customer, state, priority and assignee")
    public PageResponse<CaseView> list(@QueryParam("customerId") String customerId, @QueryParam("state") String state,
            @QueryParam("priority") String priority, @QueryParam("assignee") String assignee,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var found = cases.list(QueryParams.id("customerId", customerId),
                QueryParams.enumValue(CaseState.class, "state", state),
                QueryParams.enumValue(Priority.class, "priority", priority), assignee, page, size);
        return new PageResponse<>(found.items().stream().map(CaseView::summary).toList(), page, size, found.total());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A case with its notices and the day-by-day trend of violations around each notice")
    public CaseView get(@PathParam("id") Long id) {
        return full(cases.get(id));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Change priority or assignee; the version must match (409 otherwise)")
    public CaseView update(@PathParam("id") Long id, @Valid @NotNull CaseUpdate update) {
        return CaseView.summary(cases.update(id, update, caller.name()));
    }

    @POST
    @Path("/{id}/notices")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Send the customer a notice with the evidence and a cure deadline; emits notice.issued")
    public Response notice(@HeaderParam(IdempotentRequests.HEADER) String key, @PathParam("id") Long id,
            @Valid @NotNull NewNotice request) {
        return idempotency.execute(key, caller.name(), request, () -> {
            NoticeView view = NoticeView.of(notices.issue(id, request, caller.name()), policies);
            return Response.created(URI.create("/notices/" + view.id())).entity(view).build();
        });
    }

    @POST
    @Path("/{id}/escalate")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Escalate a case by hand")
    public CaseView escalate(@PathParam("id") Long id, @Valid @NotNull Reason reason) {
        return CaseView.summary(cases.escalate(id, reason.reason(), caller.name()));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Close a case")
    public CaseView close(@PathParam("id") Long id, @Valid @NotNull Reason reason) {
        return CaseView.summary(cases.close(id, reason.reason(), caller.name()));
    }

    private CaseView full(AbuseCase abuseCase) {
        return CaseView.full(abuseCase, notices.ofCase(abuseCase.id), trends.of(abuseCase));
    }
}
