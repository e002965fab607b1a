package dev.mcpgateway.auth.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BackendCredentialsTest {

    private final BackendCredentials credentials = new BackendCredentials(
            new SecretResolver(Map.of("ORDERS_KEY", "k-from-env", "ORDERS_PASSWORD", "pw-from-env")::get));

    private final OutboundRequest request = new OutboundRequest(URI.create("http://127.0.0.1:9/orders?limit=5"),
            List.of(Map.entry("Accept", "application/json"), Map.entry("Cookie", "session=abc")));

    @Nested
    class Applying {

        @Test
        void apiKeyInHeaderIsSetOnce() throws Exception {
            OutboundRequest out = credentials.compile(Map.of("type", "apiKey", "in", "header", "name", "X-API-Key",
                    "value", "${ORDERS_KEY}")).apply(request.withHeader("x-api-key", "forged"));
            assertEquals(List.of("k-from-env"), out.header("X-API-Key"));
        }

        @Test
        void apiKeyInQueryIsAppendedEncoded() throws Exception {
            OutboundRequest out = credentials.compile(Map.of("type", "apiKey", "in", "query", "name", "api key",
                    "value", "a&b=c")).apply(request);
            assertEquals("http://127.0.0.1:9/orders?limit=5&api%20key=a%26b%3Dc", out.uri().toString());
        }

        @Test
        void apiKeyInCookieJoinsTheExistingCookieHeader() throws Exception {
            OutboundRequest out = credentials.compile(Map.of("type", "apiKey", "in", "cookie", "name", "key",
                    "value", "v1")).apply(request);
            assertEquals(List.of("session=abc; key=v1"), out.header("Cookie"));
        }

        @Test
        void basicEncodesUserAndPassword() throws Exception {
            OutboundRequest out = credentials.compile(Map.of("type", "basic", "username", "svc",
                    "password", "${ORDERS_PASSWORD}")).apply(request);
            String expected = Base64.getEncoder().encodeToString("svc:pw-from-env".getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of("Basic " + expected), out.header("Authorization"));
        }

        @Test
        void bearerReplacesAnyAuthorizationAlreadyThere() throws Exception {
            OutboundRequest out = credentials.compile(Map.of("type", "bearer", "token", "t0k"))
                    .apply(request.withHeader("Authorization", "Bearer caller-token"));
            assertEquals(List.of("Bearer t0k"), out.header("Authorization"));
        }

        @Test
        void noCredentialsLeaveTheRequestAlone() throws Exception {
            assertEquals(request, credentials.compile(Map.of()).apply(request));
            assertEquals(request, credentials.compile(null).apply(request));
        }
    }

    @Nested
    class InApimsShape {

        @Test
        void headersQueryAndAuthorizationAreAddedExactlyAsWritten() throws Exception {
            BackendCredential credential = credentials.compile(Map.of(
                    "header", Map.of("api-key", List.of("${ORDERS_KEY}"), "x-tenant", List.of("a", "b")),
                    "query", Map.of("code", List.of("c1", "c 2")),
                    "authorization", Map.of("scheme", "Bearer", "parameter", "${ORDERS_PASSWORD}")));

            OutboundRequest out = credential.apply(request.withHeader("api-key", "forged"));

            assertEquals(List.of("k-from-env"), out.header("api-key"));
            assertEquals(List.of("a", "b"), out.header("x-tenant"));
            assertEquals(List.of("Bearer pw-from-env"), out.header("Authorization"));
            assertEquals("http://127.0.0.1:9/orders?limit=5&code=c1&code=c%202", out.uri().toString());
        }

        @Test
        void aSingleValueStandsForAListOfOne() throws Exception {
            OutboundRequest out = credentials.compile(Map.of("header", Map.of("api-key", "k1"))).apply(request);
            assertEquals(List.of("k1"), out.header("api-key"));
        }

        @Test
        void describeNamesWhatIsAddedButNoValue() throws Exception {
            BackendCredential credential = credentials.compile(Map.of("header", Map.of("api-key", List.of("SECRET-1")),
                    "query", Map.of("code", List.of("SECRET-2")),
                    "authorization", Map.of("scheme", "Bearer", "parameter", "SECRET-3")));

            assertEquals(Map.of("header", List.of("api-key"), "query", List.of("code"),
                    "authorization", Map.of("scheme", "Bearer")), credential.describe());
            assertFalse(credential.toString().contains("SECRET-"), credential.toString());
        }

        @Test
        void anUnknownKeyIsNamed() {
            CredentialConfigException e = assertThrows(CredentialConfigException.class, () -> credentials.compile(
                    Map.of("header", Map.of("api-key", List.of("k")), "certificate", List.of("thumbprint"))));
            assertEquals("credentials.certificate", e.field());
        }

        @Test
        void aHeaderWithoutValuesIsNamed() {
            CredentialConfigException e = assertThrows(CredentialConfigException.class,
                    () -> credentials.compile(Map.of("header", Map.of("api-key", List.of()))));
            assertEquals("credentials.header.api-key", e.field());
        }

        @Test
        void anUnsetVariableNamesTheValue() {
            CredentialConfigException e = assertThrows(CredentialConfigException.class,
                    () -> credentials.compile(Map.of("query", Map.of("code", List.of("ok", "${MISSING_CODE}")))));
            assertEquals("credentials.query.code[1]", e.field());
        }

        @Test
        void anAuthorizationWithoutParameterIsNamed() {
            CredentialConfigException e = assertThrows(CredentialConfigException.class,
                    () -> credentials.compile(Map.of("authorization", Map.of("scheme", "Bearer"))));
            assertEquals("credentials.authorization.parameter", e.field());
        }
    }

    @Nested
    class OnTheEventLoop {

        @Test
        void onlyClientCredentialsMayBlock() throws Exception {
            assertTrue(credentials.compile(Map.of("type", "oauth2ClientCredentials", "tokenUrl",
                    "https://login.example/token", "clientId", "c", "clientSecret", "s")).mayBlock());
            for (Map<String, Object> config : List.<Map<String, Object>>of(Map.of(),
                    Map.of("type", "apiKey", "name", "X-Key", "value", "v"),
                    Map.of("type", "bearer", "token", "t"),
                    Map.of("header", Map.of("api-key", List.of("k"))))) {
                assertFalse(credentials.compile(config).mayBlock(), config.toString());
            }
        }

        @Test
        void invalidatingClientCredentialsFetchesANewToken() throws Exception {
            try (TokenEndpointFixture endpoint = new TokenEndpointFixture()) {
                BackendCredential credential = credentials.compile(Map.of("type", "oauth2ClientCredentials",
                        "tokenUrl", endpoint.tokenUrl().toString(), "clientId", "c", "clientSecret", "s"));
                assertEquals(List.of("Bearer token-1"), credential.apply(request).header("Authorization"));

                credential.invalidate();

                assertEquals(List.of("Bearer token-2"), credential.apply(request).header("Authorization"));
            }
        }
    }

    @Nested
    class Hiding {

        @Test
        void describeNeverContainsTheSecret() throws Exception {
            for (Map<String, Object> config : List.<Map<String, Object>>of(
                    Map.of("type", "apiKey", "name", "X-Key", "value", "SECRET-1"),
                    Map.of("type", "basic", "username", "u", "password", "SECRET-1"),
                    Map.of("type", "bearer", "token", "SECRET-1"),
                    Map.of("type", "oauth2ClientCredentials", "tokenUrl", "https://login.example/token",
                            "clientId", "c", "clientSecret", "SECRET-1"),
                    Map.of("header", Map.of("api-key", List.of("SECRET-1")),
                            "authorization", Map.of("scheme", "Bearer", "parameter", "SECRET-1")))) {
                BackendCredential credential = credentials.compile(config);
                assertFalse(credential.describe().toString().contains("SECRET-1"), config.toString());
                assertFalse(credential.toString().contains("SECRET-1"), credential.toString());
            }
        }

        @Test
        void secretToStringHidesTheValue() {
            assertEquals("Secret[hidden]", Secret.of("hunter2").toString());
        }
    }

    @Nested
    class WhenTheConfigurationIsWrong {

        @Test
        void unknownTypeNamesTheTypeField() {
            CredentialConfigException e = assertThrows(CredentialConfigException.class,
                    () -> credentials.compile(Map.of("type", "kerberos")));
            assertEquals("credentials.type", e.field());
        }

        @Test
        void missingKeyNamesTheKey() {
            CredentialConfigException e = assertThrows(CredentialConfigException.class,
                    () -> credentials.compile(Map.of("type", "apiKey", "value", "x")));
            assertEquals("credentials.name", e.field());
        }

        @Test
        void badLocationNamesTheInField() {
            CredentialConfigException e = assertThrows(CredentialConfigException.class,
                    () -> credentials.compile(Map.of("type", "apiKey", "in", "body", "name", "k", "value", "x")));
            assertEquals("credentials.in", e.field());
        }

        @Test
        void unsetEnvironmentVariableNamesTheFieldAndVariableButNoValue() {
            CredentialConfigException e = assertThrows(CredentialConfigException.class,
                    () -> credentials.compile(Map.of("type", "bearer", "token", "${MISSING_TOKEN}")));
            assertEquals("credentials.token", e.field());
            assertTrue(e.getMessage().contains("MISSING_TOKEN"));
        }

        @Test
        void tokenUrlMustBeHttp() {
            CredentialConfigException e = assertThrows(CredentialConfigException.class,
                    () -> credentials.compile(Map.of("type", "oauth2ClientCredentials", "tokenUrl", "ftp://x",
                            "clientId", "c", "clientSecret", "s")));
            assertEquals("credentials.tokenUrl", e.field());
        }
    }

    @Test
    void clientCredentialsCompilesToATokenSourceWithItsSettings() throws Exception {
        BackendCredential credential = credentials.compile(Map.of("type", "oauth2ClientCredentials",
                "tokenUrl", "https://login.example/token", "clientId", "c", "clientSecret", "s", "scope", "a b"));
        FetchedTokenCredential fetched = assertInstanceOf(FetchedTokenCredential.class, credential);
        ClientCredentialsTokenSource tokens = assertInstanceOf(ClientCredentialsTokenSource.class, fetched.tokens());
        assertEquals("a b", tokens.settings().scope().orElseThrow());
    }
}
