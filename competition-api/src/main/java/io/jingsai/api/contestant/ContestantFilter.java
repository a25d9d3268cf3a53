package io.jingsai.api.contestant;

import java.util.List;

import org.springframework.data.relational.core.query.Criteria;

import io.jingsai.api.shared.Likes;

/**
 * List filters, each optional: a part of the name, the enterprise, the trade, and the region (an administrative
 * division code: a province or city code matches every enterprise inside it).
 */
record ContestantFilter(String q, Long enterpriseId, Long tradeId, String regionCode) {

    /** The criteria, given the enterprises of the region when a region was asked for. */
    Criteria criteria(List<Long> enterprisesInRegion) {
        Criteria criteria = criteria();
        if (enterprisesInRegion != null) {
            // An empty region matches nothing: IN () is not SQL, so compare with an id no row has.
            criteria = criteria.and("enterprise_id")
                    .in(enterprisesInRegion.isEmpty() ? List.of(-1L) : enterprisesInRegion);
        }
        return criteria;
    }

    private Criteria criteria() {
        Criteria criteria = Criteria.empty();
        if (q != null && !q.isBlank()) {
            criteria = criteria.and("name").like(Likes.containing(q));
        }
        if (enterpriseId != null) {
            criteria = criteria.and("enterprise_id").is(enterpriseId);
        }
        if (tradeId != null) {
            criteria = criteria.and("trade_id").is(tradeId);
        }
        return criteria;
    }
}
