package io.jingsai.api.fuzz;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.programme.RegistryFixtures;

/**
 * One valid resource of each kind, made through the API before the run, so that generated requests name rows that
 * exist and reach the validation and storage behind the first lookup. The document cannot say which value a field
 * such as {@code enterpriseId} must take; these few hints can, by name, and nothing else here knows an endpoint.
 */
final class Fixtures {

    /** Body fields and parameters that name a resource, by the collection that holds it. */
    private static final Map<String, String> REFERENCES = Map.of(
            "enterpriseId", "enterprises", "hostEnterpriseId", "enterprises", "tradeId", "trades",
            "contestantId", "contestants", "teamId", "teams", "programmeId", "programmes",
            "projectId", "projects", "eventId", "events");
    /** Text fields that must be unique: a fresh value each time, so that only the mutated field is wrong. */
    private static final Set<String> UNIQUE_NAMES = Set.of("name", "nameZh", "nameEn");
    /** Parameters whose valid values the document does not list. */
    private static final Map<String, String> PARAMETER_VALUES = Map.of("kind", "enterprises", "format", "csv",
            "aspectId", "P1b");
    static final long MISSING_ID = 987_654_321_987L;

    private final Map<String, Long> ids = new HashMap<>();

    static Fixtures create(WebTestClient admin) {
        Fixtures fixtures = new Fixtures();
        TestRegistry registry = new TestRegistry(admin);
        long enterprise = registry.enterprise();
        long trade = registry.trade();
        long contestant = registry.contestant(enterprise, trade);
        long entrant = registry.contestant(enterprise, trade);
        long programme = registry.create("/api/programmes",
                RegistryFixtures.programmeBody(TestIdentities.unique("模糊测试竞赛")));
        long event = registry.create("/api/events",
                RegistryFixtures.eventBody(programme, trade, TestIdentities.unique("模糊测试赛项")));
        fixtures.ids.put("enterprises", enterprise);
        fixtures.ids.put("trades", trade);
        fixtures.ids.put("contestants", contestant);
        fixtures.ids.put("teams", registry.team(enterprise, List.of(contestant)));
        fixtures.ids.put("judges", registry.create("/api/judges",
                Map.of("name", TestIdentities.unique("裁判"), "qualification", "PROVINCIAL")));
        fixtures.ids.put("programmes", programme);
        fixtures.ids.put("projects", registry.create("/api/programmes/" + programme + "/projects",
                RegistryFixtures.projectBody(TestIdentities.unique("模糊测试项目"), enterprise)));
        fixtures.ids.put("events", event);
        fixtures.ids.put("registrations", registry.create("/api/events/" + event + "/registrations",
                Map.of("contestantId", entrant)));
        return fixtures;
    }

    /** The value of a path parameter: the fixture of the collection it follows ({@code /teams/{id}}) or a hint. */
    String pathValue(String template, String parameter) {
        if (REFERENCES.containsKey(parameter)) {
            return String.valueOf(ids.get(REFERENCES.get(parameter)));
        }
        String before = template.substring(0, template.indexOf("{" + parameter + "}"));
        String[] segments = before.split("/");
        Long id = segments.length == 0 ? null : ids.get(segments[segments.length - 1]);
        if (id != null) {
            return String.valueOf(id);
        }
        return PARAMETER_VALUES.get(parameter);
    }

    String parameterValue(String parameter) {
        return REFERENCES.containsKey(parameter) ? String.valueOf(ids.get(REFERENCES.get(parameter)))
                : PARAMETER_VALUES.get(parameter);
    }

    /**
     * The body to start from, with references pointing at fixtures, and placeholders for unique names and valid
     * identifiers, which {@link FreshValues} fills in each time the request is sent (so that a request sent again
     * is not refused as a duplicate).
     */
    @SuppressWarnings("unchecked")
    Object adapt(Object example, boolean topLevel) {
        if (example instanceof Map<?, ?> map) {
            Map<String, Object> adapted = (Map<String, Object>) JsonText.copy(map);
            adapted.replaceAll((key, value) -> adaptField(key, value, topLevel));
            return adapted;
        }
        if (example instanceof List<?> list) {
            return list.stream().map(element -> adapt(element, false)).toList();
        }
        return example;
    }

    private Object adaptField(String key, Object value, boolean topLevel) {
        if (REFERENCES.containsKey(key)) {
            return ids.get(REFERENCES.get(key));
        }
        if (key.equals("memberIds") && value instanceof List<?>) {
            return new java.util.ArrayList<>(List.of(ids.get("contestants")));
        }
        if (key.equals("creditCode")) {
            return FreshValues.CREDIT_CODE;
        }
        if (key.equals("idNumber")) {
            return FreshValues.RESIDENT_ID;
        }
        if (topLevel && UNIQUE_NAMES.contains(key) && value instanceof String text) {
            return (text.length() > 60 ? text.substring(0, 60) : text) + "-" + FreshValues.UNIQUE;
        }
        return adapt(value, false);
    }
}
