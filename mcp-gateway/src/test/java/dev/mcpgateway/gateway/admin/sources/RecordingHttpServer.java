package dev.mcpgateway.gateway.admin.sources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A plain listening socket that records every connection it accepts, and answers each HTTP request with what the
 * test's route gives for its path. A server that must never be reached is one whose {@link #connections()} stays 0.
 */
final class RecordingHttpServer implements AutoCloseable {

    /** What a route does with the accepted connection's output: write a whole HTTP answer. */
    @FunctionalInterface
    interface Route {
        void answer(OutputStream out) throws IOException;
    }

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Function<String, Route> routes;
    private final Thread acceptor;

    RecordingHttpServer(String address, Function<String, Route> routes) throws IOException {
        this.socket = new ServerSocket();
        this.socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
        this.routes = routes;
        this.acceptor = Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    /** Request line and Host header of every request, e.g. {@code GET /spec.json | specs.example.test:4711}. */
    List<String> requests() {
        return requests;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            String host = "";
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.regionMatches(true, 0, "Host:", 0, 5)) {
                    host = line.substring(5).strip();
                }
            }
            requests.add(requestLine + " | " + host);
            String path = requestLine == null ? "/" : requestLine.split(" ")[1];
            routes.apply(path).answer(client.getOutputStream());
        } catch (IOException e) {
            // the client went away: what the route recorded says how far it got
        }
    }

    static Route ok(String contentType, String body) {
        return out -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
        };
    }

    static Route redirect(String location) {
        return out -> out.write(("HTTP/1.1 302 Found\r\nLocation: " + location
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    static Route status(int status) {
        return out -> out.write(("HTTP/1.1 " + status + " Nope\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * A body of {@code total} bytes with no length announced (read until close). {@code written} completes with the
     * bytes the route got out before the client hung up, or with {@code total} when it sent everything.
     */
    static Route endless(long total, CompletableFuture<Long> written) {
        return out -> {
            long sent = 0;
            try {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{\"openapi\":"
                        + "\"3.0.3\",\"x-pad\":\"").getBytes(StandardCharsets.ISO_8859_1));
                byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.ISO_8859_1);
                while (sent < total) {
                    out.write(chunk);
                    sent += chunk.length;
                }
                out.flush();
            } finally {
                written.complete(sent);
            }
        };
    }

    static Function<String, Route> routes(Map<String, Route> byPath) {
        return path -> byPath.getOrDefault(path, status(404));
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            acceptor.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
