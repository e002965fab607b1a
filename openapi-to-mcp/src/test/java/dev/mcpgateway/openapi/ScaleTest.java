package dev.mcpgateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hard case 10 (without timing: the bench profile measures): 1,000+ operations, deterministic and complete. */
class ScaleTest {

    private static final String SPEC = LargeSpecs.generate(240);
    private static ImportResult first;

    @BeforeAll
    static void importOnce() {
        first = Imports.yaml(SPEC);
    }

    @Test
    void importsAThousandOperationsCompletelyAndDeterministically() {
        ImportResult second = Imports.yaml(SPEC);
        assertEquals(1_200, first.tools().size(), () -> first.skipped().toString());
        assertEquals(List.of(), first.skipped());
        List<String> names = first.tools().stream().map(ToolDefinition::name).toList();
        assertEquals(names, second.tools().stream().map(ToolDefinition::name).toList());
        assertEquals(names.size(), new HashSet<>(names).size());
        assertEquals(List.of("listResource0", "createResource0", "getResource0", "replaceResource0", "deleteResource0"),
                names.subList(0, 5));
        assertEquals(first.tools().get(777).tool(), second.tools().get(777).tool());
    }

    @Test
    void producesTheExactSchemaForEveryToolOfTheLargeSpec() {
        ImportResult result = first;
        Imports.assertSchema("""
                {
                  "type": "object",
                  "properties": {
                    "tenantId": {"type": "string"},
                    "X-Request-Id": {"type": "string", "format": "uuid"},
                    "secret": {"type": "string", "writeOnly": true},
                    "name": {"type": "string", "maxLength": 120, "description": "Display name of the Resource239."},
                    "status": {"type": "string", "enum": ["draft", "active", "archived"], "default": "draft"},
                    "owner": {"type": "object", "properties": {"id": {"type": "string"}, "email": {"type": "string"}}},
                    "tree": {"$ref": "#/$defs/Node"},
                    "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 20},
                    "size": {"type": "integer", "exclusiveMinimum": 0},
                    "ratio": {"type": ["number", "null"]},
                    "a01": {"type": "string"}, "a02": {"type": "string"}, "a03": {"type": "string"},
                    "a04": {"type": "string"}, "a05": {"type": "string"}, "a06": {"type": "string"},
                    "a07": {"type": "integer"}, "a08": {"type": "integer"}, "a09": {"type": "boolean"},
                    "a10": {"type": "string", "format": "date-time"}, "a11": {"type": "string", "format": "email"},
                    "a12": {"type": "object", "additionalProperties": {"type": "string"}}
                  },
                  "required": ["tenantId", "name"],
                  "$defs": {"Node": {"type": "object", "properties": {"label": {"type": "string"},
                    "children": {"type": "array", "items": {"$ref": "#/$defs/Node"}}}}}
                }""", Imports.tool(result, "createResource239").tool().inputSchema());
    }

    @Test
    void selectsByTagAtScale() {
        ImportOptions options = ImportOptions.builder().include(List.of(SelectionRule.tag("group7"))).build();
        ImportResult result = Imports.yaml(SPEC, options);
        // resources 7, 57, 107, 157, 207: five operations each
        assertEquals(25, result.tools().size());
        assertEquals(1_175, result.skipped().stream().filter(SkippedOperation::excluded).count());
    }
}
