package dev.mcpgateway.gateway.admin.sources;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A named pipe (FIFO) that tells whether anyone opened it for reading. A writer thread waits on the pipe: each time
 * a reader opens it, the writer hands that reader a sequence number. {@link #opensByOthers()} opens the pipe itself
 * and reads the first number it is handed: 1 means nobody opened the pipe before, whatever the timing (opening a FIFO
 * blocks until both ends are there, so an open by someone else took a number first).
 */
final class NamedPipeTrap implements AutoCloseable {

    private final Path fifo;
    private final Thread writer;
    private volatile boolean closing;

    private NamedPipeTrap(Path fifo) {
        this.fifo = fifo;
        this.writer = Thread.ofPlatform().daemon().start(this::handOutNumbers);
    }

    static NamedPipeTrap create(Path fifo) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        if (mkfifo.waitFor() != 0) {
            throw new IOException("mkfifo failed for " + fifo);
        }
        return new NamedPipeTrap(fifo);
    }

    Path path() {
        return fifo;
    }

    private void handOutNumbers() {
        for (int opens = 1; ; opens++) {
            try (OutputStream out = new FileOutputStream(fifo.toFile())) {
                if (closing) {
                    return;
                }
                out.write((opens + "\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // the reader left before reading: it still took its number
            }
        }
    }

    /** Zero when nobody else opened the pipe for reading; otherwise at least one. */
    int opensByOthers() throws IOException {
        try (InputStream in = new FileInputStream(fifo.toFile())) {
            StringBuilder first = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                first.append((char) c);
            }
            return Integer.parseInt(first.toString()) - 1;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        closing = true;
        // opened read-write, a FIFO never blocks (Linux), and while it is held every open by the writer returns at
        // once, so the writer gets through to see it is done
        try (RandomAccessFile held = new RandomAccessFile(fifo.toFile(), "rw")) {
            writer.join();
        }
    }
}
