package org.takedown.hosting.rest;

import java.net.URI;
import java.util.List;

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
import org.takedown.hosting.repository.Appeal;
import org.takedown.hosting.repository.CustomerStatus;
import org.takedown.hosting.repository.Decision;
import org.takedown.hosting.rest.Requests.NewCustomer;
import org.takedown.hosting.rest.Requests.NewDecision;
import org.takedown.hosting.rest.Requests.NewResource;
import org.takedown.hosting.rest.Views.AppealView;
import org.takedown.hosting.rest.Views.CustomerView;
import org.takedown.hosting.rest.Views.DecisionView;
import org.takedown.hosting.rest.Views.NoticeView;
import org.takedown.hosting.rest.Views.ResourceView;
import org.takedown.hosting.service.CustomerService;
import org.takedown.hosting.service.DecisionService;
import org.takedown.hosting.service.NoticeService;
import org.takedown.hosting.service.PolicyCatalog;

/** Customer accounts, their resources, and the decisions taken against them. */
@Path("/customers")
@Tag(name = "Customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

    @Inject
    CustomerService customers;

    @Inject
    DecisionService decisions;

    @Inject
    NoticeService notices;

    @Inject
    PolicyCatalog policies;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    @Inject
    Access access;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a customer account with its domains, contacts and resources")
    public Response create(@HeaderParam(IdempotentRequests.HEADER) String key, @Valid @NotNull NewCustomer request) {
        return idempotency.execute(key, caller.name(), request, () -> {
            CustomerView view = CustomerView.of(customers.create(request, caller.name()));
            return Response.created(URI.create("/customers/" + view.id())).entity(view).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.REVIEWER })
    @Operation(summary = "List customers, optionally by status")
    public PageResponse<CustomerView> list(@QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var found = customers.list(QueryParams.enumValue(CustomerStatus.class, "status", status), page, size);
        return new PageResponse<>(found.items().stream().map(CustomerView::of).toList(), page, size, found.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.REVIEWER, Roles.CUSTOMER })
    @Operation(summary = "A customer with its status, strikes and resources (a customer sees only itself)")
    public CustomerView get(@PathParam("id") Long id) {
        access.requireReadable(id, "Customer", id);
        return CustomerView.of(customers.get(id));
    }

    @POST
    @Path("/{id}/resources")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a hosted resource to a customer")
    public Response addResource(@HeaderParam(IdempotentRequests.HEADER) String key, @PathParam("id") Long id,
            @Valid @NotNull NewResource request) {
        return idempotency.execute(key, caller.name(), request, () -> {
            ResourceView view = ResourceView.of(customers.addResource(id, request.hostname(), caller.name()));
            return Response.created(URI.create("/customers/" + id)).entity(view).build();
        });
    }

    @GET
    @Path("/{id}/notices")
    @RolesAllowed({ Roles.ADMIN, Roles.REVIEWER, Roles.CUSTOMER })
    @Operation(summary = "The notices sent to a customer")
    public List<NoticeView> notices(@PathParam("id") Long id) {
        access.requireReadable(id, "Customer", id);
        customers.get(id);
        return notices.ofCustomer(id).stream().map(n -> NoticeView.of(n, policies)).toList();
    }

    @GET
    @Path("/{id}/decisions")
    @RolesAllowed({ Roles.ADMIN, Roles.REVIEWER, Roles.CUSTOMER })
    @Operation(summary = "The decisions taken against a customer")
    public List<DecisionView> decisions(@PathParam("id") Long id) {
        access.requireReadable(id, "Customer", id);
        customers.get(id);
        return decisions.ofCustomer(id).stream().map(d -> DecisionView.of(d, policies, null, null)).toList();
    }

    @GET
    @Path("/{id}/appeals")
    @RolesAllowed({ Roles.ADMIN, Roles.REVIEWER, Roles.CUSTOMER })
    @Operation(summary = "The appeals a customer filed")
    public List<AppealView> appeals(@PathParam("id") Long id) {
        access.requireReadable(id, "Customer", id);
        customers.get(id);
        return Appeal.<Appeal>list("customerId", io.quarkus.panache.common.Sort.by("id"), id).stream()
                .map(a -> AppealView.of(a, Decision.<Decision>findById(a.decisionRowId).decisionId)).toList();
    }

    @POST
    @Path("/{id}/decisions")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Decide an action with its statement of reasons; emits decision.issued")
    public Response decide(@HeaderParam(IdempotentRequests.HEADER) String key, @PathParam("id") Long id,
            @Valid @NotNull NewDecision request) {
        return idempotency.execute(key, caller.name(), request, () -> {
            DecisionView view = DecisionView.of(decisions.decide(id, request, caller.name()), policies, null, null);
            return Response.created(URI.create("/decisions/" + view.decisionId())).entity(view).build();
        });
    }
}
