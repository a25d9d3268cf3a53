package io.jingsai.api.certificate;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import io.jingsai.api.event.EventStatus;
import io.jingsai.api.event.PublicEvents;
import io.jingsai.api.registration.VerificationCodes;
import io.jingsai.api.result.RankedResults;
import io.jingsai.api.shared.AccessRefusedException;
import io.jingsai.api.shared.BackOff;
import io.jingsai.api.shared.Crockford;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.shared.RejectedRequestException;
import reactor.core.publisher.Mono;

/**
 * A contestant's own results, for anyone who has their registration number and verification code
 * ({@link VerificationCodes}). An unknown number, a wrong code and an event whose results are not public yet
 * ({@link PublicEvents}: before MARKING, or blind and not revealed, as for the boards) all get the same 404, after the
 * same work, so the answer never tells which numbers exist. Failed look-ups are counted per client address and event
 * ({@link BackOff}): past a few, the address waits before it may try that event again (429), so codes cannot be
 * guessed by trying them.
 */
@Service
class OwnResultService {

    /** Contestants mistype; an address guessing at an event's codes is slowed down soon after. */
    static final int FREE_FAILURES = 10;
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    /** The setting of the first lock (1 s unless set; tests set it long, so that a lock outlasts a slow request). */
    static final String FIRST_LOCK = "jingsai.own-results.first-lock";

    private final CertificateStore store;
    private final RankedResults results;
    private final VerificationCodes codes;
    private final BackOff guesses;

    OwnResultService(CertificateStore store, RankedResults results, VerificationCodes codes, Clock clock,
                     @Value("${" + FIRST_LOCK + ":1s}") Duration firstLock) {
        this.store = store;
        this.results = results;
        this.codes = codes;
        this.guesses = new BackOff(clock, new BackOff.Policy(FREE_FAILURES, firstLock,
                firstLock.compareTo(LONGEST_LOCK) > 0 ? firstLock : LONGEST_LOCK));
    }

    /**
     * The result of the entry with this number, if {@code code} is its verification code: 400 for a code that cannot
     * be one, 429 while the address is locked out of the event, 404 otherwise.
     */
    Mono<OwnResultView> lookUp(long eventId, long registrationNumber, String code, String clientAddress) {
        String typed = Crockford.normalised(code);
        if (!VerificationCodes.wellFormed(typed)) {
            return Mono.error(RejectedRequestException.of("code", "verificationCode.format",
                    VerificationCodes.LENGTH));
        }
        String guesser = clientAddress + " " + eventId;
        Duration locked = guesses.lockedFor(guesser);
        if (!locked.isZero()) {
            long seconds = BackOff.seconds(locked);
            return Mono.error(new AccessRefusedException(429, Map.of("Retry-After", String.valueOf(seconds)),
                    "ownResult.throttled", seconds));
        }
        return store.entrant(eventId, registrationNumber)
                .filter(CertificateStore.Entrant::resultsPublic)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> codes.matches(eventId, found.map(CertificateStore.Entrant::registrationId)
                        .orElse(null), typed) ? shown(eventId, found.get()) : refused(guesser));
    }

    private Mono<OwnResultView> refused(String guesser) {
        guesses.failed(guesser);
        return Mono.error(NotFoundException.because("notFound.ownResult"));
    }

    private Mono<OwnResultView> shown(long eventId, CertificateStore.Entrant entrant) {
        return Mono.zip(results.of(eventId), store.numberOf(entrant.registrationId()).map(Optional::of)
                        .defaultIfEmpty(Optional.empty()))
                .map(found -> view(entrant, found.getT1(), found.getT2().orElse(null)));
    }

    private static OwnResultView view(CertificateStore.Entrant entrant, RankedResults.EventResults event,
                                      String certificate) {
        OwnResultView.Result result = event.entries().stream()
                .filter(placed -> placed.registrationId() == entrant.registrationId())
                .findFirst()
                .map(placed -> new OwnResultView.Result(placed.status(), placed.total(), placed.components(),
                        placed.rank(), placed.award(), placed.titles()))
                .orElse(null);
        return new OwnResultView(event.eventId(), entrant.eventName(), event.status(), entrant.tradeName(),
                entrant.tradeNameEn(), entrant.registrationNumber(), entrant.name(), entrant.enterprise(),
                entrant.regionCode(), entrant.registrationStatus(), event.provisional(),
                event.status() == EventStatus.PUBLISHED, result, certificate);
    }
}
