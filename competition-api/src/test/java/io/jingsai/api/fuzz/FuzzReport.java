package io.jingsai.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import io.jingsai.api.fuzz.Sender.Outcome;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The verdict on every response, and a report a developer can act on: failures grouped by what went wrong and the
 * kind of input, each with the endpoints it happened on and examples to replay (method, target, headers, body
 * excerpt, status and response excerpt). Also lists, without failing, bad input that was accepted.
 */
final class FuzzReport {

    /** One request sent, its number in the run and what came back. */
    record Exchange(int number, FuzzRequest request, Outcome outcome) {
    }

    /** A rejected request that wrote rows when sent again alone, and the tables it changed then. */
    record Culprit(Exchange exchange, List<String> changes) {
    }

    private static final int EXAMPLES = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final long seed;
    private final Map<String, Group> failures = new TreeMap<>();
    private final Map<String, Group> accepted = new TreeMap<>();
    private final List<String> unattributedWrites = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int sent;
    private int failed;
    private final List<Long> millis = new ArrayList<>();
    private int absoluteInstances;
    private String absoluteInstanceExample;

    FuzzReport(long seed) {
        this.seed = seed;
    }

    private static final class Group {
        final TreeSet<String> operations = new TreeSet<>();
        final TreeSet<String> kinds = new TreeSet<>();
        final List<String> examples = new ArrayList<>();
        int count;
    }

    /** Checks a response: answered in time, never 5xx, every 4xx a problem+json whose status matches. */
    void check(Exchange exchange) {
        sent++;
        millis.add(exchange.outcome().millis());
        noteAbsoluteInstance(exchange);
        what(exchange).ifPresentOrElse(problem -> fail(problem, exchange, null), () -> noteAccepted(exchange));
    }

    static Optional<String> what(Exchange exchange) {
        Outcome outcome = exchange.outcome();
        if (!outcome.answered()) {
            return Optional.of(outcome.failure().startsWith(Sender.STALL) ? "STALL: no response within the timeout"
                    : "NO RESPONSE: connection closed or reset without an answer");
        }
        int status = outcome.status();
        if (status >= 500) {
            return Optional.of("5xx: " + status);
        }
        if (status >= 400) {
            String type = outcome.contentType() == null ? "(none)" : outcome.contentType().split(";")[0].trim();
            boolean empty = outcome.body().length == 0;
            if (!type.equalsIgnoreCase("application/problem+json")) {
                return Optional.of("NOT PROBLEM+JSON: " + status + " with Content-Type " + type
                        + (empty ? ", empty body" : ""));
            }
            if (!exchange.request().method().equals("HEAD")) {
                return problemBody(status, outcome.body());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problemBody(int status, byte[] body) {
        try {
            JsonNode problem = JSON.readTree(body);
            if (!problem.isObject() || problem.path("status").asInt(-1) != status) {
                return Optional.of("BAD PROBLEM BODY: " + status + " whose body's status is "
                        + problem.path("status"));
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("BAD PROBLEM BODY: " + status + " with a body that is not JSON");
        }
    }

    /**
     * Rows changed in a batch that accepted no change ({@code culprits} empty: no single request did it again), or
     * the rejected requests that wrote rows when sent again alone.
     */
    void rowsWritten(List<String> changes, List<Culprit> culprits) {
        if (culprits.isEmpty()) {
            unattributedWrites.add(String.join("; ", changes));
            return;
        }
        for (Culprit culprit : culprits) {
            fail("ROWS WRITTEN by a rejected request (" + culprit.exchange().outcome().status() + ")",
                    culprit.exchange(), String.join("; ", culprit.changes()));
        }
    }

    /** A problem's {@code instance} should be the path only; a URL with a host reflects the Host header. */
    private void noteAbsoluteInstance(Exchange exchange) {
        Outcome outcome = exchange.outcome();
        if (!outcome.answered() || outcome.status() < 400 || outcome.body().length == 0) {
            return;
        }
        try {
            String instance = JSON.readTree(outcome.body()).path("instance").asText("");
            if (instance.contains("://")) {
                absoluteInstances++;
                if (absoluteInstanceExample == null || exchange.request().kind().startsWith("host:")) {
                    absoluteInstanceExample = "#" + exchange.number() + " " + exchange.request().detail()
                            + " → instance " + Printable.of(instance, 120);
                }
            }
        } catch (RuntimeException e) {
            // not JSON: check() reports it
        }
    }

    /** Something a reader should know that is not a failure (e.g. what could not be checked). */
    void note(String note) {
        notes.add(note);
    }

    /** Failures are grouped by what went wrong and the kind of input; stalls by what went wrong only. */
    private void fail(String problem, Exchange exchange, String note) {
        failed++;
        String key = problem.startsWith("STALL") || problem.startsWith("NO RESPONSE") ? problem + "  ←  any input"
                : problem + "  ←  " + exchange.request().kind();
        add(failures.computeIfAbsent(key, k -> new Group()), exchange, note);
    }

    private void noteAccepted(Exchange exchange) {
        Outcome outcome = exchange.outcome();
        if (exchange.request().mustReject() && outcome.answered() && outcome.status() / 100 == 2) {
            add(accepted.computeIfAbsent(outcome.status() + "  ←  " + exchange.request().kind(), k -> new Group()),
                    exchange, null);
        }
    }

    private void add(Group group, Exchange exchange, String note) {
        group.count++;
        group.operations.add(exchange.request().operation());
        group.kinds.add(exchange.request().kind() + (exchange.request().signedIn() ? "" : " (anonymous)"));
        if (group.examples.size() < EXAMPLES) {
            group.examples.add(example(exchange, note));
        }
    }

    private static String example(Exchange exchange, String note) {
        FuzzRequest request = exchange.request();
        Outcome outcome = exchange.outcome();
        StringBuilder text = new StringBuilder();
        text.append("    #").append(exchange.number()).append(' ').append(request.operation()).append(" — ")
                .append(request.detail()).append("\n      ")
                .append(request.describe(outcome.sentBody() == null ? request.body() : outcome.sentBody(), 300));
        if (outcome.ifMatchSent() != null) {
            text.append("\n      If-Match sent: ").append(outcome.ifMatchSent());
        }
        text.append("\n      → ");
        if (outcome.answered()) {
            text.append(outcome.status()).append(", Content-Type ").append(outcome.contentType())
                    .append(", ").append(outcome.millis()).append(" ms, body: ")
                    .append(Printable.of(new String(outcome.body(), StandardCharsets.UTF_8), 300));
        } else {
            text.append(outcome.failure()).append(" after ").append(outcome.millis()).append(" ms");
        }
        if (note != null) {
            text.append("\n      sent again alone, it changed ").append(note);
        }
        return text.toString();
    }

    boolean passed() {
        return failed == 0 && unattributedWrites.isEmpty();
    }

    /** The failures, at most {@code limitGroups} groups with at most {@code examples} examples each. */
    String render(int limitGroups, int examples) {
        StringBuilder text = new StringBuilder();
        text.append("OpenAPI fuzz: ").append(sent).append(" requests, seed ").append(seed)
                .append(" (rerun with -Djingsai.fuzz.seed=").append(seed).append("), ")
                .append(failed).append(" failed in ").append(failures.size()).append(" groups\n");
        if (!millis.isEmpty()) {
            List<Long> sorted = millis.stream().sorted().toList();
            text.append("Response times: median ").append(sorted.get(sorted.size() / 2)).append(" ms, 90th percentile ")
                    .append(sorted.get(sorted.size() * 9 / 10)).append(" ms, 99th ")
                    .append(sorted.get(sorted.size() * 99 / 100)).append(" ms\n");
        }
        notes.forEach(note -> text.append("Note: ").append(note).append('\n'));
        if (!unattributedWrites.isEmpty()) {
            text.append("\nROWS WRITTEN while only rejected requests were sent, not reproduced by any single one:\n");
            unattributedWrites.forEach(w -> text.append("  ").append(w).append('\n'));
        }
        List<Map.Entry<String, Group>> groups = new ArrayList<>(failures.entrySet());
        groups.sort(Comparator.comparing((Map.Entry<String, Group> e) -> severity(e.getKey()))
                .thenComparing(e -> -e.getValue().count).thenComparing(Map.Entry::getKey));
        int shown = 0;
        for (Map.Entry<String, Group> entry : groups) {
            if (shown++ == limitGroups) {
                text.append("\n… ").append(groups.size() - limitGroups).append(" more groups in the full report\n");
                break;
            }
            appendGroup(text, entry.getKey(), entry.getValue(), examples);
        }
        return text.toString();
    }

    private static int severity(String problem) {
        List<String> order = List.of("STALL", "NO RESPONSE", "5xx", "ROWS WRITTEN", "NOT PROBLEM+JSON",
                "BAD PROBLEM BODY");
        for (int i = 0; i < order.size(); i++) {
            if (problem.startsWith(order.get(i))) {
                return i;
            }
        }
        return order.size();
    }

    String renderAccepted() {
        StringBuilder text = new StringBuilder();
        if (absoluteInstances > 0) {
            text.append("\n").append(absoluteInstances).append(" problems have an absolute instance, which reflects "
                    + "the Host header (not a failure of this test), e.g. ").append(absoluteInstanceExample)
                    .append('\n');
        }
        text.append("\nAccepted (2xx) although the input is bad — not a failure of this "
                + "test, listed for the input rules:\n");
        Map<String, Group> sorted = new LinkedHashMap<>();
        accepted.entrySet().stream().sorted(Comparator.comparing(e -> -e.getValue().count))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((key, group) -> text.append(String.format("  %4d × %s   on %s%n", group.count, key,
                String.join(", ", group.operations))));
        return text.toString();
    }

    private static void appendGroup(StringBuilder text, String key, Group group, int examples) {
        text.append("\n[").append(group.count).append(" × ").append(key).append("]\n    on: ")
                .append(String.join(", ", group.operations)).append('\n');
        if (key.endsWith("any input")) {
            text.append("    inputs: ").append(String.join(", ", group.kinds)).append('\n');
        }
        group.examples.stream().limit(examples).forEach(example -> text.append(example).append('\n'));
    }
}
