package dev.mcpgateway.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Collects the findings of one import and groups equal ones (same code, message and fix) into one
 * {@link ImportWarning} naming every operation concerned, in the order first seen. Not thread-safe: one per import.
 */
final class ImportReport {

    private record Key(String code, String message, String fix) {
    }

    private final Map<Key, LinkedHashSet<String>> groups = new LinkedHashMap<>();

    /** A finding about one operation. */
    void add(String operation, ImportWarning finding) {
        var operations = groups.computeIfAbsent(new Key(finding.code(), finding.message(), finding.fix()),
                k -> new LinkedHashSet<>());
        if (operation != null) {
            operations.add(operation);
        }
    }

    /** A finding about the document as a whole. */
    void add(ImportWarning finding) {
        add(null, finding);
    }

    List<ImportWarning> warnings() {
        List<ImportWarning> out = new ArrayList<>();
        groups.forEach((key, operations) -> out.add(new ImportWarning(key.code(), key.message(), List.copyOf(operations),
                key.fix())));
        return out;
    }
}
