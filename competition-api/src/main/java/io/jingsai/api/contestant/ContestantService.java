package io.jingsai.api.contestant;

import java.time.Clock;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.identifiers.ResidentIdNumber;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.ExistingReferences;
import io.jingsai.api.shared.ExistingReferences.Reference;
import io.jingsai.api.shared.ExistingReferences.Table;
import io.jingsai.api.shared.Likes;
import io.jingsai.api.shared.Listing;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.shared.VersionedRows;
import reactor.core.publisher.Mono;

/**
 * Registering contestants. A person is registered once (one row per resident ID number); their ID number is
 * personal data, masked in every view unless an organizer explicitly asks to see it.
 */
@Service
class ContestantService {

    static final String RESOURCE = "contestant";
    static final Map<String, String> SORTABLE = Map.of("name", "name", "createdAt", "created_at",
            "birthDate", "birth_date");

    private final ContestantRepository contestants;
    private final VersionedRows<ContestantRow> rows;
    private final ContestantMapper mapper;
    private final ExistingReferences references;
    private final Listing listing;
    private final Clock clock;

    ContestantService(ContestantRepository contestants, ContestantMapper mapper, ExistingReferences references,
                      Listing listing, Clock clock) {
        this.contestants = contestants;
        this.rows = new VersionedRows<>(RESOURCE, contestants, ContestantRow::version);
        this.mapper = mapper;
        this.references = references;
        this.listing = listing;
        this.clock = clock;
    }

    Mono<ContestantView> register(ContestantCommand command) {
        ResidentIdNumber idNumber = ResidentIdNumber.of(command.idNumber(), clock);
        return requireReferences(command)
                .then(Mono.defer(() -> contestants.save(ContestantRow.create(command, idNumber, clock.instant()))))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate())
                .map(mapper::toView);
    }

    Mono<ContestantView> find(long id, boolean revealIdNumber) {
        return rows.load(id).map(row -> revealIdNumber ? mapper.toRevealedView(row) : mapper.toView(row));
    }

    Mono<PageView<ContestantView>> list(ContestantFilter filter, PageQuery page) {
        return listing.page(ContestantRow.class, "contestant", filter.condition(), page)
                .map(found -> found.map(mapper::toView));
    }

    @Transactional
    Mono<ContestantView> change(long id, long expectedVersion, ContestantCommand command) {
        ResidentIdNumber idNumber = ResidentIdNumber.of(command.idNumber(), clock);
        return rows.loadAt(id, expectedVersion)
                .flatMap(row -> requireReferences(command).thenReturn(row))
                .flatMap(row -> rows.save(id, row.update(command, idNumber, clock.instant())))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate())
                .map(mapper::toView);
    }

    @Transactional
    Mono<Void> remove(long id, long expectedVersion) {
        return rows.delete(id, expectedVersion, "contestant.stillReferenced");
    }

    private Mono<Void> requireReferences(ContestantCommand command) {
        return references.require(new Reference("enterpriseId", Table.ENTERPRISE, command.enterpriseId()),
                new Reference("tradeId", Table.TRADE, command.tradeId()));
    }

    private static ConflictException duplicate() {
        // The number itself is not repeated: error bodies never carry personal data.
        return new ConflictException("contestant.duplicate");
    }
}
