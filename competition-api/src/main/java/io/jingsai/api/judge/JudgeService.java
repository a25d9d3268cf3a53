package io.jingsai.api.judge;

import java.time.Clock;
import java.util.Map;

import org.springframework.data.relational.core.query.Criteria;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.privacy.PersonalDataCipher;
import io.jingsai.api.privacy.RevealAudit;
import io.jingsai.api.privacy.RevealRequest;
import io.jingsai.api.privacy.RevealSubjects;
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
 * Registering judges. Two judges may share a name; they are told apart by id. Phone and e-mail are sealed at rest
 * and shown masked unless revealed, with a reason, which is recorded.
 */
@Service
public class JudgeService {

    static final String RESOURCE = "judge";
    /** What a reveal shows in full, as the reveal audit records it. */
    static final String REVEALED_FIELDS = "phone,email";
    static final Map<String, String> SORTABLE = Map.of("name", "name", "qualification", "qualification",
            "createdAt", "created_at");

    private final JudgeRepository judges;
    private final VersionedRows<JudgeRow> rows;
    private final JudgeViews views;
    private final PersonalDataCipher cipher;
    private final RevealAudit audit;
    private final ExistingReferences references;
    private final Listing listing;
    private final Clock clock;

    JudgeService(JudgeRepository judges, JudgeViews views, PersonalDataCipher cipher, RevealAudit audit,
                 ExistingReferences references, Listing listing, Clock clock) {
        this.judges = judges;
        this.rows = new VersionedRows<>(RESOURCE, judges, JudgeRow::version);
        this.views = views;
        this.cipher = cipher;
        this.audit = audit;
        this.references = references;
        this.listing = listing;
        this.clock = clock;
    }

    public Mono<JudgeView> register(JudgeCommand command) {
        return requireEnterprise(command)
                .then(Mono.defer(() -> judges.save(JudgeRow.create(command, cipher, clock.instant()))))
                .map(views::masked);
    }

    Mono<JudgeView> find(long id) {
        return rows.load(id).map(views::masked);
    }

    /** The judge's phone and e-mail in full, once the reveal is recorded (who, when, why). */
    Mono<JudgeView> reveal(long id, String by, RevealRequest request) {
        return rows.load(id).flatMap(row -> audit.record(by, RevealSubjects.JUDGE, id, null, REVEALED_FIELDS,
                request).then(Mono.fromSupplier(() -> views.revealed(row))));
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
        return listing.page(JudgeRow.class, criteria, page).map(found -> found.map(views::masked));
    }

    @Transactional
    Mono<JudgeView> change(long id, long expectedVersion, JudgeCommand command) {
        return rows.loadAt(id, expectedVersion)
                .flatMap(row -> requireEnterprise(command).thenReturn(row))
                .flatMap(row -> rows.save(id, row.update(command, cipher, clock.instant())))
                .map(views::masked);
    }

    @Transactional
    Mono<Void> remove(long id, long expectedVersion) {
        return rows.delete(id, expectedVersion, "judge.stillReferenced");
    }

    private Mono<Void> requireEnterprise(JudgeCommand command) {
        return references.require(new Reference("enterpriseId", Table.ENTERPRISE, command.enterpriseId()));
    }

}
