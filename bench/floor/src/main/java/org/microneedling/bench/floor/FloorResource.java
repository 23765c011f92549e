package org.microneedling.bench.floor;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The cheapest answer the stack can give to a screening request: the body is parsed into the same
 * Jackson tree the service binds from, then a constant goes back. The service is measured against it.
 */
@Path("/bench/floor")
public class FloorResource {

    private static final String CONSTANT = "{\"outcome\":\"ELIGIBLE\",\"reasons\":[]}";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String floor(JsonNode questionnaire) {
        return questionnaire.isObject() ? CONSTANT : "{}";
    }
}
