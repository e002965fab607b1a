package dev.mcpgateway.openapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Which local files the importer may open: the spec file itself and every file its {@code $ref}s reach. The
 * command line reads {@link #ANYWHERE} (the user's own machine); a server importing specs on someone else's say-so
 * confines them {@link #under(Path, long) under a folder}. A path is judged before it is opened: first as written
 * (normalised), then with every symbolic link resolved, and it must be a regular file no larger than the cap, so a
 * link out of the folder, a device or a named pipe is refused without being opened.
 */
public sealed interface LocalFiles {

    /** Any file the process can read (the CLI). */
    LocalFiles ANYWHERE = new Anywhere();

    /** No local file at all. */
    LocalFiles NONE = new Nowhere();

    static LocalFiles under(Path folder, long maxBytes) {
        return new Under(folder, maxBytes);
    }

    /**
     * The path to open (symbolic links resolved) when {@code path} may be read.
     *
     * @throws SpecSourceRefusedException naming the rule that refuses it
     */
    Path permit(Path path) throws SpecSourceRefusedException;

    /** True when references may go anywhere the parser can reach (only {@link #ANYWHERE}). */
    default boolean unconfined() {
        return false;
    }

    record Anywhere() implements LocalFiles {
        @Override
        public Path permit(Path path) {
            return path.toAbsolutePath().normalize();
        }

        @Override
        public boolean unconfined() {
            return true;
        }
    }

    record Nowhere() implements LocalFiles {
        @Override
        public Path permit(Path path) throws SpecSourceRefusedException {
            throw new SpecSourceRefusedException("local files are not read here (no folder is allowed)");
        }
    }

    /** Files inside {@code folder} (itself resolved once, as given) of at most {@code maxBytes}. */
    record Under(Path folder, long maxBytes) implements LocalFiles {
        public Under {
            folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
        }

        @Override
        public Path permit(Path path) throws SpecSourceRefusedException {
            Path written = folder.resolve(path).toAbsolutePath().normalize();
            Path realFolder;
            try {
                realFolder = folder.toRealPath();
            } catch (IOException e) {
                throw new SpecSourceRefusedException("the folder specs may be read from does not exist");
            }
            // judged as written first: a path outside the folder is refused before anything about it is looked up
            if (!written.startsWith(folder) && !written.startsWith(realFolder)) {
                throw outside();
            }
            Path real;
            try {
                real = written.toRealPath();
            } catch (NoSuchFileException e) {
                throw new SpecSourceRefusedException("no such file in the folder specs may be read from");
            } catch (IOException e) {
                throw new SpecSourceRefusedException("the file cannot be examined");
            }
            if (!real.startsWith(realFolder)) {
                throw outside();
            }
            if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                throw new SpecSourceRefusedException("not a regular file");
            }
            long size;
            try {
                size = Files.size(real);
            } catch (IOException e) {
                throw new SpecSourceRefusedException("the file cannot be examined");
            }
            if (size > maxBytes) {
                throw new SpecSourceRefusedException("the file is larger than " + maxBytes + " bytes");
            }
            return real;
        }

        private static SpecSourceRefusedException outside() {
            return new SpecSourceRefusedException("the file is outside the folder specs may be read from");
        }
    }
}
