package io.jingsai.api.contestant;

import java.time.Clock;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.identifiers.ResidentIdNumber;
import io.jingsai.api.privacy.PersonalDataCipher;
import io.jingsai.api.privacy.RevealAudit;
import io.jingsai.api.privacy.RevealRequest;
import io.jingsai.api.privacy.RevealSubjects;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.ExistingReferences;
import io.jingsai.api.shared.ExistingReferences.Reference;
import io.jingsai.api.shared.ExistingReferences.Table;
import io.jingsai.api.shared.Listing;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.shared.VersionedRows;
import reactor.core.publisher.Mono;

/**
 * Registering contestants. A person is registered once (one row per resident ID number, unique by its keyed hash);
 * their ID number and phone are personal data, sealed at rest and masked in every view unless an organizer asks to
 * see them, with a reason, and the reveal is recorded.
 */
@Service
public class ContestantService {

    static final String RESOURCE = "contestant";
    /** What a reveal shows in full, as the reveal audit records it. */
    static final String REVEALED_FIELDS = "idNumber,birthDate,phone";
    static final Map<String, String> SORTABLE = Map.of("name", "name", "createdAt", "created_at",
            "birthDate", "birth_date");

    private final ContestantRepository contestants;
    private final VersionedRows<ContestantRow> rows;
    private final ContestantViews views;
    private final PersonalDataCipher cipher;
    private final RevealAudit audit;
    private final ExistingReferences references;
    private final Listing listing;
    private final Clock clock;

    ContestantService(ContestantRepository contestants, ContestantViews views, PersonalDataCipher cipher,
                      RevealAudit audit, ExistingReferences references, Listing listing, Clock clock) {
        this.contestants = contestants;
        this.rows = new VersionedRows<>(RESOURCE, contestants, ContestantRow::version);
        this.views = views;
        this.cipher = cipher;
        this.audit = audit;
        this.references = references;
        this.listing = listing;
        this.clock = clock;
    }

    public Mono<ContestantView> register(ContestantCommand command) {
        ResidentIdNumber idNumber = ResidentIdNumber.of(command.idNumber(), clock);
        return requireReferences(command)
                .then(Mono.defer(() -> contestants.save(ContestantRow.create(command, idNumber, cipher,
                        clock.instant()))))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate())
                .map(views::masked);
    }

    Mono<ContestantView> find(long id) {
        return rows.load(id).map(views::masked);
    }

    /** The contestant in full, once the reveal is recorded (who, when, why); nothing is shown unrecorded. */
    Mono<ContestantView> reveal(long id, String by, RevealRequest request) {
        return rows.load(id).flatMap(row -> audit.record(by, RevealSubjects.CONTESTANT, id, null, REVEALED_FIELDS,
                request).then(Mono.fromSupplier(() -> views.revealed(row))));
    }

    Mono<PageView<ContestantView>> list(ContestantFilter filter, PageQuery page) {
        return listing.page(ContestantRow.class, "contestant", filter.condition(), page)
                .map(found -> found.map(views::masked));
    }

    @Transactional
    Mono<ContestantView> change(long id, long expectedVersion, ContestantCommand command) {
        ResidentIdNumber idNumber = ResidentIdNumber.of(command.idNumber(), clock);
        return rows.loadAt(id, expectedVersion)
                .flatMap(row -> requireReferences(command).thenReturn(row))
                .flatMap(row -> rows.save(id, row.update(command, idNumber, cipher, clock.instant())))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate())
                .map(views::masked);
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
