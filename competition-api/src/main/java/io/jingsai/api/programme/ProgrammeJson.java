package io.jingsai.api.programme;

import java.util.List;

import org.springframework.stereotype.Component;

import io.r2dbc.postgresql.codec.Json;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSONB columns of programmes and projects: key areas, the star rule's splits, the enterprise index rule and KPI
 * indicators, stored as the API shows them.
 */
@Component
class ProgrammeJson {

    private static final TypeReference<List<KeyArea>> KEY_AREAS = new TypeReference<>() { };
    private static final TypeReference<List<KpiIndicator>> INDICATORS = new TypeReference<>() { };
    private static final TypeReference<List<StarSplit>> SPLITS = new TypeReference<>() { };

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

    /** What a command writes into the programme's JSONB columns. */
    ProgrammeRow.Documents documents(ProgrammeCommand command) {
        return new ProgrammeRow.Documents(write(command.keyAreas()), write(command.starRule().splits()),
                write(command.enterpriseIndex()));
    }

    StarRule starRule(ProgrammeRow row) {
        List<StarSplit> splits = row.starsSplits() == null ? List.of()
                : json.readValue(row.starsSplits().asArray(), SPLITS);
        return new StarRule(row.starsCombination(), row.starsCutOff(), row.starsSplitBy(), splits);
    }

    EnterpriseIndexRule enterpriseIndex(Json column) {
        return column == null ? EnterpriseIndexRule.DEFAULTS
                : json.readValue(column.asArray(), EnterpriseIndexRule.class);
    }

    List<KpiIndicator> indicators(Json column) {
        return column == null ? List.of() : json.readValue(column.asArray(), INDICATORS);
    }
}
