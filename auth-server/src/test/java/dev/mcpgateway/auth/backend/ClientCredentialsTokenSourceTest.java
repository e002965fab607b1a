package dev.mcpgateway.auth.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.testsupport.ManualClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientCredentialsTokenSourceTest {

    private TokenEndpointFixture endpoint;
    private ManualClock clock;

    @BeforeEach
    void start() throws Exception {
        endpoint = new TokenEndpointFixture();
        clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private ClientCredentialsTokenSource source(Optional<String> scope) {
        return new ClientCredentialsTokenSource(new ClientCredentialsSettings(endpoint.tokenUrl(), "gateway",
                Secret.of("s3cret"), scope, Duration.ofSeconds(5)), clock);
    }

    @Test
    void sendsTheClientCredentialsGrantWithBasicClientAuthenticationAndScope() throws Exception {
        Secret token = source(Optional.of("api://orders/.default")).accessToken();

        assertEquals("token-1", token.reveal());
        TokenEndpointFixture.Received request = endpoint.requests.getFirst();
        assertEquals("Basic " + Base64.getEncoder().encodeToString("gateway:s3cret".getBytes(StandardCharsets.UTF_8)),
                request.authorization());
        assertTrue(request.body().contains("grant_type=client_credentials"), request.body());
        assertTrue(request.body().contains("scope=api%3A%2F%2Forders%2F.default"), request.body());
    }

    @Test
    void reusesTheCachedTokenUntilShortlyBeforeExpiry() throws Exception {
        endpoint.expiresIn = 300;
        ClientCredentialsTokenSource source = source(Optional.empty());

        assertEquals("token-1", source.accessToken().reveal());
        clock.advance(Duration.ofSeconds(260));
        assertEquals("token-1", source.accessToken().reveal());
        assertEquals(1, endpoint.fetches());

        clock.advance(Duration.ofSeconds(15)); // 275 s: inside the 30 s refresh margin
        assertEquals("token-2", source.accessToken().reveal());
        assertEquals(2, endpoint.fetches());
    }

    @Test
    void concurrentCallersShareOneFetch() throws Exception {
        ClientCredentialsTokenSource source = source(Optional.empty());
        endpoint.gate = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                results.add(callers.submit(() -> source.accessToken().reveal()));
            }
            while (endpoint.fetches() == 0) {
                Thread.onSpinWait();
            }
            endpoint.gate.countDown();
            Set<String> tokens = ConcurrentHashMap.newKeySet();
            for (Future<String> result : results) {
                tokens.add(result.get());
            }
            assertEquals(Set.of("token-1"), tokens);
        }
        assertEquals(1, endpoint.fetches());
    }

    @Test
    void aRefusalNamesTheOAuthErrorCodeButNotTheServersDescription() {
        endpoint.refuse = true;
        CredentialUnavailableException e = assertThrows(CredentialUnavailableException.class,
                () -> source(Optional.empty()).accessToken());
        assertTrue(e.getMessage().contains("invalid_client"), e.getMessage());
        assertFalse(e.getMessage().contains("secret-detail-from-server"));
        assertFalse(e.getMessage().contains("s3cret"));
    }

    @Test
    void anUnreachableEndpointIsReportedAsUnavailable() {
        ClientCredentialsTokenSource source = new ClientCredentialsTokenSource(new ClientCredentialsSettings(
                URI.create("http://127.0.0.1:1/token"), "gateway", Secret.of("s3cret"), Optional.empty(),
                Duration.ofSeconds(2)), clock);
        CredentialUnavailableException e = assertThrows(CredentialUnavailableException.class, source::accessToken);
        assertTrue(e.getMessage().contains("unreachable"));
    }

    @Test
    void invalidateForcesANewFetch() throws Exception {
        ClientCredentialsTokenSource source = source(Optional.empty());
        source.accessToken();
        source.invalidate();
        assertEquals("token-2", source.accessToken().reveal());
    }
}
