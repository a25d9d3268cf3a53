package io.jingsai.api.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import io.jingsai.api.IntegrationTest;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * An upload over the limit is refused at the limit: the temporary file never grows past the limit, and the 413 comes
 * while the client is still sending, long before the whole body is sent. Runs over real TCP (the application's
 * handler on a Reactor Netty server of its own), since only a real connection shows when the server stops reading.
 * The client sends at a steady 20 MB/s, as a fast network would, so that "long before" has room on a loaded machine.
 */
@IntegrationTest
class UploadLimitTests {

    private static final long BODY_BYTES = 200L * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;
    /** 20 MB/s: one 64 KB chunk every 3.125 ms, paced per 16 chunks. */
    private static final int CHUNKS_PER_PAUSE = 16;
    private static final long PAUSE_MILLIS = 50;

    @Autowired
    ApplicationContext context;

    @Value("${spring.webflux.multipart.max-disk-usage-per-part}")
    DataSize limit;

    DisposableServer server;

    @BeforeEach
    void startServer() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle(new ReactorHttpHandlerAdapter(WebHttpHandlerBuilder.applicationContext(context).build()))
                .bindNow();
    }

    @AfterEach
    void stopServer() {
        server.disposeNow();
    }

    @Test
    void aFileOverTheLimitIsRefusedAtTheLimitNotAfterTheWholeBodyIsStored() throws Exception {
        String boundary = "b0undary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        String credentials = Base64.getEncoder().encodeToString(
                (IntegrationTest.ADMIN + ":" + IntegrationTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        byte[] requestHead = ("POST /api/imports/enterprises HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Basic " + credentials + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                + "Content-Length: " + BODY_BYTES + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

        AtomicLong sent = new AtomicLong();
        TempFileWatch files = new TempFileWatch();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(60_000);
            Thread writer = new Thread(() -> send(socket, requestHead, head, sent), "upload-writer");
            writer.setDaemon(true);
            writer.start();
            files.start();

            String response = readResponse(socket.getInputStream());
            long sentWhenAnswered = sent.get();

            assertThat(response).startsWith("HTTP/1.1 413").contains("application/problem+json");
            assertThat(sentWhenAnswered)
                    .as("bytes sent when the 413 arrived (limit %d of %d)", limit.toBytes(), BODY_BYTES)
                    .isLessThan(BODY_BYTES / 2);
        } finally {
            files.stop();
        }
        assertThat(files.largest()).as("largest temporary upload file").isLessThanOrEqualTo(limit.toBytes());
    }

    private static void send(Socket socket, byte[] requestHead, byte[] partHead, AtomicLong sent) {
        byte[] filler = new byte[CHUNK];
        Arrays.fill(filler, (byte) 'a');
        try {
            OutputStream out = socket.getOutputStream();
            out.write(requestHead);
            out.write(partHead);
            sent.addAndGet(partHead.length);
            for (int chunks = 1; sent.get() + CHUNK <= BODY_BYTES; chunks++) {
                out.write(filler);
                sent.addAndGet(CHUNK);
                if (chunks % CHUNKS_PER_PAUSE == 0) {
                    Thread.sleep(PAUSE_MILLIS);
                }
            }
            out.flush();
        } catch (IOException closedByTheServer) {
            // the server answered and closed the connection: stop sending
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** Status line, headers and body of one response (read until the connection closes or the body is complete). */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headerEnd = -1;
        long contentLength = -1;
        for (int n; (n = in.read(buffer)) > 0; ) {
            received.write(buffer, 0, n);
            String text = received.toString(StandardCharsets.UTF_8);
            if (headerEnd < 0 && (headerEnd = text.indexOf("\r\n\r\n")) >= 0) {
                contentLength = text.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                        .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).strip())).findFirst()
                        .orElse(-1);
            }
            if (headerEnd >= 0 && contentLength >= 0
                    && received.size() >= headerEnd + 4 + contentLength) {
                break;
            }
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    /**
     * Watches the temporary files the multipart reader writes in this JVM (its open {@code .multipart} files, seen
     * through /proc/self/fd) and records the largest size seen. Where /proc is missing it sees nothing, and the
     * timing assertion alone stands.
     */
    private static final class TempFileWatch {

        private final AtomicLong largest = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        void start() {
            thread = new Thread(() -> {
                java.io.File[] descriptors;
                while (running && (descriptors = new java.io.File("/proc/self/fd").listFiles()) != null) {
                    for (java.io.File descriptor : descriptors) {
                        try {
                            java.nio.file.Path target = java.nio.file.Files.readSymbolicLink(descriptor.toPath());
                            if (target.toString().endsWith(".multipart")) {
                                largest.accumulateAndGet(java.nio.file.Files.size(target), Math::max);
                            }
                        } catch (IOException | UnsupportedOperationException gone) {
                            // closed or deleted meanwhile
                        }
                    }
                    pause();
                }
            }, "temp-file-watch");
            thread.setDaemon(true);
            thread.start();
        }

        private static void pause() {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(10_000);
        }

        long largest() {
            return largest.get();
        }
    }
}
