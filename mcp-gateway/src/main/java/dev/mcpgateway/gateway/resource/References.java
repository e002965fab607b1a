package dev.mcpgateway.gateway.resource;

import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import java.util.Optional;

/**
 * Reads references the way APIM writes them: the short form {@code /backends/b1}, a full ARM id
 * ({@code /subscriptions/…/providers/Microsoft.ApiManagement/service/svc/backends/b1}) or, where a bare name is
 * customary (a pool's member), just {@code b1}. Only the trailing {@code <collection>/<id>} matters here.
 */
public final class References {

    private References() {
    }

    /**
     * The id a reference names, if it names a resource of {@code kind}.
     *
     * @param bareAllowed whether a plain name without a path counts
     */
    public static Optional<String> idOf(String reference, ResourceKind kind, boolean bareAllowed) {
        return idOf(reference, kind.armType().substring(kind.armType().lastIndexOf('/') + 1), bareAllowed);
    }

    /**
     * The id a reference names in {@code collection} (APIM's segment: {@code backends}, {@code users}, ...), the
     * segment compared without case as ARM does.
     */
    public static Optional<String> idOf(String reference, String collection, boolean bareAllowed) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String text = reference.strip();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        int last = text.lastIndexOf('/');
        if (last < 0) {
            return bareAllowed ? Optional.of(text) : Optional.empty();
        }
        String head = text.substring(0, last).toLowerCase(java.util.Locale.ROOT);
        String segment = "/" + collection.toLowerCase(java.util.Locale.ROOT);
        return head.endsWith(segment) && last + 1 < text.length() ? Optional.of(text.substring(last + 1))
                : Optional.empty();
    }

    /** The id in a reference as this gateway stores it ({@code /backends/b1}: {@code b1}). */
    public static String idIn(String shortReference) {
        return shortReference.substring(shortReference.lastIndexOf('/') + 1);
    }

    /** The id a required reference names, or an error naming the field and the expected form. */
    public static String require(String reference, ResourceKind kind, boolean bareAllowed, String field)
            throws InvalidDefinitionException {
        return idOf(reference, kind, bareAllowed).orElseThrow(() -> new InvalidDefinitionException(field,
                "must name a " + kind.noun() + " as /" + kind.collection() + "/{id}"
                        + (bareAllowed ? " or by its id" : "") + ", or by its full ARM resource id"));
    }
}
