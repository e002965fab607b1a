package dev.mcpgateway.gateway.resource.apim;

import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.resource.ManagementState;
import dev.mcpgateway.gateway.resource.PreconditionFailedException;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.arm.ImportOutcome;
import dev.mcpgateway.gateway.resource.arm.ImportOutcome.Outcome;
import dev.mcpgateway.gateway.state.GatewayState;
import dev.mcpgateway.gateway.state.ResourceConflictException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an {@link ImportPlan} through {@code /admin}: each resource is written on its own, as a PUT would write
 * it, so one that does not check out is left out with its reason and the rest still land. The report says, line by
 * line, what was taken, kept or left out.
 */
public final class ImportApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ImportApplier.class);

    private final ManagementState state;
    private final GatewayState tools;

    public ImportApplier(ManagementState state, GatewayState tools) {
        this.state = state;
        this.tools = tools;
    }

    public List<ImportOutcome> apply(ImportPlan plan) {
        List<ImportOutcome> report = new ArrayList<>();
        List<ImportPlan.Item<Resource>> namedValues = plan.resources().stream()
                .filter(i -> i.value().kind() == ResourceKind.NAMED_VALUES).toList();
        namedValues.forEach(item -> report.add(write(item)));
        // OpenAPI-described APIs may refer to named values, and products may link them
        plan.httpApis().forEach(item -> report.add(attempt(item.outcome(), () -> tools.putApi(item.value()))));
        plan.mcpServers().forEach(item -> report.add(attempt(item.outcome(), () -> tools.putServer(item.value()))));
        plan.resources().stream().filter(i -> i.value().kind() != ResourceKind.NAMED_VALUES)
                .forEach(item -> report.add(write(item)));
        report.addAll(plan.leftOut());
        return report;
    }

    private ImportOutcome write(ImportPlan.Item<Resource> item) {
        Resource r = item.value();
        return attempt(item.outcome(), () -> state.put(r.kind(), r.id(), r.copyOfProperties(), null));
    }

    private static ImportOutcome attempt(ImportOutcome outcome, Write write) {
        try {
            write.run();
            return outcome;
        } catch (InvalidDefinitionException e) {
            return leftOut(outcome, e.field() + ": " + e.getMessage());
        } catch (ResourceConflictException | PreconditionFailedException e) {
            return leftOut(outcome, e.getMessage());
        } catch (IOException e) {
            LOG.error("an imported resource could not be stored", e);
            return leftOut(outcome, "could not be stored; nothing of it was applied");
        }
    }

    private static ImportOutcome leftOut(ImportOutcome outcome, String reason) {
        return new ImportOutcome(Outcome.LEFT_OUT, outcome.armType(), outcome.name(), reason);
    }

    @FunctionalInterface
    private interface Write {
        void run() throws InvalidDefinitionException, ResourceConflictException, PreconditionFailedException,
                IOException;
    }
}
