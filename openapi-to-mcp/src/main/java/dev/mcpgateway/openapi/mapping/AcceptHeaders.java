package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.openapi.http.ResponseBinding;
import dev.mcpgateway.openapi.schema.SchemaDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code Accept} header of an operation's requests, compiled once at import from the media types its success
 * responses declare (2xx in status order, then {@code default}), so that a backend that negotiates answers in a
 * form the tool can render. JSON first, because it becomes structuredContent:
 * <ul>
 *   <li>JSON types ({@code application/json}, {@code +json}) without a q value, in declared order;</li>
 *   <li>other concrete types at {@code q=0.9}, in declared order;</li>
 *   <li>ranges ({@code text/*}, and {@code *}{@code /*}) at {@code q=0.8}.</li>
 * </ul>
 * The first group present carries no q value. When {@code *}{@code /*} is declared and no JSON type is, or when
 * nothing is declared at all, {@code application/json} leads: such backends pick JSON when they can.
 * One instance per import; equal values are shared between operations.
 */
final class AcceptHeaders {

    /** What an operation that declares no response media type sends. */
    static final String UNDECLARED = ResponseBinding.DEFAULT_ACCEPT;
    static final String OTHER_Q = ";q=0.9";
    static final String RANGE_Q = ";q=0.8";

    /** RFC 9110 token characters on each side of the slash ({@code *} only for ranges). */
    private static final Pattern MEDIA_RANGE = Pattern.compile("[a-z0-9!#$%&'*+.^_`|~-]+/[a-z0-9!#$%&'*+.^_`|~-]+");

    private final Map<String, String> shared = new HashMap<>();

    /** The Accept value for an operation; unusable declared media types are left out with a warning. */
    String forOperation(SchemaDocument document, OperationRef op, List<String> warnings) {
        String value = build(declaredSuccessTypes(document, op), warnings);
        return shared.computeIfAbsent(value, v -> v);
    }

    /** The media types of the 2xx responses (exact codes in order, then {@code 2XX}) and then {@code default}. */
    static List<String> declaredSuccessTypes(SchemaDocument document, OperationRef op) {
        JsonNode responses = op.operation().path("responses");
        List<String> codes = new ArrayList<>();
        responses.properties().forEach(e -> {
            if (e.getKey().startsWith("2")) {
                codes.add(e.getKey());
            }
        });
        codes.sort(Comparator.comparing((String c) -> c.toUpperCase(Locale.ROOT).endsWith("XX"))
                .thenComparing(c -> c));
        if (responses.has("default")) {
            codes.add("default");
        }
        List<String> types = new ArrayList<>();
        for (String code : codes) {
            JsonNode response = OperationWalker.resolve(document, responses.get(code));
            response.path("content").properties().forEach(e -> types.add(e.getKey()));
        }
        return types;
    }

    /** The header value for these declared media types (as written in the spec, parameters allowed). */
    static String build(List<String> declared, List<String> warnings) {
        Set<String> json = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        Set<String> ranges = new LinkedHashSet<>();
        boolean any = declared.isEmpty();
        for (String raw : declared) {
            String essence = MediaTypes.essence(raw);
            if (!MEDIA_RANGE.matcher(essence).matches() || essence.startsWith("*/") && !essence.equals("*/*")) {
                warnings.add("response media type '" + raw + "' is not a valid media type; left out of Accept");
                continue;
            }
            String subtype = essence.substring(essence.indexOf('/') + 1);
            if (essence.equals("*/*")) {
                any = true;
            } else if (MediaTypes.isJson(essence) && !subtype.contains("*")) {
                json.add(essence);
            } else if (subtype.endsWith("*+json")) {
                json.add("application/json"); // application/*+json: any JSON will do, and plain JSON is the common one
            } else if (subtype.contains("*")) {
                ranges.add(essence.substring(0, essence.indexOf('/')) + "/*");
            } else {
                others.add(essence);
            }
        }
        if (any && json.isEmpty()) {
            json.add("application/json");
        }
        if (any) {
            ranges.add("*/*");
        }
        List<String> parts = new ArrayList<>(json);
        String otherQ = parts.isEmpty() ? "" : OTHER_Q;
        others.forEach(t -> parts.add(t + otherQ));
        String rangeQ = parts.isEmpty() ? "" : RANGE_Q;
        ranges.forEach(r -> parts.add(r + rangeQ));
        return parts.isEmpty() ? UNDECLARED : String.join(", ", parts);
    }
}
