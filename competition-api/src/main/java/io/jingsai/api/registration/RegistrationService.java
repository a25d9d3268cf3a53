package io.jingsai.api.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.Listing;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.shared.StaleVersionException;
import io.jingsai.api.shared.Versions;
import reactor.core.publisher.Mono;

/**
 * Entering contestants and teams into events. Registration numbers are 1, 2, 3… per event in order of
 * registration (the event row is locked while one is handed out); a withdrawn entry keeps its number.
 */
@Service
class RegistrationService {

    static final String RESOURCE = "registration";
    static final Map<String, String> SORTABLE = Map.of("registrationNumber", "registration_number",
            "stationNumber", "station_number");

    private final RegistrationRepository registrations;
    private final EventEntryRules rules;
    private final RegistrationMapper mapper;
    private final Listing listing;
    private final Clock clock;

    RegistrationService(RegistrationRepository registrations, EventEntryRules rules, RegistrationMapper mapper,
                        Listing listing, Clock clock) {
        this.registrations = registrations;
        this.rules = rules;
        this.mapper = mapper;
        this.listing = listing;
        this.clock = clock;
    }

    @Transactional
    Mono<RegistrationView> register(long eventId, RegistrationCommand command) {
        return rules.lockEvent(eventId)
                .flatMap(rules::requireTakingEntries)
                .flatMap(event -> rules.requireEligible(event, command).then(rules.nextRegistrationNumber(eventId)))
                .flatMap(number -> {
                    Instant now = clock.instant();
                    return registrations.save(new RegistrationRow(null, eventId, number, command.stationNumber(),
                            command.contestantId(), command.teamId(), command.status(), null, now, now));
                })
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(e, eventId))
                .map(mapper::toView);
    }

    Mono<RegistrationView> find(long eventId, long id) {
        return load(eventId, id).map(mapper::toView);
    }

    Mono<PageView<RegistrationView>> list(long eventId, RegistrationStatus status, PageQuery page) {
        Criteria criteria = Criteria.where("event_id").is(eventId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return rules.requireExists(eventId)
                .then(listing.page(RegistrationRow.class, criteria, page))
                .map(rows -> rows.map(mapper::toView));
    }

    @Transactional
    Mono<RegistrationView> change(long eventId, long id, long expectedVersion, RegistrationChange change) {
        return load(eventId, id)
                .doOnNext(row -> Versions.require(RESOURCE, id, expectedVersion, row.version()))
                .flatMap(row -> registrations.save(row.change(change, clock.instant())))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(e, eventId))
                .onErrorMap(OptimisticLockingFailureException.class,
                        e -> StaleVersionException.changedMeanwhile(RESOURCE, id))
                .map(mapper::toView);
    }

    @Transactional
    Mono<Void> remove(long eventId, long id, long expectedVersion) {
        return rules.lockEvent(eventId)
                .flatMap(rules::requireTakingEntries)
                .then(load(eventId, id))
                .doOnNext(row -> Versions.require(RESOURCE, id, expectedVersion, row.version()))
                .flatMap(registrations::delete)
                .onErrorMap(DataIntegrityViolationException.class,
                        e -> new ConflictException("registration.hasMarks", id));
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
