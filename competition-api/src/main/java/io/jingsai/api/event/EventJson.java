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

    /** Warnings as stored: each field, rule key and the values its message names (never worded). */
    Json writeWarnings(List<FieldProblem> warnings) {
        return write(warnings.stream().map(w -> new StoredWarning(w.field(), w.rule(), w.arguments())).toList());
    }

    /** The stored warnings; null for an event written before they were stored. */
    @Named("warnings")
    List<FieldProblem> warnings(Json stored) {
        if (stored == null) {
            return null;
        }
        return List.of(json.readValue(stored.asArray(), StoredWarning[].class)).stream()
                .map(w -> new FieldProblem(w.field(), w.rule(), null, w.arguments())).toList();
    }

    /** A warning's stored form: {@link FieldProblem} keeps its values out of JSON answers, storage needs them. */
    record StoredWarning(String field, String rule, List<Object> arguments) {
    }

    /** Whether a stored scheme and a proposed one say the same (formatting and number scale aside). */
    boolean same(Json stored, SchemeDocument proposed) {
        JsonNode before = json.readTree(stored.asArray());
        JsonNode after = json.readTree(json.writeValueAsBytes(proposed));
        return before.equals(BY_VALUE, after);
    }
}
