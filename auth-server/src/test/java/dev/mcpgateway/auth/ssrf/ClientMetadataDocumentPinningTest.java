package dev.mcpgateway.auth.ssrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import dev.mcpgateway.auth.client.ClientMetadataDocuments;
import dev.mcpgateway.auth.client.RegisteredClient;
import dev.mcpgateway.auth.client.ssrf.AddressPolicy;
import dev.mcpgateway.auth.client.ssrf.HostResolver;
import dev.mcpgateway.auth.client.ssrf.Network;
import dev.mcpgateway.auth.harness.AuthServerHarness;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Client ID Metadata Document fetch connects to exactly the address its SSRF check passed. Real HTTPS servers on
 * loopback present keytool-made certificates for {@code cimd.test}: the "allowed" one on 127.0.0.2 (an operator
 * allow-listed 127.0.0.2/32) and an "internal" one on 127.0.0.1 that must never be reached. A resolver seam plays
 * the rebinding DNS server: its first answer passes the check, every later one points at the internal server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientMetadataDocumentPinningTest {

    private static final String HOST = "cimd.test";

    private KeyStore cimdCert;
    private KeyStore otherCert;
    private HttpsServer allowed;
    private HttpsServer internal;
    private HttpsServer wrongName;
    private final List<String> allowedHosts = new CopyOnWriteArrayList<>();
    private final List<String> allowedSni = new CopyOnWriteArrayList<>();
    private final AtomicInteger internalRequests = new AtomicInteger();
    private final AtomicInteger wrongNameRequests = new AtomicInteger();
    private volatile boolean chunked;
    private volatile int padding;

    @BeforeAll
    void start() throws Exception {
        cimdCert = TlsFixture.certificateFor(HOST);
        otherCert = TlsFixture.certificateFor("other.test");
        allowed = TlsFixture.serve("127.0.0.2", cimdCert, exchange -> {
            allowedHosts.add(exchange.getRequestHeaders().getFirst("Host"));
            if (((HttpsExchange) exchange).getSSLSession() instanceof ExtendedSSLSession session) {
                session.getRequestedServerNames().stream().map(SNIServerName::getEncoded)
                        .forEach(name -> allowedSni.add(new String(name, StandardCharsets.US_ASCII)));
            }
            if (exchange.getRequestURI().getPath().equals("/moved.json")) {
                exchange.getResponseHeaders().add("Location", "https://" + HOST + ":" + port(internal) + "/client.json");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            document(exchange, urlOn(allowed, "/client.json"));
        });
        internal = TlsFixture.serve("127.0.0.1", cimdCert, exchange -> {
            internalRequests.incrementAndGet();
            document(exchange, urlOn(internal, "/client.json"));
        });
        wrongName = TlsFixture.serve("127.0.0.2", otherCert, exchange -> {
            wrongNameRequests.incrementAndGet();
            document(exchange, urlOn(wrongName, "/client.json"));
        });
    }

    @AfterAll
    void stop() {
        TlsFixture.close(allowed, internal, wrongName);
    }

    @BeforeEach
    void reset() {
        allowedHosts.clear();
        allowedSni.clear();
        internalRequests.set(0);
        wrongNameRequests.set(0);
        chunked = false;
        padding = 0;
    }

    /** Answers the first lookup with {@code first}, every later one with 127.0.0.1, and counts lookups. */
    private static final class RebindingResolver implements HostResolver {
        final List<String> asked = Collections.synchronizedList(new ArrayList<>());
        private final InetAddress first;

        RebindingResolver(String first) throws IOException {
            this.first = InetAddress.getByName(first);
        }

        @Override
        public List<InetAddress> resolve(String host) throws java.net.UnknownHostException {
            asked.add(host);
            return List.of(asked.size() == 1 ? first : InetAddress.getByName("127.0.0.1"));
        }
    }

    private ClientMetadataDocuments documents(HostResolver resolver, String... allowedNetworks) throws Exception {
        List<Network> networks = new ArrayList<>();
        for (String n : allowedNetworks) {
            networks.add(Network.parse(n));
        }
        SSLContext tls = TlsFixture.trusting(cimdCert, otherCert);
        return new ClientMetadataDocuments(resolver, new AddressPolicy(networks), false, tls, Duration.ofSeconds(2));
    }

    @Nested
    class WhenDnsRebindsBetweenCheckAndConnect {

        @Test
        void theDocumentComesFromTheCheckedAddressAndTheReboundOneIsNeverContacted() throws Exception {
            RebindingResolver resolver = new RebindingResolver("127.0.0.2");
            String clientId = urlOn(allowed, "/client.json");
            Optional<RegisteredClient> client = documents(resolver, "127.0.0.2/32").resolve(clientId);

            assertTrue(client.isPresent(), "the allow-listed host serves the document");
            assertEquals("Pinned Doc Client", client.get().clientName());
            assertEquals(List.of(HOST), resolver.asked, "the host is resolved exactly once");
            assertEquals(0, internalRequests.get(), "no request reached the rebound (internal) address");
        }

        @Test
        void aPublicLookingFirstAnswerFollowedByLoopbackNeverReachesLoopback() throws Exception {
            // 192.0.2.0/24 (TEST-NET-1) passes the public-address check and leads nowhere from this machine
            RebindingResolver resolver = new RebindingResolver("192.0.2.10");
            String clientId = "https://" + HOST + ":" + port(internal) + "/client.json";
            Optional<RegisteredClient> client = documents(resolver).resolve(clientId);

            assertFalse(client.isPresent());
            assertEquals(List.of(HOST), resolver.asked, "no second lookup for the connection");
            assertEquals(0, internalRequests.get(), "the loopback server saw no request");
        }

        @Test
        void aHostThatResolvesToLoopbackIsRefusedWithoutAnyConnection() throws Exception {
            RebindingResolver resolver = new RebindingResolver("127.0.0.1");
            assertFalse(documents(resolver).resolve("https://" + HOST + ":" + port(internal) + "/client.json")
                    .isPresent());
            assertEquals(0, internalRequests.get());
        }
    }

    @Nested
    class WhenTheHostIsAllowed {

        @Test
        void theRequestNamesTheOriginalHostInHostHeaderAndSni() throws Exception {
            HostResolver resolver = host -> List.of(InetAddress.getByName("127.0.0.2"));
            String clientId = urlOn(allowed, "/client.json");
            assertTrue(documents(resolver, "127.0.0.0/8").resolve(clientId).isPresent());
            assertEquals(List.of(HOST + ":" + port(allowed)), allowedHosts);
            assertEquals(List.of(HOST), allowedSni);
        }

        @Test
        void aChunkedDocumentIsRead() throws Exception {
            chunked = true;
            HostResolver resolver = host -> List.of(InetAddress.getByName("127.0.0.2"));
            assertTrue(documents(resolver, "127.0.0.2").resolve(urlOn(allowed, "/client.json")).isPresent());
        }

        @Test
        void aCertificateForAnotherNameIsRefusedBeforeAnyRequest() throws Exception {
            HostResolver resolver = host -> List.of(InetAddress.getByName("127.0.0.2"));
            assertFalse(documents(resolver, "127.0.0.2/32").resolve(urlOn(wrongName, "/client.json")).isPresent());
            assertEquals(0, wrongNameRequests.get(), "the TLS handshake failed: no HTTP request was sent");
        }

        @Test
        void aRedirectIsNotFollowed() throws Exception {
            HostResolver resolver = host -> List.of(InetAddress.getByName(host.equals(HOST) ? "127.0.0.2" : "127.0.0.1"));
            assertFalse(documents(resolver, "127.0.0.0/8").resolve(urlOn(allowed, "/moved.json")).isPresent());
            assertEquals(0, internalRequests.get());
        }

        @Test
        void aDocumentOverTheSizeCapIsRefused() throws Exception {
            padding = 70 * 1024;
            HostResolver resolver = host -> List.of(InetAddress.getByName("127.0.0.2"));
            assertFalse(documents(resolver, "127.0.0.2/32").resolve(urlOn(allowed, "/client.json")).isPresent());
            padding = 70 * 1024;
            chunked = true;
            assertFalse(documents(resolver, "127.0.0.2/32").resolve(urlOn(allowed, "/client.json")).isPresent());
        }
    }

    @Nested
    class AddressRules {

        @Test
        void internalRangesAreRefusedInEveryV4AndV6Spelling() throws Exception {
            for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                    "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fec0::1",
                    "fd00::1", "fc00::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1",
                    "::ffff:169.254.169.254")) {
                assertFalse(AddressPolicy.publicOnly().permits(InetAddress.getByName(address)), address);
            }
        }

        @Test
        void aRefusalNamesTheKindOfAddressSoItCanBeShown() throws Exception {
            Map<String, String> kinds = Map.of("169.254.169.254", "a cloud metadata address",
                    "fd00:ec2::254", "a cloud metadata address", "::ffff:169.254.169.254", "a cloud metadata address",
                    "127.0.0.1", "a loopback address", "::1", "a loopback address", "10.1.2.3", "a private address",
                    "fd12::1", "a private address", "169.254.1.1", "a link-local address",
                    "100.64.0.1", "a carrier-grade NAT address", "0.0.0.0", "the wildcard address");
            for (Map.Entry<String, String> kind : kinds.entrySet()) {
                assertEquals(Optional.of(kind.getValue()),
                        AddressPolicy.publicOnly().refusal(InetAddress.getByName(kind.getKey())), kind.getKey());
            }
            assertEquals(Optional.empty(), AddressPolicy.publicOnly().refusal(InetAddress.getByName("93.184.216.34")));
        }

        @Test
        void publicAddressesPassAndTheAllowListOpensOnlyItsNetwork() throws Exception {
            assertTrue(AddressPolicy.publicOnly().permits(InetAddress.getByName("93.184.216.34")));
            assertTrue(AddressPolicy.publicOnly().permits(InetAddress.getByName("2606:4700::1111")));
            AddressPolicy intranet = new AddressPolicy(List.of(Network.parse("10.20.0.0/16"), Network.parse("fd00:1::/48")));
            assertTrue(intranet.permits(InetAddress.getByName("10.20.3.4")));
            assertFalse(intranet.permits(InetAddress.getByName("10.21.0.1")));
            assertTrue(intranet.permits(InetAddress.getByName("fd00:1:0:5::1")));
            assertFalse(intranet.permits(InetAddress.getByName("fd00:2::1")));
        }

        @Test
        void anAllowListEntryThatIsNotAnAddressBlockStopsStartUpNamingTheKey() {
            for (String bad : List.of("intranet.local", "cafe", "10.0.0.0/33", "10.0.0/8", "fd00::/129")) {
                assertThrows(IllegalArgumentException.class, () -> Network.parse(bad), bad);
            }
            Exception refused = assertThrows(Exception.class, () -> AuthServerHarness.start(Map.of(
                    "gateway.auth.client-metadata-allowed-networks", List.of("10.0.0.0/8", "intranet.local"))).close());
            StringBuilder messages = new StringBuilder();
            for (Throwable t = refused; t != null; t = t.getCause()) {
                messages.append(t.getMessage());
            }
            assertTrue(messages.toString().contains("gateway.auth.client-metadata-allowed-networks[1]"), messages.toString());
        }
    }

    private void document(HttpExchange exchange, String clientId) throws IOException {
        String json = "{\"client_id\":\"" + clientId + "\",\"client_name\":\"Pinned Doc Client\","
                + "\"redirect_uris\":[\"http://127.0.0.1:47001/callback\"],\"pad\":\"" + "x".repeat(padding) + "\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, chunked ? 0 : body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            TlsFixture.ignore(e);
        }
    }

    private static String urlOn(HttpsServer server, String path) {
        return "https://" + HOST + ":" + port(server) + path;
    }

    private static int port(HttpsServer server) {
        return server.getAddress().getPort();
    }
}
