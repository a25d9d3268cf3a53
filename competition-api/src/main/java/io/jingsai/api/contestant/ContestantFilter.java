package io.jingsai.api.contestant;

import org.springframework.data.relational.core.query.Criteria;

/** List filters, each optional: a part of the name, the enterprise, the trade. */
record ContestantFilter(String q, Long enterpriseId, Long tradeId) {

    Criteria criteria() {
        Criteria criteria = Criteria.empty();
        if (q != null && !q.isBlank()) {
            String text = q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            criteria = criteria.and("name").like("%" + text + "%");
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
