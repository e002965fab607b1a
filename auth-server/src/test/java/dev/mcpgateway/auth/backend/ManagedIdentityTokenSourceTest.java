package dev.mcpgateway.auth.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.testsupport.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ManagedIdentityTokenSourceTest {

    private static final String COGNITIVE_SERVICES = "https://cognitiveservices.azure.com";
    private static final String IDENTITY_HEADER = "identity-header-secret";

    private ManualClock clock;
    private ManagedIdentityEndpointFixture endpoint;

    @BeforeEach
    void start() throws Exception {
        clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        endpoint = new ManagedIdentityEndpointFixture(clock);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private IdentityEndpoint appService() {
        return IdentityEndpoint.fromEnvironment(Map.of("IDENTITY_ENDPOINT", endpoint.uri("/msi/token").toString(),
                "IDENTITY_HEADER", IDENTITY_HEADER)::get);
    }

    private ManagedIdentityTokenSource source(IdentityEndpoint identityEndpoint, Optional<String> clientId) {
        return new ManagedIdentityTokenSource(new ManagedIdentitySettings(COGNITIVE_SERVICES, clientId,
                identityEndpoint, Duration.ofSeconds(2)), clock);
    }

    @Nested
    class OnAppServiceAndContainerApps {

        @Test
        void asksTheEndpointNamedByTheEnvironmentWithItsHeader() throws Exception {
            Secret token = source(appService(), Optional.empty()).accessToken();

            assertEquals("mi-token-1", token.reveal());
            ManagedIdentityEndpointFixture.Received request = endpoint.requests.getFirst();
            assertEquals("/msi/token", request.path());
            assertEquals("api-version=2019-08-01&resource=https%3A%2F%2Fcognitiveservices.azure.com", request.query());
            assertEquals(IDENTITY_HEADER, request.identityHeader());
            assertNull(request.metadataHeader());
        }

        @Test
        void aUserAssignedIdentityIsChosenByItsClientId() throws Exception {
            source(appService(), Optional.of("5f1c-uami")).accessToken();
            assertTrue(endpoint.requests.getFirst().query().endsWith("&client_id=5f1c-uami"),
                    endpoint.requests.getFirst().query());
        }
    }

    @Nested
    class OnAVirtualMachine {

        @Test
        void withoutTheEnvironmentVariablesTheInstanceMetadataServiceIsAsked() {
            IdentityEndpoint imds = IdentityEndpoint.fromEnvironment(Map.of("IDENTITY_ENDPOINT", "http://x")::get);
            assertEquals(URI.create("http://169.254.169.254/metadata/identity/oauth2/token"), imds.uri());
        }

        @Test
        void theInstanceMetadataServiceGetsItsApiVersionAndTheMetadataHeader() throws Exception {
            Secret token = source(IdentityEndpoint.instanceMetadata(endpoint.uri("/metadata/identity/oauth2/token")),
                    Optional.of("5f1c-uami")).accessToken();

            assertEquals("mi-token-1", token.reveal());
            ManagedIdentityEndpointFixture.Received request = endpoint.requests.getFirst();
            assertEquals("/metadata/identity/oauth2/token", request.path());
            assertEquals("api-version=2018-02-01&resource=https%3A%2F%2Fcognitiveservices.azure.com"
                    + "&client_id=5f1c-uami", request.query());
            assertEquals("true", request.metadataHeader());
            assertNull(request.identityHeader());
        }
    }

    @Test
    void reusesTheTokenUntilShortlyBeforeItsExpiresOn() throws Exception {
        endpoint.lifetimeSeconds = 300;
        ManagedIdentityTokenSource source = source(appService(), Optional.empty());

        assertEquals("mi-token-1", source.accessToken().reveal());
        clock.advance(Duration.ofSeconds(260));
        assertEquals("mi-token-1", source.accessToken().reveal());
        assertEquals(1, endpoint.fetches());

        clock.advance(Duration.ofSeconds(15)); // 275 s: inside the 30 s refresh margin
        assertEquals("mi-token-2", source.accessToken().reveal());
        assertEquals(2, endpoint.fetches());
    }

    @Nested
    class WhenNoTokenCanBeHad {

        @Test
        void anEndpointThatIsDownIsUnavailableWithoutTheHeaderSecret() {
            IdentityEndpoint down = IdentityEndpoint.appService(URI.create("http://127.0.0.1:1/msi/token"),
                    Secret.of(IDENTITY_HEADER));
            CredentialUnavailableException e = assertThrows(CredentialUnavailableException.class,
                    () -> source(down, Optional.empty()).accessToken());
            assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
            assertFalse(e.getMessage().contains(IDENTITY_HEADER), e.getMessage());
        }

        @Test
        void aRefusalNamesTheStatusAndErrorCodeButNotTheDescription() {
            endpoint.refuseWith = 400;
            endpoint.refusalBody = "{\"error\":\"invalid_request\",\"error_description\":\"Identity not found "
                    + "for " + IDENTITY_HEADER + "\"}";
            CredentialUnavailableException e = assertThrows(CredentialUnavailableException.class,
                    () -> source(appService(), Optional.of("unknown-uami")).accessToken());
            assertEquals("managed identity endpoint refused the token request (HTTP 400): invalid_request",
                    e.getMessage());
        }

        @Test
        void anAnswerWithoutATokenIsUnreadable() {
            endpoint.refuseWith = 200;
            endpoint.refusalBody = "<html>proxy login</html>";
            CredentialUnavailableException e = assertThrows(CredentialUnavailableException.class,
                    () -> source(appService(), Optional.empty()).accessToken());
            assertTrue(e.getMessage().contains("unreadable"), e.getMessage());
        }

        @Test
        void aFailedFetchIsRetriedOnTheNextCall() throws Exception {
            endpoint.refuseWith = 500;
            ManagedIdentityTokenSource source = source(appService(), Optional.empty());
            assertThrows(CredentialUnavailableException.class, source::accessToken);

            endpoint.refuseWith = 0;
            assertEquals("mi-token-1", source.accessToken().reveal());
        }
    }

    @Test
    void compilesFromCredentialsConfigAndSendsTheTokenAsBearer() throws Exception {
        BackendCredentials credentials = new BackendCredentials(new SecretResolver(
                Map.of("UAMI_CLIENT_ID", "5f1c-uami")::get), appService());
        BackendCredential credential = credentials.compile(Map.of("type", "managedIdentity",
                "resource", COGNITIVE_SERVICES, "clientId", "${UAMI_CLIENT_ID}"));

        FetchedTokenCredential fetched = assertInstanceOf(FetchedTokenCredential.class, credential);
        assertInstanceOf(ManagedIdentityTokenSource.class, fetched.tokens());
        assertTrue(credential.mayBlock(), "a token fetch must never run on an event loop");
        assertEquals(Map.of("type", "managedIdentity", "resource", COGNITIVE_SERVICES, "clientId", "5f1c-uami"),
                credential.describe());
        OutboundRequest out = credential.apply(new OutboundRequest(URI.create("http://127.0.0.1:9/x"), List.of()));
        assertEquals(List.of("Bearer mi-token-1"), out.header("Authorization"));
    }

    @Test
    void theResourceIsRequired() {
        CredentialConfigException e = assertThrows(CredentialConfigException.class, () -> new BackendCredentials(
                new SecretResolver(Map.<String, String>of()::get), appService())
                .compile(Map.of("type", "managedIdentity")));
        assertEquals("credentials.resource", e.field());
    }
}
