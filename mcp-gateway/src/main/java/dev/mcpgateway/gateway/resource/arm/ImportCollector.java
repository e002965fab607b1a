package dev.mcpgateway.gateway.resource.arm;

import dev.mcpgateway.gateway.resource.arm.ImportOutcome.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gathers resources and report lines in document order; a resource declared again replaces the earlier one. */
final class ImportCollector {

    static final String DECLARED_TWICE = "declared twice; the later declaration is used";

    private record Key(String collection, String parentId, String id) {
    }

    private final Map<Key, ImportedResource> resources = new LinkedHashMap<>();
    private final Map<Key, Integer> reportLines = new HashMap<>();
    private final List<ImportOutcome> report = new ArrayList<>();

    void take(ImportedResource resource, ImportOutcome outcome) {
        Key key = new Key(resource.collection(), resource.parentId(), resource.id());
        Integer earlier = reportLines.put(key, report.size());
        if (earlier != null) {
            ImportOutcome replaced = report.get(earlier);
            report.set(earlier, new ImportOutcome(Outcome.LEFT_OUT, replaced.armType(), replaced.name(),
                    DECLARED_TWICE));
            resources.remove(key);
        }
        resources.put(key, resource);
        report.add(outcome);
    }

    void leftOut(String armType, String name, String reason) {
        report.add(new ImportOutcome(Outcome.LEFT_OUT, armType, name, reason));
    }

    ArmImport result() {
        return new ArmImport(List.copyOf(resources.values()), report);
    }
}
