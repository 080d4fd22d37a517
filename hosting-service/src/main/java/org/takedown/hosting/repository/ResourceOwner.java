package org.takedown.hosting.repository;

import java.util.Optional;

import org.takedown.common.event.Category;

/** A hosted resource's owner with its live case in one policy area: what report intake reads, in one query. */
public record ResourceOwner(CustomerRef customer, Optional<AbuseCase> liveCase) {

    public static Optional<ResourceOwner> of(String hostname, Category area) {
        return Customer.getEntityManager().createQuery("select c.id, c.status, ac from HostedResource h"
                + " join Customer c on c.id = h.customerId left join AbuseCase ac on ac.customerId = c.id"
                + " and ac.policyArea = ?2 and ac.state <> ?3 where h.hostname = ?1", Object[].class)
                .setParameter(1, hostname.toLowerCase()).setParameter(2, area).setParameter(3, CaseState.CLOSED)
                .getResultStream().findFirst().map(row -> new ResourceOwner(new CustomerRef((Long) row[0],
                        (CustomerStatus) row[1]), Optional.ofNullable((AbuseCase) row[2])));
    }
}
