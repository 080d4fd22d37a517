package org.takedown.notification.repository;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An admin's wording of a template, which takes precedence over the bundled file of the same name. */
@Entity
@Table(name = "template_override")
public class TemplateOverride extends PanacheEntityBase {

    @Id
    public String name;

    @Column(nullable = false, columnDefinition = "text")
    public String content;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public long version;
}
