package io.jingsai.api.judge;

import java.time.Clock;
import java.util.Map;

import org.springframework.data.relational.core.query.Criteria;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.shared.ExistingReferences;
import io.jingsai.api.shared.ExistingReferences.Reference;
import io.jingsai.api.shared.ExistingReferences.Table;
import io.jingsai.api.shared.Listing;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.shared.VersionedRows;
import reactor.core.publisher.Mono;
import io.jingsai.api.shared.Likes;

/** Registering judges. Two judges may share a name; they are told apart by id. */
@Service
class JudgeService {

    static final String RESOURCE = "judge";
    static final Map<String, String> SORTABLE = Map.of("name", "name", "qualification", "qualification",
            "createdAt", "created_at");

    private final JudgeRepository judges;
    private final VersionedRows<JudgeRow> rows;
    private final JudgeMapper mapper;
    private final ExistingReferences references;
    private final Listing listing;
    private final Clock clock;

    JudgeService(JudgeRepository judges, JudgeMapper mapper, ExistingReferences references, Listing listing,
                 Clock clock) {
        this.judges = judges;
        this.rows = new VersionedRows<>(RESOURCE, judges, JudgeRow::version);
        this.mapper = mapper;
        this.references = references;
        this.listing = listing;
        this.clock = clock;
    }

    Mono<JudgeView> register(JudgeCommand command) {
        return requireEnterprise(command)
                .then(Mono.defer(() -> judges.save(JudgeRow.create(command, clock.instant()))))
                .map(mapper::toView);
    }

    Mono<JudgeView> find(long id, boolean revealContact) {
        return rows.load(id).map(row -> revealContact ? mapper.toRevealedView(row) : mapper.toView(row));
    }

    Mono<PageView<JudgeView>> list(String q, Long enterpriseId, Qualification qualification, PageQuery page) {
        Criteria criteria = Criteria.empty();
        if (q != null && !q.isBlank()) {
            criteria = criteria.and("name").like(Likes.containing(q));
        }
        if (enterpriseId != null) {
            criteria = criteria.and("enterprise_id").is(enterpriseId);
        }
        if (qualification != null) {
            criteria = criteria.and("qualification").is(qualification);
        }
        return listing.page(JudgeRow.class, criteria, page).map(found -> found.map(mapper::toView));
    }

    @Transactional
    Mono<JudgeView> change(long id, long expectedVersion, JudgeCommand command) {
        return rows.loadAt(id, expectedVersion)
                .flatMap(row -> requireEnterprise(command).thenReturn(row))
                .flatMap(row -> rows.save(id, row.update(command, clock.instant())))
                .map(mapper::toView);
    }

    @Transactional
    Mono<Void> remove(long id, long expectedVersion) {
        return rows.delete(id, expectedVersion, "judge.stillReferenced");
    }

    private Mono<Void> requireEnterprise(JudgeCommand command) {
        return references.require(new Reference("enterpriseId", Table.ENTERPRISE, command.enterpriseId()));
    }

}
