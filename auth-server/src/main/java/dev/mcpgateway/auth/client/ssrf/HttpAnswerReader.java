package dev.mcpgateway.auth.client.ssrf;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads an HTTP/1.1 answer: status line, headers (capped), then the body by {@code Content-Length}, chunked
 * transfer coding or until the connection closes, never more than the cap.
 */
final class HttpAnswerReader {

    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private HttpAnswerReader() {
    }

    static PinnedFetch.Answer read(InputStream raw, int maxBytes) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x answer");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("bad status line");
        }
        long contentLength = -1;
        boolean chunked = false;
        String location = null;
        int headerBytes = statusLine.length();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            headerBytes += header.length();
            if (headerBytes > MAX_HEADER_BYTES) {
                throw new IOException("headers too large");
            }
            int colon = header.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                try {
                    contentLength = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new IOException("bad Content-Length");
                }
            } else if (name.equals("location")) {
                location = value;
            } else if (name.equals("transfer-encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            }
        }
        if (!chunked && contentLength > maxBytes) {
            return new PinnedFetch.Answer(status, new byte[0], true, location);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean fits = chunked ? chunks(in, body, maxBytes) : copy(in, body, contentLength, maxBytes);
        return fits ? new PinnedFetch.Answer(status, body.toByteArray(), false, location)
                : new PinnedFetch.Answer(status, new byte[0], true, location);
    }

    private static boolean chunks(InputStream in, ByteArrayOutputStream body, int maxBytes) throws IOException {
        while (true) {
            String sizeLine = line(in);
            int semicolon = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size");
            }
            if (size == 0) {
                return true;
            }
            if (body.size() + size > maxBytes) {
                return false;
            }
            if (!copy(in, body, size, maxBytes)) {
                return false;
            }
            line(in);
        }
    }

    /** Copies {@code length} bytes (-1: until end of stream); false once the body would pass the cap. */
    private static boolean copy(InputStream in, ByteArrayOutputStream body, long length, int maxBytes)
            throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left != 0) {
            int want = left < 0 ? buffer.length : (int) Math.min(buffer.length, left);
            int n = in.read(buffer, 0, want);
            if (n < 0) {
                if (left > 0) {
                    throw new IOException("the body ended early");
                }
                return true;
            }
            if (body.size() + n > maxBytes) {
                return false;
            }
            body.write(buffer, 0, n);
            if (left > 0) {
                left -= n;
            }
        }
        return true;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the answer ended early");
            }
            if (line.size() > MAX_HEADER_BYTES) {
                throw new IOException("line too long");
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
