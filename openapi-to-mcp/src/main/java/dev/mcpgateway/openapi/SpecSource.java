package dev.mcpgateway.openapi;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a spec comes from. Relative {@code $ref}s and relative server URLs resolve against {@link #location()}:
 * the file, the URL, or for inline text an optional base location the caller names.
 */
public sealed interface SpecSource {

    /** Absolute location (file URI or http(s) URL) relative references resolve against, if any. */
    Optional<URI> location();

    static SpecSource file(Path path) {
        return new FileSource(path);
    }

    static SpecSource url(String url) {
        return new UrlSource(URI.create(url));
    }

    static SpecSource inline(String text) {
        return new InlineSource(text, null);
    }

    static SpecSource inline(String text, URI baseLocation) {
        return new InlineSource(text, baseLocation);
    }

    /** A path or an http(s) URL, as typed on a command line. */
    static SpecSource of(String pathOrUrl) {
        String lower = pathOrUrl.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return url(pathOrUrl);
        }
        if (lower.startsWith("file:")) {
            return file(Path.of(URI.create(pathOrUrl)));
        }
        return file(Path.of(pathOrUrl));
    }

    record FileSource(Path path) implements SpecSource {
        public FileSource {
            path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
        }

        @Override
        public Optional<URI> location() {
            return Optional.of(path.toUri());
        }
    }

    record UrlSource(URI url) implements SpecSource {
        public UrlSource {
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("spec URL must be http or https: " + url);
            }
        }

        @Override
        public Optional<URI> location() {
            return Optional.of(url);
        }
    }

    record InlineSource(String text, URI baseLocation) implements SpecSource {
        public InlineSource {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public Optional<URI> location() {
            return Optional.ofNullable(baseLocation);
        }

        @Override
        public String toString() {
            return "InlineSource[" + text.length() + " chars, base=" + baseLocation + "]";
        }
    }
}
