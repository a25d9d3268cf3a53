package io.jingsai.api.trade;

import java.time.Clock;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.Listing;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.shared.VersionedRows;
import reactor.core.publisher.Mono;
import io.jingsai.api.shared.Likes;

/** The trades list: Jingsai's reference trades plus those organizers add; names and codes stay unique. */
@Service
public class TradeService {

    static final String RESOURCE = "trade";
    static final Map<String, String> SORTABLE = Map.of("nameZh", "name_zh", "nameEn", "name_en", "code", "code");

    private final TradeRepository trades;
    private final VersionedRows<TradeRow> rows;
    private final TradeMapper mapper;
    private final Listing listing;
    private final Clock clock;

    TradeService(TradeRepository trades, TradeMapper mapper, Listing listing, Clock clock) {
        this.trades = trades;
        this.rows = new VersionedRows<>(RESOURCE, trades, TradeRow::version);
        this.mapper = mapper;
        this.listing = listing;
        this.clock = clock;
    }

    Mono<TradeView> add(TradeCommand command) {
        return trades.save(TradeRow.create(command, clock.instant()))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(command))
                .map(mapper::toView);
    }

    Mono<TradeView> find(long id) {
        return rows.load(id).map(mapper::toView);
    }

    public Mono<PageView<TradeView>> list(String q, PageQuery page) {
        Criteria criteria = Criteria.empty();
        if (q != null && !q.isBlank()) {
            String like = Likes.containing(q);
            criteria = Criteria.where("name_zh").like(like).or(Criteria.where("name_en").like(like).ignoreCase(true))
                    .or("code").like(like);
        }
        return listing.page(TradeRow.class, criteria, page).map(found -> found.map(mapper::toView));
    }

    @Transactional
    Mono<TradeView> change(long id, long expectedVersion, TradeCommand command) {
        return rows.loadAt(id, expectedVersion)
                .flatMap(row -> rows.save(id, row.update(command, clock.instant())))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(command))
                .map(mapper::toView);
    }

    @Transactional
    Mono<Void> remove(long id, long expectedVersion) {
        return rows.delete(id, expectedVersion, "trade.stillReferenced");
    }

    private static ConflictException duplicate(TradeCommand command) {
        return new ConflictException(command.code() == null ? "trade.duplicate" : "trade.duplicateOrCode");
    }
}
