package io.jingsai.api.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.audit.AuditChain;
import io.jingsai.api.audit.AuditRecord;
import io.jingsai.api.audit.AuditTrail;
import io.jingsai.api.event.EventStatus;
import io.jingsai.api.event.EventStepTaken;
import io.jingsai.api.result.RankedResults;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Certificates (证书) for the award winners and title holders of published events. Issued in the transaction that
 * publishes the event, from its final standings ({@link RankedResults}): one per entry with an award band or a title,
 * never twice (an entry's certificate is kept as first issued, and issuing again adds only what is missing). Published
 * results are final (corrections end with REVIEW, withdrawals with publication), so a certificate is never superseded.
 *
 * <p>A number reads {@code 2025-0012-0007-7K3M9QXD} ({@link CertificateNumbers#ofEntry}). The public check answers
 * for these and for the tier members' certificates ({@link TierCertificateService}) alike.
 */
@Service
class CertificateService implements EventStepTaken {

    /** What the audit trail records of each certificate issued. */
    record Issued(String number, long registrationId, String award, List<String> titles) {
    }

    private final CertificateStore store;
    private final TierCertificateStore tierStore;
    private final RankedResults results;
    private final CertificateNumbers numbers;
    private final AuditTrail audit;
    private final Clock clock;

    CertificateService(CertificateStore store, TierCertificateStore tierStore, RankedResults results,
                       CertificateNumbers numbers, AuditTrail audit, Clock clock) {
        this.store = store;
        this.tierStore = tierStore;
        this.results = results;
        this.numbers = numbers;
        this.audit = audit;
        this.clock = clock;
    }

    /** Publishing an event issues its certificates, in the same transaction. */
    @Override
    public Mono<Void> taken(long eventId, EventStatus from, EventStatus to, String actor) {
        return to == EventStatus.PUBLISHED ? issueMissing(eventId, actor).then() : Mono.empty();
    }

    /**
     * Issues the certificates a published event lacks (those of an event published before certificates existed);
     * 409 for an event that is not published, 404 for none.
     */
    @Transactional
    Mono<CertificatesView> issue(long eventId, String actor) {
        return status(eventId).flatMap(status -> status == EventStatus.PUBLISHED ? issueMissing(eventId, actor)
                : Mono.error(new ConflictException("certificate.notPublished", eventId, status)));
    }

    /** The event's certificates; 404 for an event that does not exist. */
    Mono<CertificatesView> list(long eventId) {
        return status(eventId).thenMany(store.ofEvent(eventId)).collectList()
                .map(items -> new CertificatesView(eventId, 0, items));
    }

    /**
     * The certificate with this number, of either kind (an award winner's or a tier member's), read as typed; the
     * same 404 for any text that is not the number of one.
     */
    Mono<CertificateCheckView> check(String typed) {
        String number = CertificateNumbers.read(typed);
        return store.byNumber(number).map(CertificateCheckView::of)
                .switchIfEmpty(Mono.defer(() -> tierStore.byNumber(number).map(CertificateCheckView::of)))
                .switchIfEmpty(Mono.error(() -> NotFoundException.because("notFound.certificate")));
    }

    private Mono<EventStatus> status(long eventId) {
        return store.eventStatus(eventId).switchIfEmpty(Mono.error(() -> new NotFoundException("event", eventId)));
    }

    private Mono<CertificatesView> issueMissing(long eventId, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Mono.zip(results.of(eventId), store.entrants(eventId)
                        .collectMap(CertificateStore.Entrant::registrationId))
                .flatMapMany(found -> Flux.fromIterable(found.getT1().entries())
                        .filter(CertificateService::placed)
                        .map(placed -> certificate(eventId, placed, found.getT2().get(placed.registrationId()), now,
                                actor)))
                .concatMap(store::insertIfNew)
                .collectList()
                .flatMap(issued -> record(eventId, actor, issued)
                        .then(store.ofEvent(eventId).collectList())
                        .map(items -> new CertificatesView(eventId, issued.size(), items)));
    }

    /** An award band or a title is what a certificate certifies. */
    private static boolean placed(RankedResults.Placed placed) {
        return placed.award() != null || !placed.titles().isEmpty();
    }

    private CertificateView certificate(long eventId, RankedResults.Placed placed, CertificateStore.Entrant entrant,
                                        Instant now, String actor) {
        return new CertificateView(numbers.ofEntry(entrant.programmeYear(), eventId, placed.registrationNumber()),
                eventId, placed.registrationId(), placed.registrationNumber(), placed.rank(), placed.award(),
                placed.titles(), placed.total(), placed.resultVersion(), entrant.name(), entrant.enterprise(),
                entrant.eventName(), entrant.tradeName(), entrant.programmeName(), entrant.programmeYear(), now, actor);
    }

    private Mono<Void> record(long eventId, String actor, List<CertificateView> issued) {
        if (issued.isEmpty()) {
            return Mono.empty();
        }
        return audit.record(AuditRecord.of(AuditChain.event(eventId), actor, "certificates.issued",
                "event/" + eventId, null, Map.of("certificates", issued.stream()
                        .map(certificate -> new Issued(certificate.number(), certificate.registrationId(),
                                certificate.award(), certificate.titles()))
                        .toList())));
    }
}
