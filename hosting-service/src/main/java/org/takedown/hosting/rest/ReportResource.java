package org.takedown.hosting.rest;

import java.net.URI;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.common.rest.IdempotentRequests;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.security.Caller;
import org.takedown.common.security.Roles;
import org.takedown.hosting.repository.AbuseReport;
import org.takedown.hosting.repository.ReporterType;
import org.takedown.hosting.rest.Requests.NewReport;
import org.takedown.hosting.rest.Views.ReportView;
import org.takedown.hosting.service.AnonymousRateLimiter;
import org.takedown.hosting.service.ReportBatcher;
import org.takedown.hosting.service.ReportService;
import org.takedown.hosting.service.ReportService.Intake;
import org.takedown.hosting.service.ReportService.Submission;

/** Abuse report intake: reporters with a token, or anyone without one at a limited rate. */
@Path("/reports")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    ReportService reports;

    @Inject
    ReportBatcher batcher;

    @Inject
    AnonymousRateLimiter rateLimiter;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    CurrentIdentityAssociation identities;

    /**
     * Non-blocking: the caller's identity is resolved without blocking, and the report waits for its group commit
     * without holding a thread, so a report costs no worker-thread hand-offs. Only a report with an
     * {@code Idempotency-Key} is filed on a worker thread, in a transaction of its own.
     */
    @POST
    @PermitAll
    @Operation(summary = "Report abusive content: 201 for a new report, 200 with duplicate=true for a known one")
    public Uni<Response> submit(@HeaderParam(IdempotentRequests.HEADER) String key,
            @Valid @NotNull NewReport request, @Context HttpServerRequest http) {
        // the request's event loop writes the answer, so that the report writer's thread only files reports
        io.vertx.core.Context requestContext = Vertx.currentContext();
        return identities.getDeferredIdentity().chain(identity -> {
            Submission submission = submission(identity, request, http);
            if (key == null) {
                return Uni.createFrom().completionStage(batcher.submit(submission))
                        .emitOn(answer -> requestContext.runOnContext(ignored -> answer.run()))
                        .map(ReportResource::answer);
            }
            return Uni.createFrom().item(() -> idempotency.execute(key, submission.actor(), request,
                    () -> answer(reports.submit(submission))))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        });
    }

    /** Who files the report, and under which reporter key it is deduplicated; refuses what this caller may not send. */
    private Submission submission(SecurityIdentity identity, NewReport request, HttpServerRequest http) {
        String reporterKey;
        if (identity.isAnonymous()) {
            String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
            rateLimiter.acquire(address);
            if (request.reporterType() != ReporterType.USER) {
                throw ProblemException.invalid("reporterType", "anonymous reports are USER reports; "
                        + request.reporterType() + " needs a reporter token");
            }
            reporterKey = blank(request.reporterId()) ? "address:" + address : "anonymous:" + request.reporterId();
        } else if (identity.hasRole(Roles.REPORTER) || identity.hasRole(Roles.REVIEWER)
                || identity.hasRole(Roles.ADMIN)) {
            reporterKey = blank(request.reporterId()) ? "user:" + Caller.nameOf(identity) : "id:" + request.reporterId();
        } else {
            throw ProblemException.forbidden("Your role does not allow submitting reports");
        }
        reports.check(request);
        return new Submission(request, reporterKey, Caller.nameOf(identity));
    }

    private static Response answer(Intake intake) {
        ReportView view = ReportView.of(intake.report(), intake.duplicate());
        return (intake.duplicate() ? Response.ok() : Response.created(URI.create("/reports/" + view.id())))
                .entity(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.REVIEWER })
    @Operation(summary = "One report")
    public ReportView get(@PathParam("id") Long id) {
        return AbuseReport.<AbuseReport>findByIdOptional(id).map(r -> ReportView.of(r, false))
                .orElseThrow(() -> ProblemException.notFound("Report", id));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
