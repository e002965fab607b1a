package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.openapi.ImportWarning;
import dev.mcpgateway.openapi.PinnedParameter;
import dev.mcpgateway.openapi.http.ConstantParameter;
import dev.mcpgateway.openapi.http.ParameterLocation;
import dev.mcpgateway.openapi.http.SecurityRequirement;
import dev.mcpgateway.openapi.http.SecurityScheme;
import dev.mcpgateway.openapi.http.SecuritySchemeType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which declared parameters the model sees: credentials (apiKey parameters re-declared as parameters) are
 * the gateway's business, pinned and single-valued required parameters become constants, and path parameters are
 * reconciled with the path template (a placeholder with no declaration gets a required string argument).
 */
final class ParameterFilter {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]+)}");

    record Result(List<SpecParameter> visible, List<ConstantParameter> constants) {
    }

    private ParameterFilter() {
    }

    static Result filter(OperationRef op, List<SpecParameter> declared, List<PinnedParameter> pinned,
                         List<SecurityRequirement> security, List<ImportWarning> findings) {
        List<SpecParameter> visible = new ArrayList<>();
        List<ConstantParameter> constants = new ArrayList<>();
        Set<String> placeholders = placeholders(op.path());
        for (SpecParameter p : declared) {
            if (p.in() == ParameterLocation.PATH && !placeholders.contains(p.name())) {
                findings.add(ImportWarning.of(ImportWarning.IGNORED_PARAMETER, "path parameter " + p.name()
                        + " is not in the path template; ignored", "fix the spec: put {" + p.name()
                        + "} in the path or declare the parameter in the query"));
                continue;
            }
            String scheme = credentialScheme(p, security);
            if (scheme != null) {
                findings.add(ImportWarning.of(ImportWarning.CREDENTIAL_PARAMETER, p.in().name().toLowerCase(Locale.ROOT)
                        + " parameter " + p.name() + " is the key of security scheme " + scheme
                        + ", not a tool argument", "configure credentials on the API; the gateway sends the key"));
                continue;
            }
            String constant = pinnedValue(p, pinned);
            if (constant == null && p.required()) {
                constant = singleValue(p.schema());
            }
            if (constant != null) {
                constants.add(new ConstantParameter(p.in(), p.name(), constant));
                continue;
            }
            visible.add(p);
        }
        for (String placeholder : placeholders) {
            boolean bound = visible.stream().anyMatch(p -> p.in() == ParameterLocation.PATH && p.name().equals(placeholder))
                    || constants.stream().anyMatch(c -> c.in() == ParameterLocation.PATH && c.wireName().equals(placeholder));
            if (!bound) {
                findings.add(ImportWarning.of(ImportWarning.CONVERSION, "path placeholder {" + placeholder
                        + "} has no declared parameter; added as a string", null));
                ObjectNode node = JsonNodeFactory.instance.objectNode().put("name", placeholder).put("in", "path")
                        .put("required", true);
                node.putObject("schema").put("type", "string");
                visible.add(new SpecParameter(placeholder, ParameterLocation.PATH, node));
            }
        }
        return new Result(visible, constants);
    }

    private static Set<String> placeholders(String path) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The name of the apiKey scheme this parameter carries the key of, null when it is an ordinary parameter. */
    private static String credentialScheme(SpecParameter p, List<SecurityRequirement> security) {
        for (SecurityRequirement requirement : security) {
            for (SecurityScheme scheme : requirement.schemes()) {
                if (scheme.type() == SecuritySchemeType.API_KEY && scheme.in() == p.in()
                        && (p.in() == ParameterLocation.HEADER ? scheme.parameterName().equalsIgnoreCase(p.name())
                        : scheme.parameterName().equals(p.name()))) {
                    return scheme.name();
                }
            }
        }
        return null;
    }

    private static String pinnedValue(SpecParameter p, List<PinnedParameter> pinned) {
        String in = p.in().name().toLowerCase(Locale.ROOT);
        return pinned.stream().filter(pin -> pin.matches(in, p.name())).map(PinnedParameter::value)
                .findFirst().orElse(null);
    }

    /** A required parameter with exactly one allowed scalar value leaves the model nothing to choose. */
    private static String singleValue(JsonNode schema) {
        JsonNode constant = schema.get("const");
        if (constant != null && constant.isValueNode() && !constant.isNull()) {
            return constant.asText();
        }
        JsonNode values = schema.get("enum");
        if (values != null && values.isArray() && values.size() == 1 && values.get(0).isValueNode()
                && !values.get(0).isNull()) {
            return values.get(0).asText();
        }
        return null;
    }
}
