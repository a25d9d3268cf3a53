package io.jingsai.api.result;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

import io.jingsai.api.audit.AuditChain;
import io.jingsai.api.audit.AuditRecord;
import io.jingsai.api.audit.AuditTrail;
import io.jingsai.api.event.EventRulebook;
import io.jingsai.api.event.EventRules;
import io.jingsai.api.event.EventStatus;
import io.jingsai.api.event.EventStepTaken;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the public saw during review (公示) and what each later change of a result changed for whom. When an event
 * enters REVIEW its final standings are kept (rank, award, titles of every entry); from then on, while it is in
 * REVIEW or PUBLISHED, every recomputation of a result ranks the event again, records each entry whose rank, award
 * or titles changed (old and new, when, and the result change that caused it), keeps the new standings and appends
 * the changes to the event's audit chain, all in the transaction that changed the result. Reopening marking keeps
 * the snapshot: when the event goes out for review again, the standings are compared with what was last shown.
 *
 * <p>Locks: the snapshot row, after whatever the caller holds (the entry, or the event row for a step) and before
 * the head of the audit chain, so that the comparisons of one event happen one at a time, each against the last.
 */
@Component
class ReviewedStandings implements EventStepTaken {

    /** The statuses in which marking has closed and the standings are final. */
    static final Set<EventStatus> FINAL = Set.of(EventStatus.REVIEW, EventStatus.PUBLISHED);

    static final String RESULT_CHANGED = "RESULT_CHANGED";
    static final String REVIEW_RESUMED = "REVIEW_RESUMED";

    /** Who changed a result when no one signed in did (a command run on the server). */
    private static final String SYSTEM = "system";

    private final ResultStore results;
    private final ReviewStore store;
    private final EventRulebook rulebook;
    private final AuditTrail audit;
    private final Clock clock;

    ReviewedStandings(ResultStore results, ReviewStore store, EventRulebook rulebook, AuditTrail audit, Clock clock) {
        this.results = results;
        this.store = store;
        this.rulebook = rulebook;
        this.audit = audit;
        this.clock = clock;
    }

    static boolean isFinal(EventStatus status) {
        return FINAL.contains(status);
    }

    /**
     * Entering REVIEW keeps the final standings; entering it again compares them with those kept before. Other
     * steps keep what is kept.
     */
    @Override
    public Mono<Void> taken(long eventId, EventStatus from, EventStatus to, String actor) {
        if (to != EventStatus.REVIEW) {
            return Mono.empty();
        }
        return rulebook.rules(eventId).flatMap(rules -> store.lock(eventId)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(kept -> kept.isEmpty() ? compare(rules, null, null, actor)
                        : store.resultChangesAfter(eventId, kept.get().lastChangeId()).collectList()
                                .flatMap(since -> compare(rules, kept.get().places(),
                                        new StandingChangeView.Cause(REVIEW_RESUMED, since, actor), actor))));
    }

    /**
     * Called in the transaction that stored an entry's new result: while the event's standings are final, records
     * what the change did to them. Does nothing (and waits for nothing) while the event is marking.
     *
     * @param eventStatus the event's status as that transaction read it
     */
    Mono<Void> resultChanged(EventRules rules, EventStatus eventStatus, StandingChangeView.ResultChangeRef change) {
        if (!FINAL.contains(eventStatus)) {
            // Nothing is kept to compare with before marking closes; not asked of the database for every mark.
            return Mono.empty();
        }
        long eventId = rules.eventId();
        return store.lockWhile(eventId, FINAL.stream().map(Enum::name).toList())
                .flatMap(kept -> actor().flatMap(actor -> compare(rules, kept.places(),
                        new StandingChangeView.Cause(RESULT_CHANGED, List.of(change), actor), actor)));
    }

    /**
     * Ranks the stored results, records every entry placed otherwise than in {@code before} (when there is a
     * before), and keeps the standings with the last result change they include.
     */
    private Mono<Void> compare(EventRules rules, List<StandingChangeView.Placing> before,
                               StandingChangeView.Cause cause, String actor) {
        long eventId = rules.eventId();
        Instant now = clock.instant();
        return Mono.zip(results.storedOfEvent(eventId).collectList(), results.lastChangeId(eventId))
                .flatMap(found -> {
                    List<StandingChangeView.Placing> after = Standings.of(eventId, rules, found.getT1(), false)
                            .entries().stream().map(StandingChangeView.Placing::of).toList();
                    List<StandingChangeView> changes = before == null ? List.of()
                            : changes(before, after, cause, now);
                    return Flux.fromIterable(changes).concatMap(change -> store.record(eventId, change))
                            .then(store.keep(eventId, after, found.getT2(), now))
                            .then(changes.isEmpty() ? Mono.empty() : audit.record(AuditRecord.of(
                                    AuditChain.event(eventId), actor, "results.standingsChanged",
                                    "event/" + eventId, changes.stream().map(StandingChangeView::before).toList(),
                                    changes.stream().map(StandingChangeView::after).toList())));
                });
    }

    /** One change per entry whose rank, award or titles differ, or that entered or left the standings. */
    static List<StandingChangeView> changes(List<StandingChangeView.Placing> before,
                                            List<StandingChangeView.Placing> after,
                                            StandingChangeView.Cause cause, Instant now) {
        Map<Long, StandingChangeView.Placing> old = new LinkedHashMap<>();
        before.forEach(placing -> old.put(placing.registrationId(), placing));
        List<StandingChangeView> changes = new ArrayList<>();
        for (StandingChangeView.Placing placing : after) {
            StandingChangeView.Placing was = old.remove(placing.registrationId());
            if (placing.placedOtherwiseThan(was)) {
                changes.add(new StandingChangeView(0, placing.registrationId(), placing.registrationNumber(), was,
                        placing, cause, now));
            }
        }
        old.values().forEach(gone -> changes.add(new StandingChangeView(0, gone.registrationId(),
                gone.registrationNumber(), gone, null, cause, now)));
        return changes;
    }

    private static Mono<String> actor() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Authentication::getName)
                .defaultIfEmpty(SYSTEM);
    }
}
