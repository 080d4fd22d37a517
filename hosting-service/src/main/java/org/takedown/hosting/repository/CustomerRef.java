package org.takedown.hosting.repository;

import java.util.Optional;

/** What report intake needs of a customer, read without loading the customer's domains and contacts. */
public record CustomerRef(Long id, CustomerStatus status) {

    public static Optional<CustomerRef> byId(Long id) {
        return Customer.getEntityManager().createQuery("select new org.takedown.hosting.repository.CustomerRef(c.id,"
                + " c.status) from Customer c where c.id = ?1", CustomerRef.class).setParameter(1, id)
                .getResultStream().findFirst();
    }

    /** The owner of a hosted resource, in one query. */
    public static Optional<CustomerRef> ownerOf(String hostname) {
        return Customer.getEntityManager().createQuery("select new org.takedown.hosting.repository.CustomerRef(c.id,"
                + " c.status) from HostedResource h, Customer c where c.id = h.customerId and h.hostname = ?1",
                CustomerRef.class).setParameter(1, hostname.toLowerCase()).getResultStream().findFirst();
    }

    public static CustomerRef of(Customer customer) {
        return new CustomerRef(customer.id, customer.status);
    }
}
