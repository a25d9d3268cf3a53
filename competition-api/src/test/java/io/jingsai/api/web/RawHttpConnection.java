package io.jingsai.api.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.jingsai.api.IntegrationTest;

/**
 * One kept-alive HTTP/1.1 connection over a plain socket. Requests leave byte for byte as written, so nothing
 * normalises them (no client re-encodes a path, drops a method or fixes a request line), and every response must
 * arrive within the timeout: a read that waits longer fails with {@link java.net.SocketTimeoutException}.
 */
final class RawHttpConnection implements Closeable {

    static final String SIGNED_IN = "Authorization: Basic " + Base64.getEncoder().encodeToString(
            (IntegrationTest.ADMIN + ":" + IntegrationTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n";

    record Response(int status, Map<String, String> headers, byte[] body) {

        /** A header by its name in any case, or null. */
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttpConnection(int port, Duration timeout) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /**
     * Sends a request and reads its response.
     *
     * @param requestLine for example {@code GET /api/enterprises HTTP/1.1}, sent as UTF-8 bytes
     * @param headers     header lines, each ending in CRLF; a Host header is added first
     * @param body        the body (its Content-Length is added when not empty)
     */
    Response send(String requestLine, String headers, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = requestLine + "\r\nHost: evil.example\r\n" + headers
                + (content.length > 0 ? "Content-Length: " + content.length + "\r\n" : "") + "\r\n";
        out.write(head.getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.flush();
        return read(requestLine.startsWith("HEAD "));
    }

    Response get(String target, String headers) throws IOException {
        return send("GET " + target + " HTTP/1.1", headers, "");
    }

    private Response read(boolean head) throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        if (head || status == 204 || status == 304) {
            return new Response(status, headers, new byte[0]);
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            return new Response(status, headers, chunked());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new Response(status, headers, in.readNBytes(length));
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
            body.write(in.readNBytes(size));
            line();
        }
        while (!line().isEmpty()) {
            // trailers
        }
        return body.toByteArray();
    }

    private int chunkSize() throws IOException {
        return Integer.parseInt(line().split(";", 2)[0].trim(), 16);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new EOFException("the server closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
