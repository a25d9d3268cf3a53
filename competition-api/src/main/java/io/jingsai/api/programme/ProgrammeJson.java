package io.jingsai.api.programme;

import java.util.List;

import org.springframework.stereotype.Component;

import io.r2dbc.postgresql.codec.Json;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSONB columns of programmes and projects: key areas and KPI indicators, stored as the API shows them. */
@Component
class ProgrammeJson {

    private static final TypeReference<List<KeyArea>> KEY_AREAS = new TypeReference<>() { };
    private static final TypeReference<List<KpiIndicator>> INDICATORS = new TypeReference<>() { };

    private final JsonMapper json;

    ProgrammeJson(JsonMapper json) {
        this.json = json;
    }

    Json write(Object value) {
        return Json.of(json.writeValueAsBytes(value));
    }

    List<KeyArea> keyAreas(Json column) {
        return column == null ? List.of() : json.readValue(column.asArray(), KEY_AREAS);
    }

    List<KpiIndicator> indicators(Json column) {
        return column == null ? List.of() : json.readValue(column.asArray(), INDICATORS);
    }
}
