package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.auth.store.AuthStateStore;
import dev.mcpgateway.auth.store.FileAuthStateStore;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The default store: files under the data directory. */
class FileAuthStateStoreTest extends AuthStateStoreContract {

    private final FileAuthStateStore store;

    FileAuthStateStoreTest() throws Exception {
        store = new FileAuthStateStore(Files.createTempDirectory("store"), Clock.systemUTC());
    }

    @Override
    AuthStateStore store() {
        return store;
    }

    @Test
    void sweepingRemovesExpiredValuesAndKeepsLiveOnes() throws Exception {
        var dir = Files.createTempDirectory("sweep");
        FileAuthStateStore files = new FileAuthStateStore(dir, Clock.systemUTC());
        files.put("refresh-used", "old", "f", java.time.Duration.ofMillis(1));
        files.put("refresh", "live", "g", java.time.Duration.ofHours(1));
        files.put("client", "forever", "c", null);
        Thread.sleep(20);
        assertEquals(1, files.sweep());
        assertEquals(Optional.of("g"), files.get("refresh", "live"));
        assertEquals(Optional.of("c"), files.get("client", "forever"));
    }

    @Test
    void valuesSurviveANewStoreOnTheSameDirectoryUnderHashedFileNames() throws Exception {
        var dir = Files.createTempDirectory("restart");
        new FileAuthStateStore(dir, Clock.systemUTC()).put("client", "c1", "kept", null);
        assertEquals(Optional.of("kept"), new FileAuthStateStore(dir, Clock.systemUTC()).get("client", "c1"));
        try (var files = Files.walk(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("c1")));
        }
    }
}
