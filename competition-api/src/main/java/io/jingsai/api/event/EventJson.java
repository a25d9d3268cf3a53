package io.jingsai.api.event;

import java.util.Comparator;
import java.util.List;

import org.mapstruct.Named;
import org.springframework.stereotype.Component;

import io.jingsai.api.shared.FieldProblem;
import io.r2dbc.postgresql.codec.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSONB columns of events: the scheme and the rules, stored as the API shows them. */
@Component
class EventJson {

    /** Numbers compare by value (10 = 10.0); everything else by equality. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    private final JsonMapper json;

    EventJson(JsonMapper json) {
        this.json = json;
    }

    Json write(Object value) {
        return Json.of(json.writeValueAsBytes(value));
    }

    SchemeDocument scheme(Json column) {
        return json.readValue(column.asArray(), SchemeDocument.class);
    }

    RulesDocument rules(Json column) {
        return json.readValue(column.asArray(), RulesDocument.class);
    }

    @Named("warnings")
    List<FieldProblem> warnings(Json scheme) {
        return EventChecks.scheme(scheme(scheme)).warnings();
    }

    /** Whether a stored scheme and a proposed one say the same (formatting and number scale aside). */
    boolean same(Json stored, SchemeDocument proposed) {
        JsonNode before = json.readTree(stored.asArray());
        JsonNode after = json.readTree(json.writeValueAsBytes(proposed));
        return before.equals(BY_VALUE, after);
    }
}
