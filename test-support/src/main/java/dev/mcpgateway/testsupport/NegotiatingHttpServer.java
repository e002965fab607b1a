package dev.mcpgateway.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 that does content negotiation as RFC 9110 section 12.5.1 describes: each path has
 * representations in the server's order of preference; the request's {@code Accept} gives each a quality (the most
 * specific matching range wins, {@code q=0} refuses); the best one is sent, the server's order breaking ties;
 * {@code 406} when none is acceptable; the first one when there is no {@code Accept} at all. A path can instead
 * ignore {@code Accept} (a backend that answers one format whatever is asked). Unknown paths answer 404. Every
 * request is recorded.
 */
public final class NegotiatingHttpServer implements AutoCloseable {

    /** One form of a resource: its Content-Type and body. */
    public record Representation(String mediaType, byte[] body) {

        public static Representation of(String mediaType, String body) {
            return new Representation(mediaType, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Resource(List<Representation> representations, boolean negotiates) {
    }

    private final HttpServer server;
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final List<EchoHttpServer.Received> received = new CopyOnWriteArrayList<>();

    private NegotiatingHttpServer(HttpServer server) {
        this.server = server;
    }

    public static NegotiatingHttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            NegotiatingHttpServer negotiating = new NegotiatingHttpServer(server);
            server.createContext("/", negotiating::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return negotiating;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the negotiating server", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, without trailing slash. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves this raw path in these forms, best first, choosing by the request's Accept. */
    public NegotiatingHttpServer negotiate(String rawPath, Representation... representations) {
        resources.put(rawPath, new Resource(List.of(representations), true));
        return this;
    }

    /** Serves this raw path in one form whatever the request accepts. */
    public NegotiatingHttpServer always(String rawPath, Representation representation) {
        resources.put(rawPath, new Resource(List.of(representation), false));
        return this;
    }

    public List<EchoHttpServer.Received> received() {
        return List.copyOf(received);
    }

    /** The Accept header values of the most recent request (empty when it sent none). */
    public List<String> lastAccept() {
        if (received.isEmpty()) {
            throw new IllegalStateException("no request received");
        }
        return received.getLast().header("accept");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new java.util.TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.computeIfAbsent(
                    name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
            received.add(new EchoHttpServer.Received(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers, body));
            Resource resource = resources.get(exchange.getRequestURI().getRawPath());
            if (resource == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            Representation chosen = resource.negotiates() && accept != null
                    ? choose(resource.representations(), accept) : resource.representations().getFirst();
            if (chosen == null) {
                byte[] problem = ("{\"title\":\"Not Acceptable\",\"detail\":\"no representation matches " + accept
                        .replace("\"", "'") + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(406, problem.length);
                exchange.getResponseBody().write(problem);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", chosen.mediaType());
            exchange.sendResponseHeaders(200, chosen.body().length == 0 ? -1 : chosen.body().length);
            exchange.getResponseBody().write(chosen.body());
        }
    }

    /** The acceptable representation of highest quality, the earlier one on a tie; null when none is acceptable. */
    static Representation choose(List<Representation> representations, String accept) {
        List<String[]> ranges = new ArrayList<>();
        for (String part : accept.split(",")) {
            String[] pieces = part.split(";");
            String range = pieces[0].trim().toLowerCase(Locale.ROOT);
            String q = "1";
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].trim();
                if (parameter.toLowerCase(Locale.ROOT).startsWith("q=")) {
                    q = parameter.substring(2);
                }
            }
            if (!range.isEmpty()) {
                ranges.add(new String[] {range, q});
            }
        }
        Representation best = null;
        double bestQuality = 0;
        for (Representation representation : representations) {
            double quality = quality(representation.mediaType().toLowerCase(Locale.ROOT), ranges);
            if (quality > bestQuality) {
                best = representation;
                bestQuality = quality;
            }
        }
        return best;
    }

    /** The q of the most specific range matching the type: exact, then {@code type/*}, then {@code *}{@code /*}. */
    private static double quality(String mediaType, List<String[]> ranges) {
        String type = mediaType.substring(0, mediaType.indexOf('/'));
        int bestSpecificity = -1;
        double quality = 0;
        for (String[] range : ranges) {
            int specificity = range[0].equals(mediaType) ? 2 : range[0].equals(type + "/*") ? 1
                    : range[0].equals("*/*") ? 0 : -1;
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = Double.parseDouble(range[1]);
            }
        }
        return quality;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
