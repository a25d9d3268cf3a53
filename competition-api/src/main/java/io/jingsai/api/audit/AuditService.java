package io.jingsai.api.audit;

import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

import java.util.Map;

import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.stereotype.Service;

import io.jingsai.api.shared.Listing;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reading and verifying the audit trail. */
@Service
class AuditService {

    static final Map<String, String> CHAIN_SORT = Map.of("chain", "chain");
    static final Map<String, String> ENTRY_SORT = Map.of("position", "position");

    /** Each entry's links, and the hash its content and previous hash give now (the function entries are written with). */
    private static final String LINKS = """
            SELECT position, previous_hash, entry_hash,
                   audit_entry_hash(previous_hash, chain, position, occurred_at, actor, action, subject, reason,
                                    before_state, after_state) AS content_hash
            FROM audit_entry WHERE chain = :chain AND position <= :length ORDER BY position""";

    private final R2dbcEntityTemplate template;
    private final Listing listing;

    AuditService(R2dbcEntityTemplate template, Listing listing) {
        this.template = template;
        this.listing = listing;
    }

    Mono<PageView<ChainView>> chains(PageQuery page) {
        return listing.page(ChainRow.class, Criteria.empty(), page).map(rows -> rows.map(ChainView::of));
    }

    Mono<ChainView> chain(AuditChain chain) {
        return head(chain).map(ChainView::of);
    }

    private Mono<ChainRow> head(AuditChain chain) {
        return template.selectOne(query(where("chain").is(chain.name())), ChainRow.class)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("auditChain", chain.name())));
    }

    Mono<PageView<AuditEntryView>> entries(AuditChain chain, PageQuery page) {
        return head(chain).then(listing.page(AuditEntry.class, where("chain").is(chain.name()), page))
                .map(entries -> entries.map(AuditEntryView::of));
    }

    /**
     * Checks the chain from its first entry up to the head as read at the start: entries appended meanwhile are
     * after the head and not looked at.
     */
    Mono<ChainVerification> verify(AuditChain chain) {
        return head(chain).flatMap(head -> Mono.defer(() -> walk(head)));
    }

    private Mono<ChainVerification> walk(ChainRow head) {
        ChainWalk walk = new ChainWalk();
        return entriesUpTo(head)
                .mapNotNull(walk::step)
                .next()
                .switchIfEmpty(Mono.fromSupplier(() -> walk.end(head.length(), head.headHash())))
                .map(broken -> new ChainVerification(head.chain(), head.length(), head.headHash(),
                        walk.entriesChecked(), false, broken))
                .defaultIfEmpty(new ChainVerification(head.chain(), head.length(), head.headHash(), head.length(),
                        true, null));
    }

    private Flux<ChainWalk.Link> entriesUpTo(ChainRow head) {
        return template.getDatabaseClient().sql(LINKS)
                .bind("chain", head.chain())
                .bind("length", head.length())
                .map(row -> new ChainWalk.Link(row.get("position", Long.class), row.get("previous_hash", String.class),
                        row.get("entry_hash", String.class), row.get("content_hash", String.class)))
                .all();
    }
}
