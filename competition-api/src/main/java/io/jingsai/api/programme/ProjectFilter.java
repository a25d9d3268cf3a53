package io.jingsai.api.programme;

import org.springframework.data.relational.core.query.Criteria;
import io.jingsai.api.shared.Likes;
import io.jingsai.api.shared.ListFilters;

/**
 * Filters of one programme's project list; each is optional. {@code q} matches a part of the name; a province or
 * city {@code regionCode} matches every project inside it.
 */
record ProjectFilter(String q, String aspect, String keyArea, String regionCode, TierStatus tierStatus) {

    ProjectFilter {
        regionCode = ListFilters.regionCode(regionCode);
    }

    Criteria criteria(long programmeId) {
        Criteria criteria = Criteria.where("programme_id").is(programmeId);
        if (q != null && !q.isBlank()) {
            criteria = criteria.and("name").like(Likes.containing(q));
        }
        if (aspect != null && !aspect.isBlank()) {
            criteria = criteria.and("aspect_code").is(aspect.strip());
        }
        if (keyArea != null && !keyArea.isBlank()) {
            criteria = criteria.and("key_area").is(keyArea.strip());
        }
        if (regionCode != null) {
            criteria = criteria.and("region_code").like(Likes.regionPrefix(regionCode));
        }
        if (tierStatus != null) {
            criteria = criteria.and("tier_status").is(tierStatus);
        }
        return criteria;
    }
}
