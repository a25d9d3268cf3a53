package io.jingsai.api.contestant;

import org.springframework.data.relational.core.query.Criteria;
import io.jingsai.api.shared.Likes;

/** List filters, each optional: a part of the name, the enterprise, the trade. */
record ContestantFilter(String q, Long enterpriseId, Long tradeId) {

    Criteria criteria() {
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
