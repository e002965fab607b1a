package dev.mcpgateway.openapi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.testsupport.EchoHttpServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The wire records: strict to build, careful in what they print, bounded when reading. */
class WireRecordsTest {

    @Test
    void looksUpResponseHeadersCaseInsensitively() {
        var response = HttpResponseData.of(200, Map.of("content-TYPE", List.of("text/plain")), new byte[0]);
        assertEquals(Optional.of("text/plain"), response.firstHeader("Content-Type"));
    }

    @Test
    void doesNotPrintHeaderValuesOrBodies() {
        var plan = new HttpRequestPlan("post", URI.create("https://a.example/x"),
                List.of(new HttpHeader("X-Token", "secret-value")), "top secret".getBytes(), "text/plain");
        assertEquals("POST", plan.method());
        assertFalse(plan.toString().contains("secret"));
    }

    @Test
    void keepsContentTypeOutOfTheHeaderList() {
        assertThrows(IllegalArgumentException.class, () -> new HttpRequestPlan("GET", URI.create("https://a.example"),
                List.of(new HttpHeader("content-type", "x/y")), null, null));
        assertThrows(IllegalArgumentException.class, () -> ParameterBinding.of("ct", ParameterLocation.HEADER,
                "Content-Type", ValueShape.PRIMITIVE, false));
    }

    @Test
    void letsTheGatewayAddCredentialsInEachLocation() {
        var plan = new HttpRequestPlan("GET", URI.create("https://a.example/x?q=1"),
                List.of(new HttpHeader("Cookie", "s=1")), null, null);
        var withKey = plan.withQueryParameter("api key", "k&1").withHeader("Authorization", "Bearer t")
                .withCookie("token", "a b");
        assertEquals(URI.create("https://a.example/x?q=1&api%20key=k%261"), withKey.uri());
        assertEquals(List.of(new HttpHeader("Cookie", "s=1; token=a%20b"), new HttpHeader("Authorization", "Bearer t")),
                withKey.headers());
        assertEquals(URI.create("https://a.example/y?k=v"), new HttpRequestPlan("GET",
                URI.create("https://a.example/y"), List.of(), null, null).withQueryParameter("k", "v").uri());
        assertEquals(List.of("c=d"), new HttpRequestPlan("GET", URI.create("https://a.example/y"), List.of(), null, null)
                .withCookie("c", "d").headerValues("cookie"));
    }

    @Test
    void refusesABaseUrlThatIsNotAbsoluteHttp() {
        assertThrows(IllegalArgumentException.class, () -> BackendTarget.baseUrl(URI.create("/relative")));
        assertThrows(IllegalArgumentException.class, () -> BackendTarget.baseUrl(URI.create("file:///etc/passwd")));
    }

    @Test
    void readsAStreamedResponseUpToTheCapAndFlagsTheRest() throws Exception {
        try (var echo = EchoHttpServer.start()) {
            echo.respond("/big", 200, Map.of("Content-Type", "text/plain"), "0123456789".getBytes());
            var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<InputStream> cut = client.send(HttpRequest.newBuilder(URI.create(echo.baseUri() + "/big"))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            var data = HttpResponseData.read(cut, 4);
            assertEquals("0123", new String(data.body()));
            assertTrue(data.truncated());
            HttpResponse<InputStream> whole = client.send(HttpRequest.newBuilder(URI.create(echo.baseUri() + "/big"))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            assertFalse(HttpResponseData.read(whole, 10).truncated());
        }
    }

    @Test
    void carriesMessagesThatNameTheArgument() {
        var error = InvalidArgumentsException.of("amount", "must be >= 1");
        assertEquals(List.of("amount: must be >= 1"), error.messages());
        assertEquals("amount: must be >= 1", error.getMessage());
    }
}
