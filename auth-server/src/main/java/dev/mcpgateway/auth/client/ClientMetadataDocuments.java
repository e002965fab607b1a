package dev.mcpgateway.auth.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.auth.client.ssrf.AddressPolicy;
import dev.mcpgateway.auth.client.ssrf.GuardedGet;
import dev.mcpgateway.auth.client.ssrf.HostResolver;
import dev.mcpgateway.auth.client.ssrf.Network;
import dev.mcpgateway.auth.client.ssrf.PinnedFetch;
import dev.mcpgateway.auth.store.Json;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Client ID Metadata Documents: a client whose {@code client_id} is an HTTPS URL is described by the JSON document
 * at that URL. The fetch is the server reaching out on a stranger's behalf, so it is guarded against SSRF: HTTPS
 * only; the host is resolved once and every address must be public (no loopback, private, link-local, multicast,
 * wildcard or unique-local ranges, v4 or v6) unless an operator allow-listed its network; the connection then goes
 * to exactly the checked address (a DNS answer that changes between check and connect cannot redirect it), with
 * the original host name in {@code Host}, SNI and the certificate check; no redirects, 5 s and a 64 KiB cap.
 * The loopback allowance (loopback addresses, and plain HTTP) exists for tests only.
 */
public final class ClientMetadataDocuments {

    private static final int MAX_BYTES = 64 * 1024;

    private static final Duration CACHE_FOR = Duration.ofMinutes(5);
    private static final int CACHE_SIZE = 1000;

    private final GuardedGet fetch;
    // a login hits /authorize and /token within seconds: fetch the document once, not per request
    private final java.util.Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(RegisteredClient client, java.time.Instant until) {
    }

    public ClientMetadataDocuments(boolean allowLoopback) {
        this(AddressPolicy.publicOnly(), allowLoopback);
    }

    /** The production setup: the system resolver, the JVM's trust store, 5 s. */
    public ClientMetadataDocuments(AddressPolicy policy, boolean allowLoopback) {
        this(HostResolver.SYSTEM, policy, allowLoopback, PinnedFetch.jvmTls(), Duration.ofSeconds(5));
    }

    public ClientMetadataDocuments(HostResolver resolver, AddressPolicy policy, boolean allowLoopback,
                                   SSLContext tls, Duration timeout) {
        this.fetch = new GuardedGet(resolver, allowLoopback ? withLoopback(policy) : policy,
                allowLoopback ? Set.of("https", "http") : Set.of("https"),
                new PinnedFetch(tls, timeout, timeout, MAX_BYTES), 0);
    }

    private static AddressPolicy withLoopback(AddressPolicy policy) {
        return policy.alsoAllowing(List.of(Network.parse("127.0.0.0/8"), Network.parse("::1")));
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
        if (uri.getRawFragment() != null) {
            return Optional.empty();
        }
        try {
            PinnedFetch.Answer answer = fetch.get(uri, "application/json").answer();
            if (answer.status() != 200 || answer.tooLarge()) {
                return Optional.empty();
            }
            return parse(clientId, Json.mapper().readTree(answer.body()));
        } catch (IOException e) {
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
}
