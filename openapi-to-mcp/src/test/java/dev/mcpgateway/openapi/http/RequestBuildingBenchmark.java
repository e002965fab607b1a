package dev.mcpgateway.openapi.http;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Per-call cost of the wire side: validate + build a request for typical bindings, and map typical responses.
 * Run with {@code -Pbench}; figures go to docs/benchmarks-openapi-http.md. Not a timed test: it only reports.
 */
@Tag("bench")
class RequestBuildingBenchmark {

    private static final int WARMUP_ROUNDS = 5;
    private static final int ROUNDS = 5;
    private static final int ITERATIONS = 20_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(String json) throws Exception {
        return MAPPER.readValue(json, Map.class);
    }

    @Test
    void reportsPerCallCost() throws Exception {
        var getPet = ToolCallCodec.of(schema("""
                {"type":"object","properties":{"petId":{"type":"integer","minimum":1},
                 "fields":{"type":"array","items":{"type":"string"}}},"required":["petId"]}"""),
                Bindings.get("/pets/{petId}",
                        ParameterBinding.of("petId", ParameterLocation.PATH, "petId", ValueShape.PRIMITIVE, true),
                        new ParameterBinding("fields", ParameterLocation.QUERY, "fields", ParameterStyle.FORM, false,
                                false, ValueShape.ARRAY, false)));
        Map<String, Object> getArgs = Map.of("petId", 42, "fields", List.of("name", "tag"));

        var createOrder = ToolCallCodec.of(schema("""
                {"type":"object","properties":{
                  "customerId":{"type":"string","minLength":1},
                  "lines":{"type":"array","items":{"type":"object","properties":{
                     "sku":{"type":"string"},"qty":{"type":"integer","minimum":1}},"required":["sku","qty"]}},
                  "note":{"type":"string","maxLength":500},
                  "Idempotency-Key":{"type":"string"}},
                 "required":["customerId","lines"]}"""),
                new HttpBinding("POST", ServerBinding.of(Bindings.SERVER), "/orders",
                        List.of(ParameterBinding.of("Idempotency-Key", ParameterLocation.HEADER, "Idempotency-Key",
                                ValueShape.PRIMITIVE, false)),
                        Optional.of(BodyBinding.properties("application/json", List.of(
                                BodyProperty.of("customerId", "customerId", ValueShape.PRIMITIVE),
                                BodyProperty.of("lines", "lines", ValueShape.ARRAY),
                                BodyProperty.of("note", "note", ValueShape.PRIMITIVE)), true)),
                        List.of(new ConstantParameter(ParameterLocation.QUERY, "api-version", "2024-10-21")),
                        List.of(), ResponseBinding.defaults()));
        var lines = new ArrayList<Object>();
        for (int i = 0; i < 5; i++) {
            lines.add(Map.of("sku", "SKU-" + i, "qty", i + 1));
        }
        Map<String, Object> orderArgs = Map.of("customerId", "c-1", "lines", lines, "note", "leave at door",
                "Idempotency-Key", "k-123");

        var charge = ToolCallCodec.of(schema("""
                {"type":"object","properties":{"amount":{"type":"integer"},
                 "card":{"type":"object","properties":{"number":{"type":"string"},
                   "address":{"type":"object","properties":{"city":{"type":"string"},"zip":{"type":"string"}}}}},
                 "expand":{"type":"array","items":{"type":"string"}}},"required":["amount"]}"""),
                Bindings.withBody("POST", "/charges", BodyBinding.properties("application/x-www-form-urlencoded",
                        List.of(BodyProperty.of("amount", "amount", ValueShape.PRIMITIVE),
                                BodyProperty.of("card", "card", ValueShape.OBJECT),
                                new BodyProperty("expand", "expand", ValueShape.ARRAY, false,
                                        new PartEncoding(null, ParameterStyle.DEEP_OBJECT, true, false))), true)));
        Map<String, Object> chargeArgs = Map.of("amount", 2000, "card", Map.of("number", "4242424242424242",
                "address", Map.of("city", "Paris", "zip", "75001")), "expand", List.of("customer", "invoice"));

        var responseBinding = Bindings.get("/x");
        var items = new StringBuilder("[");
        for (int i = 0; i < 20; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\":").append(i)
                    .append(",\"name\":\"item ").append(i).append("\",\"tags\":[\"a\",\"b\"],\"price\":12.5}");
        }
        items.append(']');
        var jsonObject = HttpResponseData.of(200, Map.of("Content-Type", List.of("application/json")),
                ("{\"items\":" + items + ",\"next\":\"abc\"}").getBytes(StandardCharsets.UTF_8));
        var problem = HttpResponseData.of(422, Map.of("Content-Type", List.of("application/problem+json")),
                "{\"title\":\"Invalid\",\"detail\":\"qty must be positive\",\"status\":422}".getBytes(StandardCharsets.UTF_8));

        var report = new LinkedHashMap<String, Double>();
        report.put("validate + build: GET /pets/{petId}?fields=a,b", measure(() -> getPet.buildRequest(getArgs,
                BackendTarget.specDefaults())));
        report.put("validate + build: POST /orders JSON body (5 lines), header, constant",
                measure(() -> createOrder.buildRequest(orderArgs, BackendTarget.specDefaults())));
        report.put("validate + build: POST /charges form body, nested deepObject",
                measure(() -> charge.buildRequest(chargeArgs, BackendTarget.specDefaults())));
        report.put("build only (no validation): POST /orders JSON body",
                measure(() -> createOrder.binding().buildRequest(orderArgs, BackendTarget.specDefaults())));
        report.put("map response: 200 JSON object, 20 items (" + jsonObject.body().length + " bytes)",
                measure(() -> responseBinding.toResult(jsonObject)));
        report.put("map response: 422 problem+json", measure(() -> responseBinding.toResult(problem)));

        System.out.println("| case | ns/op (median of " + ROUNDS + " rounds x " + ITERATIONS + ") |");
        System.out.println("|---|---:|");
        report.forEach((name, nanos) -> System.out.printf("| %s | %,.0f |%n", name, nanos));
    }

    private static double measure(Callable<Object> call) throws Exception {
        Object sink = null;
        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            for (int i = 0; i < ITERATIONS; i++) {
                sink = call.call();
            }
        }
        double[] perOp = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < ITERATIONS; i++) {
                sink = call.call();
            }
            perOp[round] = (System.nanoTime() - start) / (double) ITERATIONS;
        }
        assertNotNull(sink);
        java.util.Arrays.sort(perOp);
        return perOp[ROUNDS / 2];
    }
}
