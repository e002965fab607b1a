package dev.mcpgateway.auth.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.auth.store.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Client ID Metadata Documents: a client whose {@code client_id} is an HTTPS URL is described by the JSON document
 * at that URL. The fetch is the server reaching out on a stranger's behalf, so it is guarded against SSRF: HTTPS
 * only, every resolved address must be public (no loopback, private, link-local, multicast or wildcard ranges), no
 * redirects, a short timeout and a 64 KiB cap. The loopback allowance exists for tests only.
 */
public final class ClientMetadataDocuments {

    private static final int MAX_BYTES = 64 * 1024;

    private static final Duration CACHE_FOR = Duration.ofMinutes(5);
    private static final int CACHE_SIZE = 1000;

    private final HttpClient http;
    private final boolean allowLoopback;
    // a login hits /authorize and /token within seconds: fetch the document once, not per request
    private final java.util.Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(RegisteredClient client, java.time.Instant until) {
    }

    public ClientMetadataDocuments(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** True when {@code clientId} is meant as a metadata document URL rather than a registered id. */
    public static boolean isDocumentUrl(String clientId) {
        return clientId != null && (clientId.startsWith("https://") || clientId.startsWith("http://"));
    }

    /** The client the document describes, or empty when it cannot be fetched safely or does not describe itself. */
    public Optional<RegisteredClient> resolve(String clientId) {
        Cached cached = cache.get(clientId);
        if (cached != null && cached.until().isAfter(java.time.Instant.now())) {
            return Optional.of(cached.client());
        }
        Optional<RegisteredClient> fetched = fetch(clientId);
        if (fetched.isPresent()) {
            if (cache.size() >= CACHE_SIZE) {
                cache.clear();
            }
            cache.put(clientId, new Cached(fetched.get(), java.time.Instant.now().plus(CACHE_FOR)));
        }
        return fetched;
    }

    private Optional<RegisteredClient> fetch(String clientId) {
        URI uri;
        try {
            uri = URI.create(clientId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!allowedTarget(uri)) {
            return Optional.empty();
        }
        try {
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return Optional.empty();
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    return Optional.empty();
                }
                return parse(clientId, Json.mapper().readTree(bytes));
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Optional<RegisteredClient> parse(String clientId, JsonNode doc) {
        // the document must name itself: a document served at one URL cannot speak for another client id
        if (doc == null || !clientId.equals(doc.path("client_id").asText(null))) {
            return Optional.empty();
        }
        List<String> redirects = new ArrayList<>();
        doc.path("redirect_uris").forEach(n -> {
            if (n.isTextual() && RedirectUris.whyNotRegistrable(n.asText()) == null) {
                redirects.add(n.asText());
            }
        });
        if (redirects.isEmpty()) {
            return Optional.empty();
        }
        String name = doc.path("client_name").asText(null);
        return Optional.of(new RegisteredClient(clientId, null, name, redirects,
                List.of("authorization_code", "refresh_token"), "none", doc.path("application_type").asText(null), 0));
    }

    boolean allowedTarget(URI uri) {
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (host == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return false;
        }
        List<InetAddress> addresses;
        try {
            addresses = List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return false;
        }
        boolean loopbackOnly = addresses.stream().allMatch(InetAddress::isLoopbackAddress);
        if (allowLoopback && loopbackOnly) {
            return "https".equals(scheme) || "http".equals(scheme);
        }
        return "https".equals(scheme) && addresses.stream().allMatch(ClientMetadataDocuments::isPublic);
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // carrier-grade NAT 100.64/10 and the 0/8 "this network" block are not reachable public hosts either
            return !(first == 0 || (first == 100 && second >= 64 && second < 128));
        }
        // IPv6 unique local fc00::/7
        return (b[0] & 0xfe) != 0xfc;
    }
}
