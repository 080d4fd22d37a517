package org.takedown.hosting.repository;

import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A workload a customer runs with us, such as parler.com or api.parler.com. */
@Entity
@Table(name = "hosted_resource")
public class HostedResource extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id", nullable = false)
    public Long customerId;

    @Column(nullable = false)
    public String hostname;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResourceStatus status = ResourceStatus.ACTIVE;

    public static Optional<HostedResource> findByHostname(String hostname) {
        return find("hostname", hostname.toLowerCase()).firstResultOptional();
    }

    public static java.util.List<HostedResource> ofCustomer(Long customerId) {
        return list("customerId", io.quarkus.panache.common.Sort.by("hostname"), customerId);
    }
}
