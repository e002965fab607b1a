package dev.mcpgateway.samples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleShopServerTest {

    private static SampleShopServer shop;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        shop = SampleShopServer.start(0);
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return shop.baseUrl().resolve(path);
    }

    @Test
    void searchHonoursExplodedTagsDeepObjectFilterAndLocaleHeader() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                uri("/products?tag=kitchen&tag=electric&filter%5BmaxPrice%5D=4000")).header("X-Locale", "fr"));
        JsonNode page = JSON.readTree(response.body());
        assertEquals(200, response.statusCode());
        assertEquals(1, page.get("items").size());
        assertEquals("Bouilloire", page.get("items").get(0).get("name").asText());
        assertEquals(4000, page.get("appliedFilter").get("maxPrice").asInt());
    }

    @Test
    void unknownProductIsA404Problem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/products/nope")));
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void cartIsCreatedFromJsonAndReadBackWithTheSessionCookie() throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/carts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"customer\":\"Ada\",\"items\":[{\"productId\":\"p-100\",\"quantity\":2}]}")));
        assertEquals(201, created.statusCode());
        String id = JSON.readTree(created.body()).get("id").asText();
        JsonNode cart = JSON.readTree(send(HttpRequest.newBuilder(uri("/carts/" + id))
                .header("Cookie", "session=s-42")).body());
        assertEquals(1800, cart.get("totalCents").asInt());
        assertEquals("s-42", cart.get("session").asText());
    }

    @Test
    void tooManyOfOneProductIsA422() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/carts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"customer\":\"Ada\",\"items\":[{\"productId\":\"p-100\",\"quantity\":500}]}")));
        assertEquals(422, response.statusCode());
    }

    @Test
    void feedbackIsReadFromAForm() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/feedback"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("rating=5&comment=caf%C3%A9+great")));
        assertEquals(201, response.statusCode());
        assertTrue(response.body().contains("café great"), response.body());
    }

    @Test
    void theSpecShipsOnTheClasspath() {
        assertTrue(getClass().getClassLoader().getResource(SampleShopServer.SPEC_RESOURCE) != null);
    }
}
