package dev.mcpgateway.gateway.resource;

import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * APIM's list parameters: {@code $top}, {@code $skip} and a {@code $filter} on names ({@code name eq 'x'},
 * {@code startswith(name,'x')}, {@code endswith(name,'x')}, {@code contains(name,'x')}, joined by {@code and}/{@code or}).
 * {@code displayName} may stand for {@code name}; other filter fields are refused, naming them.
 */
public record ListQuery(int top, int skip, Predicate<Resource> filter) {

    public static final int MAX_TOP = 100;

    private static final Pattern CLAUSE = Pattern.compile(
            "\\s*(?:(name|displayName)\\s+(eq|ne)\\s+'((?:[^']|'')*)'"
                    + "|(startswith|endswith|contains)\\(\\s*(name|displayName)\\s*,\\s*'((?:[^']|'')*)'\\s*\\))\\s*");
    private static final Pattern JOIN = Pattern.compile("(?i)(and|or)\\s+");

    public static ListQuery parse(String top, String skip, String filter) throws InvalidDefinitionException {
        return new ListQuery(number("$top", top, MAX_TOP, 1, MAX_TOP), number("$skip", skip, 0, 0, Integer.MAX_VALUE),
                filter == null || filter.isBlank() ? r -> true : filter(filter));
    }

    /** One page of the matching resources, and the {@code $skip} of the next page if there is one. */
    public Page page(List<Resource> resources) {
        List<Resource> matching = resources.stream().filter(filter).toList();
        int from = Math.min(skip, matching.size());
        int to = Math.min(from + top, matching.size());
        return new Page(matching.subList(from, to), to < matching.size() ? to : -1);
    }

    /** @param nextSkip the {@code $skip} of the following page, or -1 when this is the last one */
    public record Page(List<Resource> items, int nextSkip) {
    }

    private static int number(String field, String text, int fallback, int min, int max)
            throws InvalidDefinitionException {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidDefinitionException(field, "must be a whole number from " + min + " to " + max);
        }
    }

    /** Clauses read in turn, so a quoted value may hold " and "; {@code and} binds tighter than {@code or}. */
    private static Predicate<Resource> filter(String text) throws InvalidDefinitionException {
        Matcher clause = CLAUSE.matcher(text);
        Matcher join = JOIN.matcher(text);
        Predicate<Resource> any = null;
        Predicate<Resource> all = null;
        int at = 0;
        while (true) {
            if (!clause.region(at, text.length()).lookingAt()) {
                throw unsupported();
            }
            Predicate<Resource> next = clause(clause);
            all = all == null ? next : all.and(next);
            at = clause.end();
            if (at == text.length()) {
                return any == null ? all : any.or(all);
            }
            if (!join.region(at, text.length()).lookingAt()) {
                throw unsupported();
            }
            if (join.group(1).equalsIgnoreCase("or")) {
                any = any == null ? all : any.or(all);
                all = null;
            }
            at = join.end();
        }
    }

    private static InvalidDefinitionException unsupported() {
        return new InvalidDefinitionException("$filter", "supports name eq|ne 'x', startswith(name,'x'),"
                + " endswith(name,'x') and contains(name,'x'), joined by and/or");
    }

    private static Predicate<Resource> clause(Matcher m) {
        if (m.group(1) != null) {
            String value = m.group(3).replace("''", "'");
            boolean equal = m.group(2).equals("eq");
            String field = m.group(1);
            return r -> nameOf(r, field).equalsIgnoreCase(value) == equal;
        }
        String value = m.group(6).replace("''", "'").toLowerCase(Locale.ROOT);
        String function = m.group(4);
        String field = m.group(5);
        return r -> {
            String name = nameOf(r, field).toLowerCase(Locale.ROOT);
            return switch (function) {
                case "startswith" -> name.startsWith(value);
                case "endswith" -> name.endsWith(value);
                default -> name.contains(value);
            };
        };
    }

    private static String nameOf(Resource resource, String field) {
        String name = field.equals("displayName") ? resource.text("displayName") : null;
        return name != null ? name : resource.id().substring(resource.id().lastIndexOf('/') + 1);
    }
}
