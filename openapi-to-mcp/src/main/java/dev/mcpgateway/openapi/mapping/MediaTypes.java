package dev.mcpgateway.openapi.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Media type matching and classification for request bodies. */
final class MediaTypes {

    private MediaTypes() {
    }

    static String essence(String mediaType) {
        int semi = mediaType.indexOf(';');
        return (semi < 0 ? mediaType : mediaType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** The first declared media type matching the earliest preference (globs such as {@code *}{@code /*+json}). */
    static Optional<String> choose(List<String> declared, List<String> preference) {
        for (String wanted : preference) {
            for (String candidate : declared) {
                if (matches(wanted, essence(candidate))) {
                    return Optional.of(candidate);
                }
            }
        }
        return declared.isEmpty() ? Optional.empty() : Optional.of(declared.getFirst());
    }

    static boolean matches(String pattern, String essence) {
        String regex = java.util.regex.Pattern.quote(pattern.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q");
        return essence.matches(regex);
    }

    static boolean isJson(String essence) {
        return essence.equals("application/json") || essence.endsWith("+json") || essence.equals("text/json");
    }

    static boolean isForm(String essence) {
        return essence.equals("application/x-www-form-urlencoded") || essence.startsWith("multipart/");
    }

    /** Bodies carried as text in a tool argument. */
    static boolean isText(String essence) {
        return essence.startsWith("text/") || essence.equals("application/xml") || essence.endsWith("+xml")
                || essence.equals("application/x-ndjson") || essence.equals("application/graphql");
    }

    /** Everything else travels as bytes, base64 in the tool argument. */
    static boolean isBinary(String essence) {
        return !isJson(essence) && !isForm(essence) && !isText(essence);
    }
}
