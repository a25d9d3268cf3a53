package io.jingsai.api.trade;

import java.time.Clock;
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

/** The trades list: Jingsai's reference trades plus those organizers add; names and codes stay unique. */
@Service
class TradeService {

    static final String RESOURCE = "trade";
    static final Map<String, String> SORTABLE = Map.of("nameZh", "name_zh", "nameEn", "name_en", "code", "code");

    private final TradeRepository trades;
    private final TradeMapper mapper;
    private final Listing listing;
    private final Clock clock;

    TradeService(TradeRepository trades, TradeMapper mapper, Listing listing, Clock clock) {
        this.trades = trades;
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
        return load(id).map(mapper::toView);
    }

    Mono<PageView<TradeView>> list(String q, PageQuery page) {
        Criteria criteria = Criteria.empty();
        if (q != null && !q.isBlank()) {
            String like = "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            criteria = Criteria.where("name_zh").like(like).or(Criteria.where("name_en").like(like).ignoreCase(true))
                    .or("code").like(like);
        }
        return listing.page(TradeRow.class, criteria, page).map(rows -> rows.map(mapper::toView));
    }

    @Transactional
    Mono<TradeView> change(long id, long expectedVersion, TradeCommand command) {
        return load(id)
                .doOnNext(row -> Versions.require(RESOURCE, id, expectedVersion, row.version()))
                .flatMap(row -> trades.save(row.update(command, clock.instant())))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(command))
                .onErrorMap(OptimisticLockingFailureException.class,
                        e -> new StaleVersionException(RESOURCE + " " + id + " was changed meanwhile; read it again"))
                .map(mapper::toView);
    }

    @Transactional
    Mono<Void> remove(long id, long expectedVersion) {
        return load(id)
                .doOnNext(row -> Versions.require(RESOURCE, id, expectedVersion, row.version()))
                .flatMap(trades::delete)
                .onErrorMap(DataIntegrityViolationException.class, e -> new ConflictException(RESOURCE + " " + id
                        + " is used by contestants, teams or events; it cannot be removed"));
    }

    private Mono<TradeRow> load(long id) {
        return trades.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    private static ConflictException duplicate(TradeCommand command) {
        return new ConflictException("a trade named " + command.nameZh() + " / " + command.nameEn()
                + (command.code() == null ? "" : " or with code " + command.code()) + " already exists");
    }
}
