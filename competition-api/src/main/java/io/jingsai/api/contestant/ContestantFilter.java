package io.jingsai.api.contestant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jingsai.api.shared.Likes;
import io.jingsai.api.shared.ListFilters;
import io.jingsai.api.shared.SqlCondition;

/**
 * List filters, each optional: a part of the name, the enterprise, the trade, and the region (an administrative
 * division code: a province or city code matches every enterprise inside it).
 */
record ContestantFilter(String q, Long enterpriseId, Long tradeId, String regionCode) {

    ContestantFilter {
        regionCode = ListFilters.regionCode(regionCode);
    }

    /**
     * The filters as one condition over the contestant table. Contestants carry no region of their own: they are
     * in the region of their enterprise, which a sub-select finds in the same statement (a province can hold more
     * enterprises than a statement can take parameters).
     */
    SqlCondition condition() {
        List<String> parts = new ArrayList<>();
        Map<String, Object> binds = new HashMap<>();
        if (q != null && !q.isBlank()) {
            parts.add("name LIKE :q");
            binds.put("q", Likes.containing(q));
        }
        if (enterpriseId != null) {
            parts.add("enterprise_id = :enterpriseId");
            binds.put("enterpriseId", enterpriseId);
        }
        if (tradeId != null) {
            parts.add("trade_id = :tradeId");
            binds.put("tradeId", tradeId);
        }
        if (regionCode != null) {
            parts.add("enterprise_id IN (SELECT id FROM enterprise WHERE region_code LIKE :region)");
            binds.put("region", Likes.regionPrefix(regionCode));
        }
        return new SqlCondition(parts.isEmpty() ? "TRUE" : String.join(" AND ", parts), binds);
    }
}
