package org.takedown.notification.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.common.rest.IdempotentRequests;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.security.Caller;
import org.takedown.common.security.Roles;
import org.takedown.notification.repository.PartyContact;
import org.takedown.notification.service.ContactService;

/** Contacts registered here for a party (by legal name), told about its events besides those the events carry. */
@Path("/contacts")
@Tag(name = "Contacts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ContactResource {

    private static final String EXAMPLE = """
            {"party": "Parler LLC", "role": "general-counsel", "name": "Jane Roe", "email": "legal@parler.com"}""";

    public record ContactRequest(@NotBlank @Size(max = 512) String party, @NotBlank @Size(max = 128) String role,
            @Size(max = 255) String name, @NotBlank @Email @Size(max = 512) String email) {
    }

    public record ContactView(Long id, String party, String role, String name, String email, Instant createdAt) {

        static ContactView of(PartyContact c) {
            return new ContactView(c.id, c.partyName, c.role, c.name, c.email, c.createdAt);
        }
    }

    @Inject
    ContactService contacts;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a contact for a party")
    public Response register(@HeaderParam(IdempotentRequests.HEADER) String key,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "counsel", value = EXAMPLE)))
            @Valid @NotNull ContactRequest request) {
        return idempotency.execute(key, caller.name(), request, () -> {
            PartyContact c = contacts.register(request.party(), request.role(), request.name(), request.email(),
                    caller.name());
            return Response.created(URI.create("/contacts/" + c.id)).entity(ContactView.of(c)).build();
        });
    }

    @GET
    @Operation(summary = "Registered contacts, of one party or all")
    public List<ContactView> list(@QueryParam("party") String party) {
        return contacts.ofParty(party).stream().map(ContactView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a registered contact")
    public Response delete(@PathParam("id") long id) {
        if (!contacts.delete(id, caller.name())) {
            throw ProblemException.notFound("Contact", id);
        }
        return Response.noContent().build();
    }
}
