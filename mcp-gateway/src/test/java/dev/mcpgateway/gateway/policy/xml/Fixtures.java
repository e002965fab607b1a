package dev.mcpgateway.gateway.policy.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The policy documents under src/test/resources/policies; a {@code .rawxml} file is read in that format. */
final class Fixtures {

    private Fixtures() {
    }

    static String text(String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/policies/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PolicyDocument read(String file) throws PolicyDocumentException {
        return PolicyDocuments.read(text(file), file.endsWith(".rawxml") ? PolicyFormat.RAWXML : PolicyFormat.XML);
    }
}
