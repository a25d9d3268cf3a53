package io.jingsai.api.programme;

import org.springframework.data.relational.core.query.Criteria;
import io.jingsai.api.shared.Likes;
import io.jingsai.api.shared.ListFilters;

/**
 * List filters; each is optional. {@code q} matches a part of the name or the organizer; a province or city
 * {@code regionCode} matches every programme inside it.
 */
record ProgrammeFilter(String q, Integer year, ProgrammeStatus status, String regionCode) {

    ProgrammeFilter {
        regionCode = ListFilters.regionCode(regionCode);
    }

    Criteria criteria() {
        Criteria criteria = Criteria.empty();
        if (q != null && !q.isBlank()) {
            String text = Likes.containing(q);
            criteria = criteria.and(Criteria.where("name").like(text).or("organizer").like(text));
        }
        if (year != null) {
            criteria = criteria.and("year").is(year);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (regionCode != null) {
            criteria = criteria.and("region_code").like(Likes.regionPrefix(regionCode));
        }
        return criteria;
    }
}
