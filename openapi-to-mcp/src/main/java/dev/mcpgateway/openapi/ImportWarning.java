package dev.mcpgateway.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One finding of the import report: what was not kept as the spec says, which operations it concerns, and what the
 * operator can do about it. Repeated findings are grouped: one warning naming 300 operations, not 300 warnings.
 *
 * @param code       stable identifier of the kind of finding (see {@link #IGNORED_PARAMETER} and the others)
 * @param message    what happened, in words, without operation names
 * @param operations the operations concerned (operationId, else {@code "METHOD /path"}), in spec order; empty for
 *                   findings about the document as a whole
 * @param fix        what to do about it, or null when there is nothing to do
 */
public record ImportWarning(String code, String message, List<String> operations, String fix) {

    /** A header OpenAPI says tools ignore (Authorization, Accept, Content-Type), or another parameter left out. */
    public static final String IGNORED_PARAMETER = "ignored-parameter";
    /** A parameter that carries a credential of the operation's security scheme: the gateway sends it. */
    public static final String CREDENTIAL_PARAMETER = "credential-parameter";
    /** A schema cut at the depth or size cap; the rest is accepted unchecked. */
    public static final String SCHEMA_CAP = "schema-cap";
    /** A schema kept approximately (a pattern rewritten or dropped, an unresolved reference...). */
    public static final String SCHEMA = "schema";
    /** Any other approximation of the conversion (styles, servers, security, bodies, media types). */
    public static final String CONVERSION = "conversion";
    /** An operation that did not become a tool; the message is the reason. */
    public static final String SKIPPED_OPERATION = "skipped-operation";
    /** A remark of the spec parser about the document. */
    public static final String SPEC = "spec";

    /** How many operation names a rendering shows before "and N more". */
    public static final int NAMES_SHOWN = 10;

    public ImportWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        operations = List.copyOf(operations);
    }

    /** A finding not yet attached to operations. */
    public static ImportWarning of(String code, String message, String fix) {
        return new ImportWarning(code, message, List.of(), fix);
    }

    /** At most {@link #NAMES_SHOWN} operation names. */
    public List<String> operationsShown() {
        return operations.size() <= NAMES_SHOWN ? operations : operations.subList(0, NAMES_SHOWN);
    }

    /**
     * The form admin and CLI JSON show: {@code code}, {@code message}, {@code operationCount}, {@code operations}
     * (at most {@link #NAMES_SHOWN}) and {@code fix} when there is one, in that order.
     */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("code", code);
        summary.put("message", message);
        summary.put("operationCount", operations.size());
        summary.put("operations", operationsShown());
        if (fix != null) {
            summary.put("fix", fix);
        }
        return summary;
    }

    /** One line: the message, the operations (at most ten, then "and N more") and the fix. */
    public String render() {
        StringBuilder line = new StringBuilder(message);
        if (!operations.isEmpty()) {
            line.append(" (").append(operations.size() == 1 ? "operation " : operations.size() + " operations: ")
                    .append(String.join(", ", operationsShown()));
            if (operations.size() > NAMES_SHOWN) {
                line.append(" and ").append(operations.size() - NAMES_SHOWN).append(" more");
            }
            line.append(')');
        }
        if (fix != null) {
            line.append(". Fix: ").append(fix);
        }
        return line.toString();
    }
}
