package io.jingsai.api.shared;

import static org.springframework.data.relational.core.query.Query.query;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.r2dbc.core.DatabaseClient;
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
        Mono<List<R>> items = template.select(rowType)
                .matching(matching.sort(page.sort()).limit(page.size()).offset(page.offset()))
                .all()
                .collectList();
        return Mono.zip(items, total).map(t -> new PageView<>(t.getT1(), t.getT2(), page.page(), page.size()));
    }

    /**
     * One page of the rows of {@code table} matching a condition in SQL, for filters that criteria cannot express
     * (a sub-select): one statement whatever the filter matches elsewhere, where collecting ids first and sending
     * them back as parameters breaks past PostgreSQL's 65,535 parameters. The order comes from the page's sort,
     * whose columns {@link PageQuery} took from its whitelist.
     */
    public <R> Mono<PageView<R>> page(Class<R> rowType, String table, SqlCondition condition, PageQuery page) {
        DatabaseClient database = template.getDatabaseClient();
        String where = " FROM " + table + " WHERE " + condition.sql();
        Mono<Long> total = bind(database.sql("SELECT COUNT(*)" + where), condition)
                .map(row -> row.get(0, Long.class))
                .one();
        Mono<List<R>> items = bind(database.sql("SELECT *" + where + " ORDER BY " + orderBy(page.sort())
                        + " LIMIT :pageSize OFFSET :pageOffset"), condition)
                .bind("pageSize", page.size())
                .bind("pageOffset", page.offset())
                .map((row, metadata) -> template.getConverter().read(rowType, row, metadata))
                .all()
                .collectList();
        return Mono.zip(items, total).map(t -> new PageView<>(t.getT1(), t.getT2(), page.page(), page.size()));
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, SqlCondition condition) {
        for (Map.Entry<String, Object> parameter : condition.binds().entrySet()) {
            spec = spec.bind(parameter.getKey(), parameter.getValue());
        }
        return spec;
    }

    private static String orderBy(Sort sort) {
        return sort.stream()
                .map(order -> order.getProperty() + (order.isAscending() ? " ASC" : " DESC"))
                .collect(Collectors.joining(", "));
    }
}
