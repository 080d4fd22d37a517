package org.takedown.notification;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * A small HTTP server standing in for webhook subscribers. Every request is recorded; each path answers 200 unless a
 * test told it to answer something else.
 */
public class WebhookReceiver implements QuarkusTestResourceLifecycleManager {

    /** One request as the subscriber received it. */
    public record Received(String path, Map<String, String> headers, String body) {
    }

    private static Vertx vertx;
    private static HttpServer server;
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, Integer> STATUS = new ConcurrentHashMap<>();

    public static String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    public static void answer(String path, int status) {
        STATUS.put(path, status);
    }

    public static List<Received> received(String path) {
        return RECEIVED.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            Map<String, String> headers = new ConcurrentHashMap<>();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            RECEIVED.add(new Received(request.path(), headers, body.toString()));
            request.response().setStatusCode(STATUS.getOrDefault(request.path(), 200)).end("ok");
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        return Map.of();
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
            vertx = null;
        }
    }
}
