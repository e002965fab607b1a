package dev.mcpgateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hard case 10 (without timing: the bench profile measures): 1,000+ operations, deterministic and complete. */
class ScaleTest {

    @Test
    void importsAThousandOperationsCompletelyAndDeterministically() {
        String spec = LargeSpecs.generate(240);
        ImportResult first = Imports.yaml(spec);
        ImportResult second = Imports.yaml(spec);
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
    void selectsByTagAtScale() {
        ImportOptions options = ImportOptions.builder().include(List.of(SelectionRule.tag("group7"))).build();
        ImportResult result = Imports.yaml(LargeSpecs.generate(240), options);
        // resources 7, 57, 107, 157, 207: five operations each
        assertEquals(25, result.tools().size());
        assertEquals(1_175, result.skipped().stream().filter(SkippedOperation::excluded).count());
    }
}
