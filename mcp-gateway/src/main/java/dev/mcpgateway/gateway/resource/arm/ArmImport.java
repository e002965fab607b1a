package dev.mcpgateway.gateway.resource.arm;

import java.util.List;

/**
 * What an API Management export became: the resources to store, in the order they were declared, and one report
 * line per resource found in the document, also in document order.
 */
public record ArmImport(List<ImportedResource> resources, List<ImportOutcome> report) {

    public ArmImport {
        resources = List.copyOf(resources);
        report = List.copyOf(report);
    }
}
