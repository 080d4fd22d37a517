package org.takedown.hosting.repository;

import java.util.Optional;

/** What report intake needs of a customer, read without loading the customer's domains and contacts. */
public record CustomerRef(Long id, CustomerStatus status) {

    public static Optional<CustomerRef> byId(Long id) {
        return Customer.getEntityManager().createQuery("select new org.takedown.hosting.repository.CustomerRef(c.id,"
                + " c.status) from Customer c where c.id = ?1", CustomerRef.class).setParameter(1, id)
                .getResultStream().findFirst();
    }

    public static CustomerRef of(Customer customer) {
        return new CustomerRef(customer.id, customer.status);
    }
}
