package org.takedown.hosting.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Someone at the customer to send notices to, such as its chief policy officer. */
@Embeddable
public class Contact {

    @Column(nullable = false)
    public String role;

    public String name;

    @Column(nullable = false)
    public String email;
}
