package io.jingsai.api.programme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.judging.MarkingFixtures;

/**
 * Events of a programme for the stars board, made through the API: each in a trade of its own, with the scheme of
 * {@link StarStandingsTests} (one judge's mark is the total), one judge and a chief judge.
 */
final class StarEvents {

    /** An entrant of an event: the contestant and the registration. */
    record Entrant(long contestant, long registration) {
    }

    /** An event of one judge, with its entrants and a chief judge for corrections during review. */
    record Event(long id, List<Entrant> entrants, MarkingFixtures.Judge judge, MarkingFixtures.Judge chief) {
    }

    private final WebTestClient web;
    private final DatabaseClient database;
    private final RegistryFixtures fixtures;
    private final TestRegistry registry;

    StarEvents(WebTestClient web, DatabaseClient database) {
        this.web = web;
        this.database = database;
        WebTestClient admin = new MarkingFixtures(web, database).admin();
        this.fixtures = new RegistryFixtures(admin, database);
        this.registry = new TestRegistry(admin);
    }

    /** An event in a trade of its own, MARKING, one judge's sheet per entrant with the totals given. */
    Event event(long programme, int... totals) {
        MarkingFixtures marking = new MarkingFixtures(web, database);
        long enterprise = registry.enterprise();
        long trade = registry.trade();
        Map<String, Object> body = RegistryFixtures.eventBody(programme, trade, TestIdentities.unique("赛项"));
        body.put("scheme", RegistryFixtures.json(StarStandingsTests.SCHEME));
        body.put("rules", RegistryFixtures.json(StarStandingsTests.RULES));
        long id = fixtures.event(body);
        List<Entrant> entrants = new ArrayList<>();
        for (int ignored : totals) {
            long contestant = registry.contestant(enterprise, trade);
            entrants.add(new Entrant(contestant, registry.create("/api/events/" + id + "/registrations",
                    Map.of("contestantId", contestant))));
        }
        marking.event = id;
        MarkingFixtures.Judge judge = marking.judges(1).get(0);
        MarkingFixtures.Judge chief = marking.chiefJudge();
        fixtures.moveEvent(id, "MARKING");
        for (int i = 0; i < totals.length; i++) {
            MarkingFixtures.submit(judge.client(), id, entrants.get(i).registration(), UUID.randomUUID().toString(),
                    MarkingFixtures.sheet("M1", totals[i])).expectStatus().isCreated();
        }
        return new Event(id, entrants, judge, chief);
    }

    /** The judge's sheet for the entrant replaced by {@code by} (the judge, or the chief judge with a reason). */
    static void replaceSheet(MarkingFixtures.Judge by, Event event, Entrant entrant, int version, int total,
                             String reason) {
        Map<String, Object> sheet = new HashMap<>(MarkingFixtures.sheet("M1", total));
        if (reason != null) {
            sheet.put("reason", reason);
        }
        by.client().put().uri("/api/events/{e}/registrations/{r}/score-sheets/{j}", event.id(),
                        entrant.registration(), event.judge().id())
                .header("If-Match", "\"" + version + "\"").header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(sheet).exchange().expectStatus().isOk();
    }
}
