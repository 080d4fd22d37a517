package org.takedown.suite;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a service jar in {@link InstanceProcessTest}: it fails to start as many times as its countdown file
 * says, the way Quarkus exits when its port is taken, then answers the readiness check like a started instance.
 */
public final class FlakyInstance {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        Path countdown = Path.of(System.getenv("FLAKY_FAILED_STARTS"));
        int failuresLeft = Integer.parseInt(Files.readString(countdown).trim());
        if (failuresLeft > 0) {
            Files.writeString(countdown, String.valueOf(failuresLeft - 1));
            System.out.println("Port " + port + " seems to be in use by another process (" + failuresLeft + " left)");
            System.exit(1);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }
}
