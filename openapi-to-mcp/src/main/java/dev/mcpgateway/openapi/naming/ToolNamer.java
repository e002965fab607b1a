package dev.mcpgateway.openapi.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gives each operation a tool name valid for MCP ({@code [A-Za-z0-9_.-]}) within a length budget that includes
 * the server prefix. A name that has to be shortened keeps its readable start and gets a short hash of the
 * original id, so two long ids sharing a prefix stay apart and a re-import gives the same name. One namer per
 * import: it remembers the names it gave to keep them unique. See docs/adr/0001-tool-naming.md.
 */
public final class ToolNamer {

    static final int HASH_LENGTH = 8;
    /** Longest variant suffix; a longer variant name keeps its start and gets a hash. */
    static final int MAX_VARIANT_LENGTH = 24;
    private static final Pattern INVALID = Pattern.compile("[^A-Za-z0-9_.-]+");
    private static final Pattern REPEATED_UNDERSCORE = Pattern.compile("_{2,}");

    private final String prefix;
    private final int budget;
    private final Set<String> taken = new HashSet<>();

    public ToolNamer(String prefix, int maxLength) {
        this.prefix = prefix == null ? "" : prefix;
        this.budget = maxLength - this.prefix.length();
        if (budget < HASH_LENGTH + 4) {
            throw new IllegalArgumentException("no room for tool names after prefix '" + prefix + "'");
        }
    }

    /**
     * The unique tool name for an operation.
     *
     * @param wanted   the override, {@code x-mcp-tool-name} or operationId; null to derive from method and path
     * @param method   HTTP method, for derived names and to tell colliding operations apart
     * @param path     path template
     */
    public String name(String wanted, String method, String path) {
        String original = wanted != null && !wanted.isBlank() ? wanted : derive(method, path);
        return unique(fit(sanitize(original), original, budget), original, method, path);
    }

    /**
     * The unique tool name for one request body variant of an operation: the operation's name, {@code _} and the
     * variant's name (cut to {@value #MAX_VARIANT_LENGTH} characters), the operation's part shortened first so the
     * variant stays readable.
     */
    public String variantName(String wanted, String method, String path, String variant) {
        String original = wanted != null && !wanted.isBlank() ? wanted : derive(method, path);
        String suffix = sanitize(variant);
        if (suffix.length() > MAX_VARIANT_LENGTH) {
            suffix = trim(suffix.substring(0, MAX_VARIANT_LENGTH - HASH_LENGTH - 1)) + "_" + hash(variant);
        }
        String identity = original + "#" + variant;
        int room = budget - suffix.length() - 1;
        if (room < HASH_LENGTH + 4) {
            // a tight budget: no room for both readable parts
            return unique(withHash(sanitize(original + "_" + variant), identity), identity, method, path);
        }
        return unique(fit(sanitize(original), original, room) + "_" + suffix, identity, method, path);
    }

    private String unique(String name, String original, String method, String path) {
        if (!taken.add(name)) {
            // a second operation with the same name: its method and path are unique in the spec, so hash those
            String identity = method.toUpperCase(Locale.ROOT) + " " + path + " " + original;
            name = withHash(sanitize(original), identity);
            for (int i = 2; !taken.add(name); i++) {
                name = withHash(sanitize(original), identity + "#" + i);
            }
        }
        return prefix + name;
    }

    /** Gives a name back when its operation did not become a tool after all. */
    public void release(String name) {
        taken.remove(name.substring(prefix.length()));
    }

    /** {@code GET /pets/{petId}/photos} becomes {@code get_pets_petId_photos}. */
    static String derive(String method, String path) {
        String p = path.replace("{", "").replace("}", "");
        boolean root = p.chars().noneMatch(Character::isLetterOrDigit);
        return method.toLowerCase(Locale.ROOT) + "_" + (root ? "root" : sanitize(p));
    }

    static String sanitize(String raw) {
        String s = INVALID.matcher(raw.strip()).replaceAll("_");
        s = REPEATED_UNDERSCORE.matcher(s).replaceAll("_");
        s = trim(s);
        return s.isEmpty() ? "operation" : s;
    }

    private String fit(String sanitized, String original, int room) {
        return sanitized.length() <= room ? sanitized : withHash(sanitized, original, room);
    }

    /** Readable head cut at a word boundary when one is near, then {@code _} and the hash. */
    private String withHash(String sanitized, String hashed) {
        return withHash(sanitized, hashed, budget);
    }

    private static String withHash(String sanitized, String hashed, int total) {
        int room = total - HASH_LENGTH - 1;
        String head = sanitized.length() <= room ? sanitized : cutAtBoundary(sanitized, room);
        return trim(head) + "_" + hash(hashed);
    }

    private static String cutAtBoundary(String s, int room) {
        for (int i = room; i > room - 12 && i > 0; i--) {
            char c = s.charAt(i);
            boolean camelBoundary = Character.isUpperCase(c) && Character.isLowerCase(s.charAt(i - 1));
            if (c == '_' || c == '-' || c == '.' || camelBoundary) {
                return s.substring(0, i);
            }
        }
        return s.substring(0, room);
    }

    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && "_-.".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && "_-.".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    static String hash(String original) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(original.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
