package io.jingsai.api.demo;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.jingsai.api.account.Caller;
import io.jingsai.api.judging.ScoreSheetCommand;
import io.jingsai.api.judging.ScoreSheetService;
import io.jingsai.api.shared.IdempotencyKey;
import reactor.core.publisher.Mono;

/**
 * The demo's judges handing in score sheets, one at a time, through {@link ScoreSheetService} as themselves. The
 * sheets form an endless sequence: the plan's sheets in order ({@link DemoPlan#sheets()}), then all of them again as
 * replacements (a judge correcting their marks), round after round, so that boards keep moving. Sheet number
 * {@code k} is sheet {@code k mod n} of the plan in round {@code k / n}; round 0 submits, round {@code r} replaces
 * version {@code r - 1}. Each carries an idempotency key naming its entry and round, as a careful client would.
 */
final class DemoMarking {

    record Judge(long judgeId, Caller caller) {
    }

    /** An event in MARKING: its registration ids (in the plan's entrant order) and its judges (in panel order). */
    record Event(long id, List<Long> registrations, List<Judge> judges) {

        Event {
            registrations = List.copyOf(registrations);
            judges = List.copyOf(judges);
        }
    }

    /** What the filler wrote, for the judges to mark, and {@code rest}: the writing of the other contestants. */
    record Entries(DemoPlan plan, List<Event> events, Mono<Void> rest) {

        Entries {
            events = List.copyOf(events);
        }
    }

    private final Entries entries;
    private final List<DemoPlan.Sheet> sheets;
    private final ScoreSheetService service;
    private final long seed;

    DemoMarking(Entries entries, ScoreSheetService service, long seed) {
        this.entries = entries;
        this.sheets = entries.plan().sheets();
        this.service = service;
        this.seed = seed;
    }

    /** How many sheets make one round. */
    int perRound() {
        return sheets.size();
    }

    /**
     * Where marking resumes after a restart: the number after the last sheet handed in (sheet {@code i} of the plan
     * at version {@code v} was number {@code v * n + i}), 0 when none was. It never goes back: a sheet left out
     * before (refused, or in flight when the first share, handed in side by side, was interrupted) stays out, as it
     * would have without the restart, rather than sending the judges round the plan again to reach it.
     *
     * @param versions the current version of each sheet handed in, by entry and judge
     */
    long resumeAt(Map<DemoProgress.SheetKey, Long> versions) {
        long last = -1;
        for (int i = 0; i < sheets.size(); i++) {
            DemoPlan.Sheet sheet = sheets.get(i);
            Event event = entries.events().get(sheet.event());
            Long version = versions.get(new DemoProgress.SheetKey(event.registrations().get(sheet.entry()),
                    event.judges().get(sheet.judge()).judgeId()));
            if (version != null) {
                last = Math.max(last, version * sheets.size() + i);
            }
        }
        return last + 1;
    }

    /** Hands in sheet number {@code k}. */
    Mono<Void> hand(long k) {
        DemoPlan.Sheet sheet = sheets.get((int) (k % sheets.size()));
        int round = (int) (k / sheets.size());
        Event event = entries.events().get(sheet.event());
        long registration = event.registrations().get(sheet.entry());
        Judge judge = event.judges().get(sheet.judge());
        ScoreSheetCommand command = new ScoreSheetCommand(DemoScheme.marks(seed, sheet, round).stream()
                .map(mark -> new ScoreSheetCommand.Mark(mark.aspectId(), mark.value()))
                .collect(Collectors.toList()), null);
        IdempotencyKey key = IdempotencyKey.of("demo-" + event.id() + "-" + registration + "-" + round);
        return round == 0
                ? service.submit(event.id(), registration, judge.caller(), key, command).then()
                : service.replace(event.id(), registration, judge.judgeId(), round - 1, judge.caller(), key, command)
                        .then();
    }
}
