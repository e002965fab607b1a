package dev.mcpgateway.samples.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The routes of specs/shop.yaml. Carts and feedback live in memory for the life of the server. */
final class ShopHandler implements HttpHandler {

    private static final Pattern PRODUCT = Pattern.compile("/products/([^/]+)");
    private static final Pattern CART = Pattern.compile("/carts/([^/]+)");
    private static final int MAX_QUANTITY = 99;

    private final Map<String, Map<String, Object>> carts = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(1000);

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            route(exchange);
        } catch (RuntimeException e) {
            Exchange.problem(exchange, 400, "Bad request", "The request could not be read.");
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Matcher product = PRODUCT.matcher(path);
        Matcher cart = CART.matcher(path);
        if (path.equals("/products") && method.equals("GET")) {
            searchProducts(exchange);
        } else if (product.matches() && method.equals("GET")) {
            getProduct(exchange, product.group(1));
        } else if (path.equals("/carts") && method.equals("POST")) {
            createCart(exchange);
        } else if (cart.matches() && method.equals("GET")) {
            getCart(exchange, cart.group(1));
        } else if (path.equals("/feedback") && method.equals("POST")) {
            sendFeedback(exchange);
        } else {
            Exchange.problem(exchange, 404, "Not found", "No route for " + method + " " + path);
        }
    }

    private void searchProducts(HttpExchange exchange) throws IOException {
        Map<String, List<String>> query = Exchange.decodeForm(exchange.getRequestURI().getRawQuery());
        List<String> tags = query.getOrDefault("tag", List.of());
        Integer min = intParam(query, "filter[minPrice]");
        Integer max = intParam(query, "filter[maxPrice]");
        Integer limit = intParam(query, "limit");
        String locale = exchange.getRequestHeaders().getFirst("X-Locale");
        List<Object> items = Catalogue.PRODUCTS.stream()
                .filter(p -> p.tags().containsAll(tags))
                .filter(p -> min == null || p.priceCents() >= min)
                .filter(p -> max == null || p.priceCents() <= max)
                .limit(limit == null ? 10 : limit)
                .map(p -> (Object) p.toJson(locale))
                .toList();
        Map<String, Object> filter = new LinkedHashMap<>();
        if (min != null) {
            filter.put("minPrice", min);
        }
        if (max != null) {
            filter.put("maxPrice", max);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("locale", locale == null ? "en" : locale);
        page.put("appliedFilter", filter);
        page.put("tags", tags);
        Exchange.json(exchange, 200, page);
    }

    private void getProduct(HttpExchange exchange, String id) throws IOException {
        var found = Catalogue.find(id);
        if (found.isEmpty()) {
            Exchange.problem(exchange, 404, "Not found", "There is no product '" + id + "'.");
            return;
        }
        Exchange.json(exchange, 200, found.get().toJson(null));
    }

    private void createCart(HttpExchange exchange) throws IOException {
        JsonNode body = Exchange.JSON.readTree(exchange.getRequestBody());
        if (body == null || !body.path("customer").isTextual() || !body.path("items").isArray()) {
            Exchange.problem(exchange, 400, "Bad request", "customer and items are required");
            return;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        int total = 0;
        for (JsonNode item : body.get("items")) {
            String productId = item.path("productId").asText();
            int quantity = item.path("quantity").asInt();
            var product = Catalogue.find(productId);
            if (product.isEmpty()) {
                Exchange.problem(exchange, 422, "Unknown product", "There is no product '" + productId + "'.");
                return;
            }
            if (quantity < 1 || quantity > MAX_QUANTITY) {
                Exchange.problem(exchange, 422, "Quantity out of range",
                        "At most " + MAX_QUANTITY + " of one product per cart.");
                return;
            }
            items.add(Map.of("productId", productId, "quantity", quantity));
            total += product.get().priceCents() * quantity;
        }
        Map<String, Object> cart = new LinkedHashMap<>();
        cart.put("id", "c-" + ids.incrementAndGet());
        cart.put("customer", body.get("customer").asText());
        cart.put("items", items);
        cart.put("totalCents", total);
        carts.put((String) cart.get("id"), cart);
        Exchange.json(exchange, 201, cart);
    }

    private void getCart(HttpExchange exchange, String id) throws IOException {
        Map<String, Object> cart = carts.get(id);
        if (cart == null) {
            Exchange.problem(exchange, 404, "Not found", "There is no cart '" + id + "'.");
            return;
        }
        Map<String, Object> view = new LinkedHashMap<>(cart);
        Exchange.cookie(exchange, "session").ifPresent(session -> view.put("session", session));
        Exchange.json(exchange, 200, view);
    }

    private void sendFeedback(HttpExchange exchange) throws IOException {
        String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> form = Exchange.decodeForm(raw);
        Integer rating = intParam(form, "rating");
        if (rating == null || rating < 1 || rating > 5) {
            Exchange.problem(exchange, 400, "Bad request", "rating must be 1 to 5");
            return;
        }
        Map<String, Object> feedback = new LinkedHashMap<>();
        feedback.put("id", "f-" + ids.incrementAndGet());
        feedback.put("rating", rating);
        feedback.put("comment", form.getOrDefault("comment", List.of("")).getFirst());
        Exchange.json(exchange, 201, feedback);
    }

    private static Integer intParam(Map<String, List<String>> values, String name) {
        List<String> found = values.get(name);
        return found == null || found.isEmpty() ? null : Integer.valueOf(found.getFirst());
    }
}
