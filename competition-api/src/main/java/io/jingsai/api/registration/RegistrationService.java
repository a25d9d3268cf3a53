package io.jingsai.api.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.audit.AuditChain;
import io.jingsai.api.audit.AuditRecord;
import io.jingsai.api.audit.AuditTrail;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.Listing;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.shared.RejectedRequestException;
import io.jingsai.api.shared.StaleVersionException;
import io.jingsai.api.shared.Versions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Entering contestants and teams into events. Registration numbers are 1, 2, 3… per event in order of
 * registration (the event row is locked while one is handed out, and while a registration changes, so that a change
 * and the event's move to MARKING do not cross). A withdrawn entry keeps its row, numbers and marks, and the
 * withdrawal joins the event's audit chain.
 */
@Service
public class RegistrationService {

    static final String RESOURCE = "registration";
    static final Map<String, String> SORTABLE = Map.of("registrationNumber", "registration_number",
            "stationNumber", "station_number");

    private final RegistrationRepository registrations;
    private final EventEntryRules rules;
    private final RegistrationMapper mapper;
    private final VerificationCodes codes;
    private final Listing listing;
    private final AuditTrail audit;
    private final ObjectProvider<EntryWithdrawn> followers;
    private final ObjectProvider<EntryAbsence> absenceFollowers;
    private final Clock clock;

    RegistrationService(RegistrationRepository registrations, EventEntryRules rules, RegistrationMapper mapper,
                        VerificationCodes codes, Listing listing, AuditTrail audit,
                        ObjectProvider<EntryWithdrawn> followers, ObjectProvider<EntryAbsence> absenceFollowers,
                        Clock clock) {
        this.registrations = registrations;
        this.rules = rules;
        this.mapper = mapper;
        this.codes = codes;
        this.listing = listing;
        this.audit = audit;
        this.followers = followers;
        this.absenceFollowers = absenceFollowers;
        this.clock = clock;
    }

    @Transactional
    public Mono<RegistrationView> register(long eventId, RegistrationCommand command) {
        return rules.lockEvent(eventId)
                .flatMap(rules::requireTakingEntries)
                .flatMap(event -> rules.requireEligible(event, command).then(rules.nextRegistrationNumber(eventId)))
                .flatMap(number -> registrations.save(RegistrationRow.create(eventId, number, command, clock.instant())))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(e, eventId))
                .map(this::view);
    }

    Mono<RegistrationView> find(long eventId, long id) {
        return load(eventId, id).map(this::view);
    }

    Mono<PageView<RegistrationView>> list(long eventId, RegistrationStatus status, PageQuery page) {
        Criteria criteria = Criteria.where("event_id").is(eventId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return rules.requireExists(eventId)
                .then(listing.page(RegistrationRow.class, criteria, page))
                .map(rows -> rows.map(this::view));
    }

    /** Replaces the station number and status while the event takes entries; withdrawal is its own operation. */
    @Transactional
    Mono<RegistrationView> change(long eventId, long id, long expectedVersion, RegistrationChange change) {
        if (change.status() == RegistrationStatus.WITHDRAWN) {
            return Mono.error(RejectedRequestException.of("status", "registration.withdrawOnly"));
        }
        if (change.status() == RegistrationStatus.ABSENT) {
            return Mono.error(RejectedRequestException.of("status", "registration.absenceOnly"));
        }
        return rules.lockEvent(eventId)
                .flatMap(event -> rules.requireBeforeMarking(event, id))
                .then(loadAt(eventId, id, expectedVersion))
                .flatMap(RegistrationService::requireNotWithdrawn)
                .flatMap(row -> registrations.save(row.change(change, clock.instant())))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(e, eventId))
                .onErrorMap(OptimisticLockingFailureException.class, e -> stale(id))
                .map(this::view);
    }

    /**
     * Withdraws a registration (退赛) at any time before the results are published: the row keeps its numbers, its
     * station and its marks, and records who withdrew it, when and why.
     */
    @Transactional
    Mono<RegistrationView> withdraw(long eventId, long id, long expectedVersion, String by,
                                    RegistrationWithdrawal withdrawal) {
        return rules.lockEvent(eventId)
                .flatMap(rules::requireResultsNotPublished)
                .then(loadAt(eventId, id, expectedVersion))
                .flatMap(RegistrationService::requireNotWithdrawn)
                .flatMap(row -> registrations.save(row.withdraw(by, withdrawal.reason(), clock.instant()))
                        .flatMap(withdrawn -> Flux.fromStream(followers.orderedStream())
                                .concatMap(follower -> follower.withdrawn(eventId, id))
                                .then(audit.record(withdrawalRecord(row, withdrawn)))
                                .thenReturn(withdrawn)))
                .onErrorMap(OptimisticLockingFailureException.class, e -> stale(id))
                .map(this::view);
    }

    /**
     * Records that the entry did not start (ABSENT), or takes that back, while the event is MARKING: the row keeps
     * its numbers and marks; the entry's result is stored again (through the outbox) and the change joins the
     * event's audit chain with its reason.
     */
    @Transactional
    Mono<RegistrationView> absence(long eventId, long id, long expectedVersion, String by,
                                   RegistrationAbsence absence) {
        Instant now = clock.instant();
        return rules.lockEvent(eventId)
                .flatMap(rules::requireMarking)
                .then(loadAt(eventId, id, expectedVersion))
                .flatMap(row -> absence.absent() ? requireMayBeAbsent(row) : requireAbsent(row))
                .flatMap(row -> registrations.save(absence.absent() ? row.absent(by, absence.reason(), now)
                                : row.present(now))
                        .flatMap(changed -> Flux.fromStream(absenceFollowers.orderedStream())
                                .concatMap(follower -> follower.absenceChanged(eventId, id))
                                .then(audit.record(AuditRecord.of(AuditChain.event(eventId), by,
                                        absence.absent() ? "registration.absent" : "registration.present",
                                        "registration/" + id, Map.of("status", row.status()),
                                        Map.of("status", changed.status())).because(absence.reason())))
                                .thenReturn(changed)))
                .onErrorMap(OptimisticLockingFailureException.class, e -> stale(id))
                .map(this::view);
    }

    private static Mono<RegistrationRow> requireMayBeAbsent(RegistrationRow row) {
        return switch (row.status()) {
            case WITHDRAWN -> Mono.error(new ConflictException("registration.withdrawn", row.id()));
            case ABSENT -> Mono.error(new ConflictException("registration.alreadyAbsent", row.id()));
            default -> Mono.just(row);
        };
    }

    private static Mono<RegistrationRow> requireAbsent(RegistrationRow row) {
        return row.status() == RegistrationStatus.ABSENT ? Mono.just(row)
                : Mono.error(new ConflictException("registration.notAbsent", row.id()));
    }

    private static AuditRecord withdrawalRecord(RegistrationRow before, RegistrationRow after) {
        return AuditRecord.of(AuditChain.event(after.eventId()), after.withdrawnBy(), "registration.withdrawn",
                        "registration/" + after.id(), Map.of("status", before.status()),
                        Map.of("status", after.status()))
                .because(after.withdrawalReason());
    }

    @Transactional
    Mono<Void> remove(long eventId, long id, long expectedVersion) {
        return rules.lockEvent(eventId)
                .flatMap(rules::requireTakingEntries)
                .then(loadAt(eventId, id, expectedVersion))
                .flatMap(registrations::delete)
                .onErrorMap(DataIntegrityViolationException.class,
                        e -> new ConflictException("registration.hasMarks", id));
    }

    private RegistrationView view(RegistrationRow row) {
        return mapper.toView(row, codes.of(row.eventId(), row.id()));
    }

    private Mono<RegistrationRow> loadAt(long eventId, long id, long expectedVersion) {
        return load(eventId, id).doOnNext(row -> Versions.require(RESOURCE, id, expectedVersion, row.version()));
    }

    private static Mono<RegistrationRow> requireNotWithdrawn(RegistrationRow row) {
        if (row.status() == RegistrationStatus.WITHDRAWN) {
            return Mono.error(new ConflictException("registration.withdrawn", row.id()));
        }
        return Mono.just(row);
    }

    private static StaleVersionException stale(long id) {
        return StaleVersionException.changedMeanwhile(RESOURCE, id);
    }

    private Mono<RegistrationRow> load(long eventId, long id) {
        return registrations.findByIdAndEventId(id, eventId)
                .switchIfEmpty(Mono.error(() -> NotFoundException.because("notFound.registration", id, eventId)));
    }

    private static ConflictException duplicate(DuplicateKeyException e, long eventId) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("registration_station_unique")) {
            return new ConflictException("registration.stationTaken", eventId);
        }
        if (message.contains("registration_number_unique")) {
            return new ConflictException("registration.numberRace");
        }
        return new ConflictException("registration.duplicate", eventId);
    }
}
