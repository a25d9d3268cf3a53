package io.jingsai.api.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.audit.AuditChain;
import io.jingsai.api.audit.AuditRecord;
import io.jingsai.api.audit.AuditTrail;
import io.jingsai.api.event.EventStatus;
import io.jingsai.api.event.EventStepTaken;
import io.jingsai.api.privacy.PersonalDataCipher;
import io.jingsai.api.result.RankedResults;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.Crockford;
import io.jingsai.api.shared.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Certificates (证书) for the award winners and title holders of published events. Issued in the transaction that
 * publishes the event, from its final standings ({@link RankedResults}): one per entry with an award band or a title,
 * never twice (an entry's certificate is kept as first issued, and issuing again adds only what is missing). Published
 * results are final (corrections end with REVIEW, withdrawals with publication), so a certificate is never superseded.
 *
 * <p>A number reads {@code 2025-0012-0007-7K3M9QXD}: the programme's year, the event id and the registration number
 * (each at least four digits), and eight characters of Crockford's base 32 from a keyed HMAC of the rest, under the
 * lookup key of personal data with a label of its own. The first part makes numbers unique, the last makes them
 * impossible to guess: knowing one certificate's number tells nothing of the next.
 */
@Service
class CertificateService implements EventStepTaken {

    static final int CHECK_LENGTH = 8;
    private static final String LABEL = "jingsai certificate v1:";

    /** What the audit trail records of each certificate issued. */
    record Issued(String number, long registrationId, String award, List<String> titles) {
    }

    private final CertificateStore store;
    private final RankedResults results;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    CertificateService(CertificateStore store, RankedResults results, PersonalDataCipher cipher, AuditTrail audit,
                       Clock clock) {
        this.store = store;
        this.results = results;
        this.cipher = cipher;
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

    /** The certificate with this number, read as typed; 404 for any text that is not the number of one. */
    Mono<CertificateCheckView> check(String typed) {
        return store.byNumber(Crockford.read(typed))
                .map(CertificateCheckView::of)
                .switchIfEmpty(Mono.error(() -> NotFoundException.because("notFound.certificate")));
    }

    /** The number of the certificate of the entry with this number in the event, in this programme year. */
    String number(int year, long eventId, int registrationNumber) {
        String stem = String.format(Locale.ROOT, "%d-%04d-%04d", year, eventId, registrationNumber);
        return stem + "-" + Crockford.ofHex(cipher.lookupHash(LABEL + stem), CHECK_LENGTH);
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
        return new CertificateView(number(entrant.programmeYear(), eventId, placed.registrationNumber()), eventId,
                placed.registrationId(), placed.registrationNumber(), placed.rank(), placed.award(), placed.titles(),
                placed.total(), placed.resultVersion(), entrant.name(), entrant.enterprise(), entrant.eventName(),
                entrant.tradeName(), entrant.programmeName(), entrant.programmeYear(), now, actor);
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
