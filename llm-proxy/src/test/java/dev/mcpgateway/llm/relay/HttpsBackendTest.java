package dev.mcpgateway.llm.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.llm.ProxyHttp;
import dev.mcpgateway.llm.backend.Backend;
import dev.mcpgateway.llm.backend.BackendType;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An https model backend behind a private CA: reached when its certificate is trusted through
 * {@code llm.trusted-certificates} and names the host; refused (502, no request sent) when it is not trusted or
 * names another host.
 */
class HttpsBackendTest {

    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String ANSWER = "{\"id\":\"chatcmpl-tls\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"over tls\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}";

    @TempDir
    static Path dir;
    private static HttpsServer backend;
    private static Path certificate;
    private static final AtomicInteger requests = new AtomicInteger();
    private static final List<String> credentials = new ArrayList<>();
    private ProxyFixture proxy;

    @BeforeAll
    static void startBackendWithACertificateForLocalhostOnly() throws Exception {
        Path store = dir.resolve("backend.p12");
        certificate = dir.resolve("backend.pem");
        keytool("-genkeypair", "-alias", "backend", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "backend", "-keystore", store.toString(), "-storepass", "changeit",
                "-file", certificate.toString());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);

        backend = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        backend.setHttpsConfigurator(new HttpsConfigurator(tls));
        backend.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        backend.createContext("/v1/chat/completions", exchange -> {
            requests.incrementAndGet();
            synchronized (credentials) {
                credentials.add(exchange.getRequestHeaders().getFirst("api-key"));
            }
            exchange.getRequestBody().readAllBytes();
            byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
    }

    @AfterAll
    static void stopBackend() {
        backend.stop(0);
    }

    @AfterEach
    void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void aBackendWhoseCertificateIsTrustedAndNamesTheHostAnswersThroughTheProxy() throws Exception {
        proxy = proxyTo("localhost").property("llm.trusted-certificates", certificate.toString()).start();

        HttpResponse<String> response = call();

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("over tls"), response.body());
        synchronized (credentials) {
            assertEquals("upstream-secret-over-tls", credentials.getLast(), "the backend key went over TLS");
        }
    }

    @Test
    void aCertificateThatDoesNotNameTheHostIsRefusedBeforeAnyRequest() throws Exception {
        proxy = proxyTo("127.0.0.1").property("llm.trusted-certificates", certificate.toString()).start();
        int before = requests.get();

        HttpResponse<String> response = call();

        assertEquals(502, response.statusCode(), response.body());
        assertEquals(before, requests.get(), "no request may reach a backend whose name did not verify");
    }

    @Test
    void withoutTheTrustedCertificatesThePrivateCaIsNotTrusted() throws Exception {
        proxy = proxyTo("localhost").start();
        int before = requests.get();

        HttpResponse<String> response = call();

        assertEquals(502, response.statusCode(), response.body());
        assertEquals(before, requests.get());
    }

    @Test
    void aFileWithoutCertificatesStopsTheStartNamingTheSetting() throws Exception {
        Path notPem = Files.writeString(dir.resolve("not-a-certificate.pem"), "hello");
        ProxyFixture fixture = proxyTo("localhost").property("llm.trusted-certificates", notPem.toString());

        RuntimeException e = assertThrows(RuntimeException.class, fixture::start);
        fixture.close();

        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("llm.trusted-certificates"), messages.toString());
    }

    private static ProxyFixture proxyTo(String host) {
        String url = "https://" + host + ":" + backend.getAddress().getPort() + "/v1";
        return new ProxyFixture()
                .backend(new Backend("over-tls", URI.create(url), BackendType.OPENAI,
                        ProxyFixture.apiKey("upstream-secret-over-tls"), null, null, null, null))
                .route("over-tls", "gpt-4o")
                .property("llm.retry-count", 0);
    }

    private HttpResponse<String> call() throws Exception {
        return ProxyHttp.send(ProxyHttp.post(proxy.uri(), "/v1/chat/completions", CHAT)
                .header("api-key", ProxyFixture.KEY));
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
    }
}
