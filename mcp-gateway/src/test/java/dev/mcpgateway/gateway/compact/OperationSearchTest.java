package dev.mcpgateway.gateway.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpgateway.gateway.catalog.CompiledOperation;
import dev.mcpgateway.gateway.catalog.ServedOperation;
import dev.mcpgateway.openapi.http.HttpResponseData;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class OperationSearchTest {

    private static ServedOperation op(String name, String description, String path, String... tags) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description(description)
                .inputSchema(Map.of("type", "object")).build();
        return new ServedOperation(tool, new CompiledOperation(name, tool, "GET", path, List.of(tags),
                new dev.mcpgateway.gateway.execution.OperationCodec() {
                    @Override
                    public dev.mcpgateway.openapi.http.HttpRequestPlan buildRequest(Map<String, Object> arguments,
                            dev.mcpgateway.openapi.http.BackendTarget target) {
                        throw new UnsupportedOperationException("search never calls operations");
                    }

                    @Override
                    public McpSchema.CallToolResult toResult(HttpResponseData response) {
                        throw new UnsupportedOperationException("search never calls operations");
                    }
                }));
    }

    private final List<ServedOperation> operations = List.of(
            op("listInvoices", "List invoices of a customer", "/customers/{id}/invoices", "billing"),
            op("getCustomer", "Get a customer", "/customers/{id}", "customers"),
            op("createInvoice", "Create an invoice", "/invoices", "billing"),
            op("deleteCustomer", "Delete a customer", "/customers/{id}", "customers"));

    private List<String> search(String query, int limit) {
        return search(query, limit, served -> true);
    }

    private List<String> search(String query, int limit, Predicate<ServedOperation> visible) {
        return new OperationSearch(operations).search(query, limit, visible).stream().map(s -> s.tool().name())
                .toList();
    }

    @Test
    void nameMatchesRankAboveDescriptionMatchesAndTiesKeepSpecOrder() {
        assertEquals(List.of("listInvoices", "createInvoice"), search("invoice", 10));
        assertEquals(List.of("getCustomer", "deleteCustomer", "listInvoices"), search("customer", 10));
    }

    @Test
    void everyWordCounts() {
        assertEquals("createInvoice", search("create invoice", 10).getFirst());
    }

    @Test
    void tagsAndPathsAreSearchedToo() {
        assertEquals(List.of("listInvoices", "createInvoice"), search("billing", 10));
    }

    @Test
    void anEmptyQueryListsInSpecOrderUpToTheLimit() {
        assertEquals(List.of("listInvoices", "getCustomer"), search("", 2));
        assertEquals(List.of(), search("nothing-like-this", 10));
    }

    @Test
    void operationsTheCallerMayNotSeeNeitherShowNorTakeAPlaceWithinTheLimit() {
        Predicate<ServedOperation> notListInvoices = served -> !served.tool().name().equals("listInvoices");
        assertEquals(List.of("getCustomer", "createInvoice"), search("", 2, notListInvoices));
        assertEquals(List.of("createInvoice"), search("invoice", 1, notListInvoices));
    }
}
