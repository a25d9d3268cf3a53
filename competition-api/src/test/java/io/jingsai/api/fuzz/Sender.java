package io.jingsai.api.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.jingsai.api.fuzz.FuzzRequest.Header;

/**
 * Sends requests over a few kept-alive connections: {@code workers} threads share one java.net.http client (so at
 * most that many pooled connections, reused from request to request) and each owns one raw socket. Every request
 * has the same timeout; a response that does not come within it is a stall.
 */
final class Sender implements AutoCloseable {

    /** What happened to one request. {@code failure} is set when no response came (stall or closed connection). */
    record Outcome(int status, String contentType, byte[] body, String failure, String ifMatchSent,
                   Map<String, List<String>> headers, long millis, byte[] sentBody) {

        Outcome sent(byte[] requestBody) {
            return new Outcome(status, contentType, body, failure, ifMatchSent, headers, millis, requestBody);
        }

        boolean answered() {
            return failure == null;
        }

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    static final String STALL = "stall";

    private final int port;
    private final Duration timeout;
    private final String basic;
    private final HttpClient client;
    private final ExecutorService workers;
    private final ThreadLocal<KeepAliveSocket> sockets;
    private final List<KeepAliveSocket> opened = new CopyOnWriteArrayList<>();
    private final Map<String, String> versions = new ConcurrentHashMap<>();

    Sender(int port, int connections, Duration timeout, String user, String password) {
        this.port = port;
        this.timeout = timeout;
        this.basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.workers = Executors.newFixedThreadPool(connections, runnable -> {
            Thread thread = new Thread(runnable, "fuzz-sender");
            thread.setDaemon(true);
            return thread;
        });
        this.sockets = ThreadLocal.withInitial(() -> {
            KeepAliveSocket socket = new KeepAliveSocket(port);
            opened.add(socket);
            return socket;
        });
    }

    /** Sends the batch concurrently over the workers; outcomes in the batch's order. */
    List<Outcome> send(List<FuzzRequest> batch) {
        List<Future<Outcome>> futures = new ArrayList<>();
        for (FuzzRequest request : batch) {
            futures.add(workers.submit(() -> sendHere(request)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            try {
                outcomes.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while fuzzing", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the fuzz sender failed", e.getCause());
            }
        }
        return outcomes;
    }

    /** Remembers a resource's current version, as its ETag says ({@code "3"} → {@code 3}). */
    void version(String resource, String etag) {
        if (resource != null && etag != null) {
            versions.put(resource, etag.replace("W/", "").replace("\"", "").trim());
        }
    }

    private Outcome sendHere(FuzzRequest request) {
        long start = System.nanoTime();
        String ifMatch = null;
        List<Header> headers = new ArrayList<>();
        for (Header header : request.headers()) {
            String value = header.value().replace(FuzzRequest.CURRENT_VERSION,
                    versions.getOrDefault(String.valueOf(request.resource()), "0"));
            if (header.name().equalsIgnoreCase("If-Match")) {
                ifMatch = value;
            }
            headers.add(new Header(header.name(), value));
        }
        if (request.signedIn()) {
            headers.add(new Header("Authorization", basic));
        }
        byte[] body = FreshValues.fill(request.body());
        Outcome outcome = (request.raw() || !fitsHttpClient(request, headers)
                ? overSocket(request, headers, body, ifMatch, start)
                : overClient(request, headers, body, ifMatch, start)).sent(body);
        if (outcome.failure() != null && outcome.failure().startsWith(STALL)) {
            outcome = new Outcome(0, null, new byte[0], outcome.failure() + " (" + healthOnNewConnection() + ")",
                    outcome.ifMatchSent(), Map.of(), outcome.millis(), body);
        }
        if (outcome.answered() && outcome.status() / 100 == 2 && request.resource() != null
                && !request.method().equals("DELETE")) {
            version(request.resource(), outcome.header("etag"));
        }
        return outcome;
    }

    /** Whether the server answers at all while one connection waits: a stall, not an overloaded machine. */
    private String healthOnNewConnection() {
        long start = System.nanoTime();
        try (KeepAliveSocket fresh = new KeepAliveSocket(port)) {
            KeepAliveSocket.Response health = fresh.exchange(("GET /actuator/health HTTP/1.1\r\nHost: localhost:"
                    + port + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII), "health", false,
                    timeout);
            return "meanwhile a new connection got " + health.status() + " from /actuator/health in "
                    + elapsed(start) + " ms";
        } catch (IOException e) {
            return "a new connection got no answer from /actuator/health either: " + e.getMessage();
        }
    }

    private boolean fitsHttpClient(FuzzRequest request, List<Header> headers) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + request.target()));
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
            headers.forEach(h -> builder.header(h.name(), h.value()));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Outcome overClient(FuzzRequest request, List<Header> headers, byte[] body, String ifMatch, long start) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + request.target()))
                .timeout(timeout)
                .method(request.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(h -> builder.header(h.name(), h.value()));
        CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(builder.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> answer = response.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            Map<String, List<String>> lowerCase = new java.util.HashMap<>();
            answer.headers().map().forEach((name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT), values));
            return new Outcome(answer.statusCode(), answer.headers().firstValue("content-type").orElse(null),
                    answer.body(), null, ifMatch, lowerCase, elapsed(start), null);
        } catch (TimeoutException e) {
            response.cancel(true);
            return failed(STALL, ifMatch, start);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return failed(cause instanceof HttpTimeoutException ? STALL
                    : "no response: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), ifMatch, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted", ifMatch, start);
        }
    }

    private Outcome overSocket(FuzzRequest request, List<Header> headers, byte[] body, String ifMatch, long start) {
        KeepAliveSocket socket = sockets.get();
        String history = socket.history();
        try {
            KeepAliveSocket.Response response = socket.exchange(rawRequest(request, headers, body),
                    request.method() + " " + Printable.of(request.target(), 80), request.method().equals("HEAD"),
                    timeout);
            Map<String, List<String>> asLists = new java.util.HashMap<>();
            response.headers().forEach((name, value) -> asLists.put(name, List.of(value)));
            return new Outcome(response.status(), response.headers().get("content-type"), response.body(), null,
                    ifMatch, asLists, elapsed(start), null);
        } catch (KeepAliveSocket.Stalled e) {
            return failed(STALL + " " + history, ifMatch, start);
        } catch (IOException | RuntimeException e) {
            socket.close();
            return failed("no response: " + e.getClass().getSimpleName() + ": " + e.getMessage(), ifMatch, start);
        }
    }

    private byte[] rawRequest(FuzzRequest request, List<Header> headers, byte[] body) {
        StringBuilder head = new StringBuilder();
        head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        if (headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("Host"))) {
            head.append("Host: localhost:").append(port).append("\r\n");
        }
        headers.forEach(h -> head.append(h.name()).append(": ").append(h.value()).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            bytes.writeBytes(body);
        }
        return bytes.toByteArray();
    }

    private static Outcome failed(String failure, String ifMatch, long start) {
        return new Outcome(0, null, new byte[0], failure, ifMatch, Map.of(), elapsed(start), null);
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        opened.forEach(KeepAliveSocket::close);
    }
}
