package org.takedown.bench.baseline;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The bare REST + Panache baseline of the intake figure: parse JSON, insert one row, answer 201. */
@Path("/rows")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RowResource {

    public record NewRow(String payload) {
    }

    public record Created(long id) {
    }

    @Inject
    RowStore store;

    @POST
    public Response create(NewRow request) {
        long id = store.insert(request == null || request.payload() == null ? "" : request.payload());
        return Response.created(URI.create("/rows/" + id)).entity(new Created(id)).build();
    }
}
