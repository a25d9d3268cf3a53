package io.jingsai.api.enterprise;

import java.time.Clock;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.Listing;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.shared.VersionedRows;
import reactor.core.publisher.Mono;

/** Registering enterprises: unique credit codes, optimistic updates, deletes only while nothing refers to one. */
@Service
public class EnterpriseService {

    static final String RESOURCE = "enterprise";
    static final Map<String, String> SORTABLE = Map.of(
            "name", "name", "creditCode", "credit_code", "regionCode", "region_code", "createdAt", "created_at");

    private final EnterpriseRepository enterprises;
    private final VersionedRows<EnterpriseRow> rows;
    private final EnterpriseMapper mapper;
    private final Listing listing;
    private final Clock clock;

    EnterpriseService(EnterpriseRepository enterprises, EnterpriseMapper mapper, Listing listing, Clock clock) {
        this.enterprises = enterprises;
        this.rows = new VersionedRows<>(RESOURCE, enterprises, EnterpriseRow::version);
        this.mapper = mapper;
        this.listing = listing;
        this.clock = clock;
    }

    public Mono<EnterpriseView> register(EnterpriseCommand command) {
        return enterprises.save(EnterpriseRow.create(command, clock.instant()))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(command))
                .map(mapper::toView);
    }

    Mono<EnterpriseView> find(long id) {
        return rows.load(id).map(mapper::toView);
    }

    Mono<PageView<EnterpriseView>> list(EnterpriseFilter filter, PageQuery page) {
        return listing.page(EnterpriseRow.class, filter.criteria(), page).map(found -> found.map(mapper::toView));
    }

    @Transactional
    Mono<EnterpriseView> change(long id, long expectedVersion, EnterpriseCommand command) {
        return rows.loadAt(id, expectedVersion)
                .flatMap(row -> rows.save(id, row.update(command, clock.instant())))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(command))
                .map(mapper::toView);
    }

    @Transactional
    Mono<Void> remove(long id, long expectedVersion) {
        return rows.delete(id, expectedVersion, "enterprise.stillReferenced");
    }

    private static ConflictException duplicate(EnterpriseCommand command) {
        return new ConflictException("enterprise.duplicate");
    }
}
