package org.takedown.notification.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.security.Caller;
import org.takedown.common.security.Roles;
import org.takedown.notification.repository.Channel;
import org.takedown.notification.service.PreferenceService;

/**
 * Channels per event type for one recipient (an email address or a provider id). An admin may set anyone's; a
 * customer, developer or provider only its own (another recipient's answers 404).
 */
@Path("/preferences/{recipient}")
@Tag(name = "Preferences")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.CUSTOMER, Roles.DEVELOPER, Roles.PROVIDER })
public class PreferenceResource {

    private static final String EXAMPLE = """
            {"review.opened": {"channels": ["INBOX"]}, "notice.issued": {"channels": ["EMAIL", "INBOX"]}}""";

    public record ChannelChoice(@NotNull List<@NotNull Channel> channels) {
    }

    @Inject
    PreferenceService preferences;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "A recipient's channel choices (event types not listed get EMAIL and INBOX)")
    public Map<String, ChannelChoice> get(@PathParam("recipient") String recipient) {
        return view(preferences.of(mayManage(recipient)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose channels per event type; legally required notices are sent whatever is chosen")
    public Map<String, ChannelChoice> put(@PathParam("recipient") String recipient,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "quieter", value = EXAMPLE)))
            @NotNull Map<String, @Valid @NotNull ChannelChoice> choices) {
        String owner = mayManage(recipient);
        Map<String, List<Channel>> asLists = new java.util.LinkedHashMap<>();
        choices.forEach((eventType, choice) -> asLists.put(eventType, choice.channels()));
        return view(preferences.update(owner, asLists, caller.name()));
    }

    private String mayManage(String recipient) {
        String owner = InboxResource.normaliseOwner(recipient);
        boolean self = caller.tenant().map(InboxResource::normaliseOwner).map(owner::equals).orElse(false);
        if (!caller.hasRole(Roles.ADMIN) && !self) {
            throw ProblemException.notFound("Preferences of", recipient);
        }
        return owner;
    }

    private static Map<String, ChannelChoice> view(Map<String, List<Channel>> channels) {
        Map<String, ChannelChoice> result = new java.util.LinkedHashMap<>();
        channels.forEach((eventType, list) -> result.put(eventType, new ChannelChoice(list)));
        return result;
    }
}
