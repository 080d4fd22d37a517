package org.takedown.common.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

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
import org.takedown.common.rest.PageResponse;
import org.takedown.common.security.Roles;

/** The audit log, for admins: who did what, when and why, filterable by record, actor and time. */
@Path("/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    @GET
    @Operation(summary = "Read the audit log, newest first")
    public PageResponse<AuditEntry> list(@QueryParam("entityType") String entityType,
            @QueryParam("entityId") String entityId, @QueryParam("actor") String actor,
            @QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        addIf(clauses, params, "entityType", entityType);
        addIf(clauses, params, "entityId", entityId);
        addIf(clauses, params, "actor", actor);
        if (from != null) {
            clauses.add("at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            clauses.add("at < :to");
            params.put("to", to);
        }
        var query = clauses.isEmpty() ? AuditEntry.<AuditEntry>findAll(Sort.descending("id"))
                : AuditEntry.<AuditEntry>find(String.join(" and ", clauses), Sort.descending("id"), params);
        return new PageResponse<>(query.page(Page.of(page, size)).list(), page, size, query.count());
    }

    private static void addIf(List<String> clauses, Map<String, Object> params, String field, String value) {
        if (value != null && !value.isBlank()) {
            clauses.add(field + " = :" + field);
            params.put(field, value);
        }
    }
}
