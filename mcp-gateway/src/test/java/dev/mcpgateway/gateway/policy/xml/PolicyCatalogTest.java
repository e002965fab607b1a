package dev.mcpgateway.gateway.policy.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PolicyCatalogTest {

    @Test
    void theCatalogNamesEveryElementOfApimsPolicyReferenceAndNothingElse() {
        Set<String> reference = Arrays.stream(Fixtures.text("apim-policy-elements.txt").split("\n"))
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> catalog = PolicyCatalog.entries().stream().map(CatalogEntry::name)
                .filter(name -> !name.equals("base")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(reference, catalog);
    }

    @Test
    void theSupportedPoliciesAreThoseTheEngineRuns() {
        Set<String> supported = PolicyCatalog.entries().stream().filter(CatalogEntry.Supported.class::isInstance)
                .map(CatalogEntry::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("base", "rate-limit", "rate-limit-by-key", "quota-by-key",
                "llm-token-limit", "azure-openai-token-limit", "llm-emit-token-metric",
                "azure-openai-emit-token-metric", "set-backend-service", "forward-request", "retry",
                "authentication-managed-identity", "validate-jwt", "validate-azure-ad-token", "check-header",
                "ip-filter", "cors", "set-header", "set-query-parameter", "set-variable", "choose", "return-response",
                "mock-response")), supported);
    }

    @Test
    void semanticCachingAndContentSafetyArePlanned() {
        for (String name : Set.of("llm-semantic-cache-lookup", "llm-semantic-cache-store", "llm-content-safety",
                "azure-openai-semantic-cache-lookup", "azure-openai-semantic-cache-store")) {
            CatalogEntry.Refused refused = assertInstanceOf(CatalogEntry.Refused.class, PolicyCatalog.entry(name));
            assertTrue(refused.planned(), name);
        }
        CatalogEntry.Refused out = assertInstanceOf(CatalogEntry.Refused.class, PolicyCatalog.entry("send-request"));
        assertEquals("policies do not call other services", out.reason());
        assertNull(PolicyCatalog.entry("when"), "a child element is not a policy");
    }

    @Test
    void theDocsTableListsEveryElementWithItsStatusAttributesAndChildren() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "policies.md"));
        for (CatalogEntry entry : PolicyCatalog.entries()) {
            String row = docs.lines().filter(line -> line.startsWith("| `" + entry.name() + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/policies.md has no row for " + entry.name()));
            String status = entry instanceof CatalogEntry.Refused refused ? refused.planned() ? "planned" : "out"
                    : "in";
            assertTrue(row.startsWith("| `" + entry.name() + "` | " + status + " |"), row);
            if (entry instanceof CatalogEntry.Supported supported) {
                ElementSpec element = supported.element();
                element.attributes().keySet().forEach(name -> assertTrue(row.contains("`" + name + "`"), row));
                element.children().keySet().forEach(name -> assertTrue(row.contains("`<" + name + ">`"), row));
            }
        }
    }
}
