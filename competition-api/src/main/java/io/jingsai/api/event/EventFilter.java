package io.jingsai.api.event;

import org.springframework.data.relational.core.query.Criteria;
import io.jingsai.api.shared.Likes;

/** List filters; each is optional. {@code q} matches a part of the name or the venue. */
record EventFilter(Long programmeId, Long tradeId, EventStatus status, String q) {

    Criteria criteria() {
        Criteria criteria = Criteria.empty();
        if (programmeId != null) {
            criteria = criteria.and("programme_id").is(programmeId);
        }
        if (tradeId != null) {
            criteria = criteria.and("trade_id").is(tradeId);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (q != null && !q.isBlank()) {
            String text = Likes.containing(q);
            criteria = criteria.and(Criteria.where("name").like(text).or("venue").like(text));
        }
        return criteria;
    }
}
