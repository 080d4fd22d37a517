package org.takedown.notification.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.security.Caller;
import org.takedown.common.security.Roles;
import org.takedown.notification.service.TemplateService;

/**
 * The wording of letters and webhooks, for admins. Names look like {@code letters/decision.issued.aws.txt}; a
 * stored override wins over the bundled file of the same name, and a provider's name over the generic one.
 */
@Path("/templates")
@Tag(name = "Templates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class TemplateResource {

    private static final String EXAMPLE = """
            {"content": "Apple has removed {ctx.partyName}'s app: {ctx.event.statement.facts}"}""";

    public record TemplateContent(@NotBlank @Size(max = 100_000) String content) {
    }

    @Inject
    TemplateService templates;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Every template in use, bundled or overridden")
    public List<TemplateService.TemplateView> list() {
        return templates.list();
    }

    @GET
    @Path("/{name: .+}")
    @Operation(summary = "One template as it is used now")
    public TemplateService.TemplateView get(@PathParam("name") String name) {
        return templates.find(name).orElseThrow(() -> ProblemException.notFound("Template", name));
    }

    @PUT
    @Path("/{name: .+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Override a template (checked to parse); it applies to notifications made from now on")
    public TemplateService.TemplateView put(@PathParam("name") String name,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "apple-webhook", value = EXAMPLE)))
            @Valid @NotNull TemplateContent body) {
        return templates.put(name, body.content(), caller.name());
    }

    @DELETE
    @Path("/{name: .+}")
    @Operation(summary = "Remove an override, so the bundled wording applies again")
    public Response delete(@PathParam("name") String name) {
        if (!templates.delete(name, caller.name())) {
            throw ProblemException.notFound("Template override", name);
        }
        return Response.noContent().build();
    }
}
