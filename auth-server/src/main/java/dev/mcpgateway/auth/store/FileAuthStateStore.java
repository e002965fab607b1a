package dev.mcpgateway.auth.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * One file per value under {@code <dataDir>/<namespace>/}. The first line holds the expiry (epoch millis, 0 =
 * never). Writes go through a temp file and an atomic rename; {@link #take} renames the file away first, so a
 * second taker (thread or process) finds nothing.
 */
public final class FileAuthStateStore implements AuthStateStore {

    private final Path root;
    private final Clock clock;

    public FileAuthStateStore(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    @Override
    public void put(String namespace, String key, String value, Duration ttl) {
        long expiry = ttl == null ? 0 : clock.millis() + ttl.toMillis();
        Path file = file(namespace, key);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.writeString(tmp, expiry + "\n" + value, StandardCharsets.UTF_8);
            move(tmp, file);
        } catch (IOException e) {
            throw new AuthStoreException("auth store: cannot write " + namespace, e);
        }
    }

    @Override
    public Optional<String> get(String namespace, String key) {
        return read(file(namespace, key), true);
    }

    @Override
    public Optional<String> take(String namespace, String key) {
        Path file = file(namespace, key);
        Path claimed = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".taken");
        try {
            move(file, claimed);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new AuthStoreException("auth store: cannot take from " + namespace, e);
        }
        Optional<String> value = read(claimed, false);
        deleteQuietly(claimed);
        return value;
    }

    @Override
    public void delete(String namespace, String key) {
        deleteQuietly(file(namespace, key));
    }

    @Override
    public List<String> values(String namespace) {
        List<String> values = new ArrayList<>();
        for (Path file : valueFiles(namespace)) {
            read(file, false).ifPresent(values::add);
        }
        return values;
    }

    @Override
    public int removeIf(String namespace, Predicate<String> matches) {
        int removed = 0;
        for (Path file : valueFiles(namespace)) {
            if (read(file, false).filter(matches).isPresent()) {
                deleteQuietly(file);
                removed++;
            }
        }
        return removed;
    }

    /** The value files of a namespace: names without a dot (temp and taken files carry a suffix). */
    private List<Path> valueFiles(String namespace) {
        Path dir = root.resolve(namespace);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().indexOf('.') < 0).toList();
        } catch (IOException e) {
            throw new AuthStoreException("auth store: cannot list " + namespace, e);
        }
    }

    /**
     * Deletes expired values and leftovers of interrupted writes; returns how many files went. Redis expires keys by
     * itself; files need this, or used-code and used-refresh-token markers would pile up.
     */
    public int sweep() {
        int removed = 0;
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (var namespaces = Files.list(root)) {
            for (Path namespace : namespaces.filter(Files::isDirectory).toList()) {
                try (var files = Files.list(namespace)) {
                    for (Path file : files.toList()) {
                        String name = file.getFileName().toString();
                        boolean stale = name.endsWith(".tmp") || name.endsWith(".taken")
                                ? Files.getLastModifiedTime(file).toMillis() < clock.millis() - 60_000
                                : read(file, false).isEmpty();
                        if (stale && Files.deleteIfExists(file)) {
                            removed++;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new AuthStoreException("auth store: sweep failed", e);
        }
        return removed;
    }

    private Optional<String> read(Path file, boolean deleteExpired) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new AuthStoreException("auth store: cannot read", e);
        }
        int newline = text.indexOf('\n');
        long expiry = Long.parseLong(text.substring(0, newline));
        if (expiry != 0 && expiry <= clock.millis()) {
            if (deleteExpired) {
                deleteQuietly(file);
            }
            return Optional.empty();
        }
        return Optional.of(text.substring(newline + 1));
    }

    private Path file(String namespace, String key) {
        // keys may be URLs (CIMD client ids) or hashes: hash them into safe, fixed-length file names
        return root.resolve(namespace).resolve(Hashing.sha256Hex(key));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // an undeletable expired file is harmless: it is ignored on read
        }
    }
}
