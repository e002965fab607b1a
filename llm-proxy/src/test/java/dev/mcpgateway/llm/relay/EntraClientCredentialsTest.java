package dev.mcpgateway.llm.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.mcpgateway.auth.backend.BackendCredential;
import dev.mcpgateway.auth.backend.BackendCredentials;
import dev.mcpgateway.auth.backend.SecretResolver;
import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.llm.ProxyHttp;
import dev.mcpgateway.llm.backend.Backend;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A backend authenticated with OAuth client credentials (Entra style) against a real in-process token endpoint:
 * tokens are cached across calls, renewed after the backend answers 401, and a dead token endpoint is a clean 502.
 */
class EntraClientCredentialsTest {

    private HttpServer tokenEndpoint;
    private final AtomicInteger issued = new AtomicInteger();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private ProxyFixture proxy;

    @BeforeEach
    void start() throws Exception {
        tokenEndpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        tokenEndpoint.createContext("/tenant-1/oauth2/v2.0/token", exchange -> {
            String form = URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8);
            String basic = exchange.getRequestHeaders().getFirst("Authorization");
            tokenRequests.add(form + " | " + new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8));
            byte[] body = ("{\"access_token\":\"entra-token-" + issued.incrementAndGet()
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        tokenEndpoint.start();
        String tokenUrl = "http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/tenant-1/oauth2/v2.0/token";
        // compiled as the gateway compiles a backend's credentials
        BackendCredential entra = new BackendCredentials(SecretResolver.fromSystemEnvironment()).compile(Map.of(
                "type", "oauth2ClientCredentials", "tokenUrl", tokenUrl, "clientId", "gateway-app",
                "clientSecret", "gateway-app-secret", "scope", "https://cognitiveservices.azure.com/.default"));
        proxy = new ProxyFixture().backend("aoai", "azure-openai")
                .change("aoai", b -> new Backend(b.id(), b.url(), b.type(), entra, b.timeout(), b.deployment(),
                        b.apiVersion(), b.breaker()))
                .route("aoai", "gpt-4o")
                .start();
    }

    @AfterEach
    void stop() {
        proxy.close();
        tokenEndpoint.stop(0);
    }

    private HttpResponse<String> call() throws Exception {
        return ProxyHttp.send(ProxyHttp.post(proxy.uri(), "/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[]}")
                .header("api-key", ProxyFixture.KEY));
    }

    @Test
    void oneTokenServesManyCallsAndCarriesTheAzureOpenAiScope() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, call().statusCode());
        }

        assertEquals(1, tokenRequests.size());
        String request = tokenRequests.getFirst();
        assertTrue(request.contains("grant_type=client_credentials"), request);
        assertTrue(request.contains("scope=https://cognitiveservices.azure.com/.default"), request);
        assertTrue(request.endsWith("gateway-app:gateway-app-secret"), "client secret basic");
        for (FakeOpenAiBackend.Received r : proxy.fake("aoai").received()) {
            assertEquals("Bearer entra-token-1", r.headers().get("authorization"));
            assertFalse(r.headers().containsKey("api-key"));
        }
    }

    @Test
    void aBackend401DropsTheCachedTokenSoTheNextCallGetsAFreshOne() throws Exception {
        call();
        proxy.fake("aoai").thenRespond(new FakeOpenAiBackend.Behaviour.Status(401, null,
                "{\"error\":{\"code\":\"401\",\"message\":\"Access denied due to invalid token\"}}"));
        assertEquals(401, call().statusCode());

        call();

        assertEquals(2, tokenRequests.size());
        assertEquals("Bearer entra-token-2", proxy.fake("aoai").received().getLast().headers().get("authorization"));
    }

    @Test
    void anUnreachableTokenEndpointIsA502WithoutInternalDetail() throws Exception {
        tokenEndpoint.stop(0);

        HttpResponse<String> r = call();

        assertEquals(502, r.statusCode());
        assertTrue(r.body().contains("could not obtain a credential"), r.body());
        assertFalse(r.body().contains("127.0.0.1"), "no internal address in the answer");
        assertEquals(0, proxy.fake("aoai").requestCount());
    }
}
