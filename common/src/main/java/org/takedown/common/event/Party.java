package org.takedown.common.event;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/**
 * The customer or developer an event concerns, described so that another provider can match it against its own
 * records: never one provider's internal database id.
 */
public record Party(
        @NotBlank String legalName,
        List<String> domains,
        List<String> bundleIds,
        List<@Valid Contact> contacts) {

    public Party {
        domains = domains == null ? List.of() : List.copyOf(domains);
        bundleIds = bundleIds == null ? List.of() : List.copyOf(bundleIds);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}
