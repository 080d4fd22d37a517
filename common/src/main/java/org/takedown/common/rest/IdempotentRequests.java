package org.takedown.common.rest;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Makes a creating POST safe to retry. With an {@code Idempotency-Key}, the first request runs and its response is
 * stored in the same transaction as its effect; a retry with the same key and body gets that response again, and the
 * same key with a different body gets 422. Without a key the action simply runs.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    @Inject
    ObjectMapper mapper;

    @Transactional
    public Response execute(String key, String caller, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String hash = hash(request);
        IdempotencyRecord stored = IdempotencyRecord.findById(new IdempotencyRecord.Key(caller, key));
        if (stored != null) {
            if (!stored.requestHash.equals(hash)) {
                throw ProblemException.invalid(HEADER, "was already used with a different request body");
            }
            Response.ResponseBuilder replay = Response.status(stored.status).header(REPLAYED_HEADER, "true");
            if (stored.responseBody != null) {
                replay.entity(stored.responseBody).type(MediaType.APPLICATION_JSON);
            }
            if (stored.location != null) {
                replay.location(URI.create(stored.location));
            }
            return replay.build();
        }
        Response response = action.get();
        IdempotencyRecord record = new IdempotencyRecord();
        record.caller = caller;
        record.key = key;
        record.requestHash = hash;
        record.status = response.getStatus();
        record.responseBody = response.hasEntity() ? json(response.getEntity()) : null;
        record.location = response.getLocation() == null ? null : response.getLocation().toString();
        record.createdAt = Instant.now();
        record.persistAndFlush();
        return response;
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(mapper.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not hash the request", e);
        }
    }

    private String json(Object entity) {
        try {
            return mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not store the response", e);
        }
    }
}
