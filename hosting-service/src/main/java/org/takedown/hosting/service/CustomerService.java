package org.takedown.hosting.service;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.common.audit.AuditTrail;
import org.takedown.common.rest.PageResponse;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.time.TakedownClock;
import org.takedown.hosting.repository.Contact;
import org.takedown.hosting.repository.Customer;
import org.takedown.hosting.repository.CustomerStatus;
import org.takedown.hosting.repository.HostedResource;
import org.takedown.hosting.rest.Requests.NewCustomer;

/** Customer accounts and their resources, managed by admins. */
@ApplicationScoped
public class CustomerService {

    @Inject
    AuditTrail audit;

    @Inject
    TakedownClock clock;

    @Transactional
    public Customer create(NewCustomer request, String actor) {
        Customer customer = new Customer();
        customer.legalName = request.legalName().trim();
        customer.createdAt = clock.now();
        for (String domain : request.domains()) {
            String normalised = domain.toLowerCase(Locale.ROOT);
            Customer.findByDomain(normalised).ifPresent(owner -> {
                throw ProblemException.conflict("domains: " + normalised + " already belongs to customer " + owner.id);
            });
            customer.domains.add(normalised);
        }
        Optional.ofNullable(request.contacts()).orElse(List.of()).forEach(c -> {
            Contact contact = new Contact();
            contact.role = c.role();
            contact.name = c.name();
            contact.email = c.email();
            customer.contacts.add(contact);
        });
        customer.persist();
        Optional.ofNullable(request.resources()).orElse(List.of())
                .forEach(r -> addResource(customer, r.hostname(), actor));
        audit.record(actor, "customer.created", "customer", customer.id,
                "legalName=" + customer.legalName + "; domains=" + customer.domains);
        return customer;
    }

    @Transactional
    public HostedResource addResource(Long customerId, String hostname, String actor) {
        return addResource(get(customerId), hostname, actor);
    }

    private HostedResource addResource(Customer customer, String hostname, String actor) {
        String normalised = hostname.toLowerCase(Locale.ROOT);
        if (HostedResource.findByHostname(normalised).isPresent()) {
            throw ProblemException.conflict("resources.hostname: " + normalised + " is already hosted");
        }
        HostedResource resource = new HostedResource();
        resource.customerId = customer.id;
        resource.hostname = normalised;
        resource.persist();
        audit.record(actor, "resource.added", "customer", customer.id, "hostname=" + normalised);
        return resource;
    }

    public Customer get(Long id) {
        return Customer.<Customer>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Customer", id));
    }

    public PageResponse<Customer> list(CustomerStatus status, int page, int size) {
        var query = status == null ? Customer.<Customer>findAll(Sort.by("id"))
                : Customer.<Customer>find("status", Sort.by("id"), status);
        return new PageResponse<>(query.page(Page.of(page, size)).list(), page, size, query.count());
    }
}
