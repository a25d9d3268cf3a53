package io.jingsai.api.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jingsai.api.fuzz.FuzzReport.Culprit;
import io.jingsai.api.fuzz.FuzzReport.Exchange;
import io.jingsai.api.fuzz.Sender.Outcome;

/**
 * Sends the plan in batches over the sender's connections and checks every response. Around each batch every
 * table is compared; if rows changed, the batch's rejected requests are sent again to find which of them wrote
 * (when the batch also accepted changes, only its rejected changes are suspects).
 */
final class FuzzRun {

    private static final int BATCH = 100;
    /**
     * Time for sending suspects again where a batch also accepted changes (only while the server accepts bad
     * input); batches that accepted none are always checked in full.
     */
    private static final Duration REPLAY_BUDGET = Duration.ofSeconds(30);

    private final Sender sender;
    private final TableWatch watch;
    private final FuzzReport report;
    private long replayNanos;
    private int replayed;

    FuzzRun(Sender sender, TableWatch watch, FuzzReport report) {
        this.sender = sender;
        this.watch = watch;
        this.report = report;
    }

    List<Exchange> run(List<FuzzRequest> requests) throws InterruptedException {
        List<Exchange> exchanges = new ArrayList<>();
        Map<String, String> before = watch.snapshot();
        int unchecked = 0;
        for (int from = 0; from < requests.size(); from += BATCH) {
            List<Exchange> sent = send(requests.subList(from, Math.min(requests.size(), from + BATCH)), from);
            exchanges.addAll(sent);
            boolean acceptedChanges = sent.stream().anyMatch(FuzzRun::acceptedChange);
            // An accepted upload goes on writing in the background (202): wait for it before comparing.
            boolean background = sent.stream().anyMatch(e -> accepted(e) && e.outcome().status() == 202);
            Map<String, String> after = background ? watch.settled(Duration.ofSeconds(5)) : watch.snapshot();
            List<String> changes = TableWatch.changes(before, after);
            if (!changes.isEmpty()) {
                List<Exchange> suspects = sent.stream().filter(e -> !accepted(e))
                        .filter(e -> !acceptedChanges || e.request().changesData()).toList();
                // The budget is spread over the run, so that late batches get their share.
                long share = REPLAY_BUDGET.toNanos() * (from + sent.size()) / requests.size();
                if (acceptedChanges && replayNanos > share) {
                    unchecked += suspects.size();
                } else {
                    List<Culprit> culprits = culprits(suspects);
                    if (!culprits.isEmpty() || !acceptedChanges) {
                        report.rowsWritten(changes, culprits);
                    }
                }
                after = watch.snapshot();
            }
            before = after;
        }
        afterwards(exchanges, before, unchecked);
        return exchanges;
    }

    private List<Exchange> send(List<FuzzRequest> batch, int numberedFrom) {
        List<Outcome> outcomes = sender.send(batch);
        List<Exchange> sent = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Exchange exchange = new Exchange(numberedFrom + i + 1, batch.get(i), outcomes.get(i));
            sent.add(exchange);
            report.check(exchange);
        }
        return sent;
    }

    /** Rows written after the last batch (by nothing accepted) count too; say what could not be checked. */
    private void afterwards(List<Exchange> exchanges, Map<String, String> before, int unchecked)
            throws InterruptedException {
        if (unchecked > 0) {
            report.note(unchecked + " rejected changes in batches that also accepted changes were not sent again "
                    + "(replays are limited to " + REPLAY_BUDGET.toSeconds() + " s): rows they may have written "
                    + "were not looked for");
        }
        List<String> late = TableWatch.changes(before, watch.settled(Duration.ofSeconds(3)));
        if (!late.isEmpty() && exchanges.stream().noneMatch(FuzzRun::acceptedChange)) {
            report.rowsWritten(late, List.of());
        }
    }

    /**
     * Finds the suspects that write: sends them all again with the tables compared around them; if rows changed,
     * does the same for each half, down to single requests (at most twice as many requests as suspects). A request
     * accepted when sent again is no culprit.
     */
    private List<Culprit> culprits(List<Exchange> suspects) {
        if (suspects.isEmpty()) {
            return List.of();
        }
        long start = System.nanoTime();
        Map<String, String> before = watch.snapshot();
        List<Outcome> again = sender.send(suspects.stream().map(Exchange::request).toList());
        List<String> changes = TableWatch.changes(before, watch.snapshot());
        replayed += suspects.size();
        replayNanos += System.nanoTime() - start;
        if (changes.isEmpty()) {
            return List.of();
        }
        if (suspects.size() == 1) {
            Exchange suspect = new Exchange(suspects.get(0).number(), suspects.get(0).request(), again.get(0));
            return accepted(suspect) ? List.of() : List.of(new Culprit(suspect, changes));
        }
        List<Culprit> found = new ArrayList<>(culprits(suspects.subList(0, suspects.size() / 2)));
        found.addAll(culprits(suspects.subList(suspects.size() / 2, suspects.size())));
        return found;
    }

    String replays() {
        return String.format("%d requests sent again in %.1f s", replayed, replayNanos / 1e9);
    }

    private static boolean accepted(Exchange exchange) {
        return exchange.outcome().answered() && exchange.outcome().status() / 100 == 2;
    }

    private static boolean acceptedChange(Exchange exchange) {
        return accepted(exchange) && exchange.request().changesData();
    }
}
