package io.jingsai.api.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over one kept-alive socket, for requests java.net.http refuses or rewrites (targets
 * with broken escapes or raw non-ASCII, methods such as PROPFIND, a custom Host). Reads a response by its
 * Content-Length or chunked framing and keeps the connection for the next request unless the server closes it.
 */
final class KeepAliveSocket implements Closeable {

    /** What came back; {@code headers} keys are lower case. */
    record Response(int status, Map<String, String> headers, byte[] body) {
    }

    /** The server answered nothing within the timeout. */
    static final class Stalled extends IOException {
        Stalled(String message) {
            super(message);
        }
    }

    private final int port;
    private int served;
    private String previous;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveSocket(int port) {
        this.port = port;
    }

    /** {@code shown} describes the request, for {@link #history()}. */
    Response exchange(byte[] request, String shown, boolean head, Duration timeout) throws IOException {
        boolean reused = socket != null;
        Response response;
        try {
            response = attempt(request, head, timeout);
        } catch (EOFException | java.net.SocketException e) {
            // An idle connection the server closed before this request: a normal client sends again on a new one.
            close();
            if (!reused) {
                throw e;
            }
            response = attempt(request, head, timeout);
        }
        served++;
        previous = shown + " → " + response.status();
        return response;
    }

    /** Where the connection stands, for a report of a stall on it. */
    String history() {
        return socket == null && served == 0 ? "on a new connection"
                : "as request " + (served + 1) + " on its connection, after " + previous;
    }

    private Response attempt(byte[] request, boolean head, Duration timeout) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }
        socket.setSoTimeout((int) timeout.toMillis());
        out.write(request);
        out.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Response response;
            do {
                response = read(head, deadline);
            } while (response.status() >= 100 && response.status() < 200);
            if ("close".equalsIgnoreCase(response.headers().get("connection"))) {
                close();
            }
            return response;
        } catch (SocketTimeoutException e) {
            close();
            throw new Stalled("no complete response within " + timeout.toSeconds() + " s");
        }
    }

    private Response read(boolean head, long deadline) throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + Printable.of(statusLine, 80));
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.merge(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
        }
        byte[] body;
        if (head || status < 200 || status == 204 || status == 304) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked(deadline);
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = untilClosed(deadline);
            close();
        }
        return new Response(status, headers, body);
    }

    private byte[] chunked(long deadline) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            checkDeadline(deadline);
            String size = line();
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
            if (length == 0) {
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                    // trailers are not used
                }
                return body.toByteArray();
            }
            body.writeBytes(in.readNBytes(length));
            line();
        }
    }

    private byte[] untilClosed(long deadline) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            body.write(buffer, 0, n);
            checkDeadline(deadline);
        }
        return body.toByteArray();
    }

    private static void checkDeadline(long deadline) throws SocketTimeoutException {
        if (System.nanoTime() > deadline) {
            throw new SocketTimeoutException("response not complete in time");
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed" + (line.size() > 0 ? " mid-line" : ""));
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        served = 0;
        previous = null;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a socket that failed: nothing left to do
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
