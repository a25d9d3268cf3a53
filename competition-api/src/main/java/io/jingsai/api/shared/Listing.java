package io.jingsai.api.shared;

import static org.springframework.data.relational.core.query.Query.query;

import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Reads one page of rows matching some criteria, with the total count, for every list endpoint. */
@Component
public class Listing {

    private final R2dbcEntityTemplate template;

    public Listing(R2dbcEntityTemplate template) {
        this.template = template;
    }

    public <R> Mono<PageView<R>> page(Class<R> rowType, Criteria criteria, PageQuery page) {
        Query matching = query(criteria);
        Mono<Long> total = template.count(matching, rowType);
        Mono<java.util.List<R>> items = template.select(rowType)
                .matching(matching.sort(page.sort()).limit(page.size()).offset(page.offset()))
                .all()
                .collectList();
        return Mono.zip(items, total).map(t -> new PageView<>(t.getT1(), t.getT2(), page.page(), page.size()));
    }
}
