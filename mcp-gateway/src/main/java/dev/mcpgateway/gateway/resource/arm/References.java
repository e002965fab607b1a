package dev.mcpgateway.gateway.resource.arm;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Shortens references to other resources to the admin form ({@code /backends/x}, {@code /apis/x},
 * {@code /products/x}): API Management accepts the short form, a full ARM id, or (from templates that paste ids
 * together) anything that ends in one of them.
 */
final class References {

    private References() {
    }

    static String backend(String field, String reference) throws UnresolvableException {
        return named(field, reference, "backends", "a backend");
    }

    static String api(String field, String reference) throws UnresolvableException {
        return named(field, reference, "apis", "an API");
    }

    static String user(String field, String reference) throws UnresolvableException {
        return named(field, reference, "users", "a user");
    }

    /** {@code /apis/a/operations/o}; a bare name would not say which API. */
    static String operation(String field, String reference) throws UnresolvableException {
        List<String> segments = segments(reference);
        int n = segments.size();
        if (n >= 4 && segments.get(n - 4).equalsIgnoreCase("apis")
                && segments.get(n - 2).equalsIgnoreCase("operations")) {
            return "/apis/" + segments.get(n - 3) + "/operations/" + segments.get(n - 1);
        }
        throw notA(field, reference, "an operation", "/apis/{api}/operations/{operation}");
    }

    /** {@code /apis} (every API), {@code /apis/x} or {@code /products/x}. */
    static String subscriptionScope(String field, String reference) throws UnresolvableException {
        List<String> segments = segments(reference);
        int n = segments.size();
        if (n >= 2 && (segments.get(n - 2).equalsIgnoreCase("apis")
                || segments.get(n - 2).equalsIgnoreCase("products"))) {
            return "/" + segments.get(n - 2).toLowerCase(Locale.ROOT) + "/" + segments.get(n - 1);
        }
        if (n >= 1 && segments.get(n - 1).equalsIgnoreCase("apis")) {
            return "/apis";
        }
        throw notA(field, reference, "a subscription scope", "/apis, /apis/{api} or /products/{product}");
    }

    private static String named(String field, String reference, String collection, String what)
            throws UnresolvableException {
        return dev.mcpgateway.gateway.resource.References.idOf(reference, collection, true)
                .map(id -> "/" + collection + "/" + id)
                .orElseThrow(() -> notA(field, reference, what, "/" + collection + "/{name}"));
    }

    private static List<String> segments(String reference) {
        return Arrays.stream(reference.split("/")).filter(segment -> !segment.isBlank()).toList();
    }

    private static UnresolvableException notA(String field, String reference, String what, String shape) {
        return new UnresolvableException(field + " '" + reference + "' is not a reference to " + what
                + "; give " + shape + ", or a full resource id that ends so");
    }
}
