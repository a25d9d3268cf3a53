package io.jingsai.api.enterprise;

import java.util.Locale;

import org.springframework.data.relational.core.query.Criteria;
import io.jingsai.api.shared.Likes;
import io.jingsai.api.shared.ListFilters;

/** List filters; each is optional. {@code q} matches a part of the name or the start of the credit code. */
record EnterpriseFilter(String q, String regionCode, Ownership ownership) {

    EnterpriseFilter {
        regionCode = ListFilters.regionCode(regionCode);
    }

    Criteria criteria() {
        Criteria criteria = Criteria.empty();
        if (q != null && !q.isBlank()) {
            String text = q.strip();
            criteria = criteria.and(Criteria.where("name").like(Likes.containing(text))
                    .or("credit_code").like(Likes.startingWith(text.toUpperCase(Locale.ROOT))));
        }
        if (regionCode != null) {
            // A province or city code matches everything inside it: 610000 → 61xxxx, 610100 → 6101xx.
            criteria = criteria.and("region_code").like(Likes.regionPrefix(regionCode));
        }
        if (ownership != null) {
            criteria = criteria.and("ownership").is(ownership);
        }
        return criteria;
    }
}
