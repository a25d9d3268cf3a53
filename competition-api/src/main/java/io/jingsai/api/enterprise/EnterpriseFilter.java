package io.jingsai.api.enterprise;

import org.springframework.data.relational.core.query.Criteria;

/** List filters; each is optional. {@code q} matches a part of the name or the start of the credit code. */
record EnterpriseFilter(String q, String regionCode, Ownership ownership) {

    Criteria criteria() {
        Criteria criteria = Criteria.empty();
        if (q != null && !q.isBlank()) {
            String text = q.strip();
            criteria = criteria.and(Criteria.where("name").like("%" + escape(text) + "%")
                    .or("credit_code").like(escape(text.toUpperCase(java.util.Locale.ROOT)) + "%"));
        }
        if (regionCode != null && !regionCode.isBlank()) {
            // A province or city code matches everything inside it: 610000 → 61xxxx, 610100 → 6101xx.
            criteria = criteria.and("region_code").like(regionPrefix(regionCode.strip()) + "%");
        }
        if (ownership != null) {
            criteria = criteria.and("ownership").is(ownership);
        }
        return criteria;
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String regionPrefix(String code) {
        String prefix = code;
        while (prefix.endsWith("00") && prefix.length() > 2) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        return escape(prefix);
    }
}
