package dev.mcpgateway.openapi.select;

import java.util.regex.Pattern;

/**
 * Glob to regex. In paths {@code *} stays within one segment and {@code **} crosses segments; elsewhere
 * {@code *} matches anything. Names compare case-insensitively, paths exactly.
 */
final class Glob {

    private Glob() {
    }

    static Pattern compile(String glob, boolean path) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                if (doubleStar) {
                    i++;
                }
                regex.append(path && !doubleStar ? "[^/]*" : ".*");
            } else if (c == '?') {
                regex.append(path ? "[^/]" : ".");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return path ? Pattern.compile(regex.toString())
                : Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
