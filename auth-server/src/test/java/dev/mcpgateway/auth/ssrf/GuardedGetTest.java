package dev.mcpgateway.auth.ssrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import dev.mcpgateway.auth.client.ssrf.AddressPolicy;
import dev.mcpgateway.auth.client.ssrf.FetchRefusedException;
import dev.mcpgateway.auth.client.ssrf.GuardedGet;
import dev.mcpgateway.auth.client.ssrf.HostResolver;
import dev.mcpgateway.auth.client.ssrf.Network;
import dev.mcpgateway.auth.client.ssrf.PinnedFetch;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Redirects are hops like any other: checked, pinned, bounded, and never a step down from TLS. An HTTPS server for
 * {@code hop.test} on 127.0.0.2 (allow-listed) redirects; a plain HTTP server counts the requests that reach it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardedGetTest {

    private static final String HOST = "hop.test";

    private KeyStore certificate;
    private HttpsServer tls;
    private HttpServer plain;
    private final AtomicInteger plainRequests = new AtomicInteger();

    @BeforeAll
    void start() throws Exception {
        certificate = TlsFixture.certificateFor(HOST);
        plain = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        plain.createContext("/", exchange -> {
            plainRequests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        plain.start();
        tls = TlsFixture.serve("127.0.0.2", certificate, exchange -> {
            String path = exchange.getRequestURI().getPath();
            String location = switch (path) {
                case "/down" -> "http://" + HOST + ":" + plain.getAddress().getPort() + "/doc";
                case "/loop" -> "/loop";
                case "/once" -> "/doc";
                default -> null;
            };
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
                exchange.sendResponseHeaders(302, -1);
            } else {
                byte[] body = "{\"ok\": true}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
    }

    @AfterAll
    void stop() {
        TlsFixture.close(tls);
        plain.stop(0);
    }

    private GuardedGet guarded(int maxRedirects) throws Exception {
        HostResolver resolver = host -> List.of(InetAddress.getByName("127.0.0.2"));
        PinnedFetch fetch = new PinnedFetch(TlsFixture.trusting(certificate), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 1024);
        return new GuardedGet(resolver, new AddressPolicy(List.of(Network.parse("127.0.0.2"))),
                Set.of("https", "http"), fetch, maxRedirects);
    }

    private URI on(String path) {
        return URI.create("https://" + HOST + ":" + tls.getAddress().getPort() + path);
    }

    @Test
    void anAllowedRedirectIsFollowedToTheDocument() throws Exception {
        GuardedGet.Fetched fetched = guarded(5).get(on("/once"), "application/json");
        assertEquals(200, fetched.answer().status());
        assertEquals(on("/doc"), fetched.uri());
    }

    @Test
    void aRedirectFromHttpsToHttpIsRefusedBeforeTheHttpHostIsContacted() throws Exception {
        int before = plainRequests.get();
        FetchRefusedException refused = assertThrows(FetchRefusedException.class,
                () -> guarded(5).get(on("/down"), "application/json"));
        assertTrue(refused.getMessage().contains("https to plain http"), refused.getMessage());
        assertEquals(before, plainRequests.get());
    }

    @Test
    void redirectsAreBounded() throws Exception {
        FetchRefusedException refused = assertThrows(FetchRefusedException.class,
                () -> guarded(3).get(on("/loop"), "application/json"));
        assertEquals("more than 3 redirects", refused.getMessage());
        assertEquals("redirects are not followed", assertThrows(FetchRefusedException.class,
                () -> guarded(0).get(on("/once"), "application/json")).getMessage());
    }
}
