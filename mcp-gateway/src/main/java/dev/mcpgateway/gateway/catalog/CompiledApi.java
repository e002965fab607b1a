package dev.mcpgateway.gateway.catalog;

import dev.mcpgateway.gateway.config.ApiDefinition;
import dev.mcpgateway.gateway.execution.ApiBackend;
import dev.mcpgateway.openapi.ImportWarning;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An API after import: immutable, so serving a call never re-reads the spec and a re-import swaps it whole.
 *
 * @param definition what was declared
 * @param title      the spec's info.title
 * @param version    the spec's info.version
 * @param operations operations that became tools, in the importer's deterministic order
 * @param skipped    operations that did not, with the reason
 * @param warnings   the import report (ignored parameters, schema approximations, skips, missing credentials),
 *                   grouped with the operations concerned and the fix
 * @param backend    where and how calls go
 */
public record CompiledApi(ApiDefinition definition, String title, String version, List<CompiledOperation> operations,
                          List<Skipped> skipped, List<ImportWarning> warnings, ApiBackend backend) {

    /** An operation that was not turned into a tool. */
    public record Skipped(String operation, String reason) {
    }

    public CompiledApi {
        operations = List.copyOf(operations);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    public String apiId() {
        return definition.apiId();
    }

    public Optional<CompiledOperation> operation(String operationId) {
        return operations.stream().filter(o -> o.operationId().equals(operationId)).findFirst();
    }

    /** Operations by id, in order. */
    public Map<String, CompiledOperation> operationsById() {
        Map<String, CompiledOperation> byId = new LinkedHashMap<>();
        operations.forEach(o -> byId.put(o.operationId(), o));
        return byId;
    }
}
