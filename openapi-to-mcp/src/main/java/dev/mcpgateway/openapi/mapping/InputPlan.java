package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.openapi.http.BodyBinding;
import dev.mcpgateway.openapi.http.ConstantParameter;
import dev.mcpgateway.openapi.http.ParameterBinding;
import java.util.List;
import java.util.Optional;

/** A tool's inputSchema together with where each of its arguments goes on the wire. */
record InputPlan(ObjectNode inputSchema, List<ParameterBinding> parameters, Optional<BodyBinding> body,
                 List<ConstantParameter> constants) {
}
