package org.takedown.suite;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.takedown.testkit.Tokens;

/** Calls the instances' REST APIs as a given person, the way a provider's staff or systems would. */
public final class SuiteClient {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SuiteEndpoints suite;

    public SuiteClient(SuiteEndpoints suite) {
        this.suite = suite;
    }

    /** A person at an instance: a bearer token and the instance they call. */
    public As as(String instance, String token) {
        return new As(instance, token);
    }

    public As admin(String instance) {
        return as(instance, Tokens.staff(instance + "-admin", "admin"));
    }

    public As reviewer(String instance, String name) {
        return as(instance, Tokens.staff(name, "reviewer"));
    }

    /** The calls one person makes at one instance. */
    public final class As {

        private final String instance;
        private final String token;

        private As(String instance, String token) {
            this.instance = instance;
            this.token = token;
        }

        public JsonNode get(String path, Map<String, ?> query) {
            String q = query.isEmpty() ? "" : "?" + query.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(request(path + q).GET().build());
        }

        public JsonNode get(String path) {
            return get(path, Map.of());
        }

        public JsonNode post(String path, Object body) {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(suite.url(instance) + path))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
            return token == null ? builder : builder.header("Authorization", "Bearer " + token);
        }

        private JsonNode send(HttpRequest request) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
                if (response.statusCode() >= 400) {
                    throw new ApiError(instance, request.method() + " " + request.uri().getPath(), response.statusCode(),
                            body);
                }
                return body;
            } catch (IOException e) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }

    static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An error answer from an instance, with its problem document. */
    public static final class ApiError extends RuntimeException {

        private final int status;
        private final JsonNode problem;

        ApiError(String instance, String call, int status, JsonNode problem) {
            super(instance + ": " + call + " answered " + status + ": " + problem.path("detail").asText(problem.toString()));
            this.status = status;
            this.problem = problem;
        }

        public int status() {
            return status;
        }

        public JsonNode problem() {
            return problem;
        }
    }
}
