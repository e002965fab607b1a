package dev.mcpgateway.openapi.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names tool arguments so that nothing is lost when a path, query, header or cookie parameter and a body property
 * share a name: the body property keeps the plain name, the parameters get {@code __path}, {@code __query}, ...
 * Names are also made safe for the strictest function-calling APIs ({@code [A-Za-z0-9_.-]}, at most 64).
 */
final class ArgumentNamer {

    static final int MAX_LENGTH = 64;
    private static final Pattern INVALID = Pattern.compile("[^A-Za-z0-9_.-]+");

    /** Where a candidate argument comes from; BODY means a body property or a whole-body argument. */
    enum Origin { PATH, QUERY, HEADER, COOKIE, BODY }

    record Candidate(String raw, Origin origin) {
    }

    private ArgumentNamer() {
    }

    static List<String> name(List<Candidate> candidates) {
        Map<String, Integer> counts = new HashMap<>();
        for (Candidate c : candidates) {
            counts.merge(sanitize(c.raw()), 1, Integer::sum);
        }
        Set<String> used = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (Candidate c : candidates) {
            String base = sanitize(c.raw());
            String name = counts.get(base) > 1 && c.origin() != Origin.BODY
                    ? base + "__" + c.origin().name().toLowerCase(Locale.ROOT) : base;
            names.add(unique(name, used));
        }
        return names;
    }

    static String sanitize(String raw) {
        String s = INVALID.matcher(raw).replaceAll("_");
        while (s.length() > 1 && s.endsWith("_")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty() || s.equals("_")) {
            s = "arg";
        }
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) : s;
    }

    private static String unique(String name, Set<String> used) {
        String candidate = name;
        for (int i = 2; !used.add(candidate); i++) {
            String suffix = "_" + i;
            candidate = (name.length() + suffix.length() > MAX_LENGTH
                    ? name.substring(0, MAX_LENGTH - suffix.length()) : name) + suffix;
        }
        return candidate;
    }
}
