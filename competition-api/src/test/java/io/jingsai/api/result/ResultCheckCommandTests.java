package io.jingsai.api.result;

import static io.jingsai.api.judging.MarkingFixtures.sheet;
import static io.jingsai.api.judging.MarkingFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.judging.MarkingFixtures;

/** The result check command: exit 0 when every stored result equals its recomputation, 1 when one differs, 2 for
 * events it cannot check. */
@IntegrationTest
class ResultCheckCommandTests {

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient database;
    @Autowired
    ResultService results;

    @Test
    void theCommandExitsWithZeroOnlyWhileEveryStoredResultEqualsItsRecomputation() {
        MarkingFixtures fixtures = new MarkingFixtures(web, database);
        long event = fixtures.event(MarkingFixtures.SCHEME);
        long entry = fixtures.entry();
        MarkingFixtures.Judge judge = fixtures.judges(1).get(0);
        fixtures.startMarking();
        submit(judge.client(), event, entry, UUID.randomUUID().toString(), sheet("M1", 40, "M2", 10, "J1", 2))
                .expectStatus().isCreated();

        assertThat(check(String.valueOf(event))).isZero();
        database.sql("UPDATE entry_result SET total = total + 1 WHERE registration_id = :id").bind("id", entry)
                .then().block();
        assertThat(check(String.valueOf(event))).isEqualTo(1);
        assertThat(check(event + ",x")).isEqualTo(2);
        assertThat(check("0")).isEqualTo(2);
    }

    private int check(String events) {
        ResultCheckCommand command = new ResultCheckCommand(results, database, "all");
        command.run(new DefaultApplicationArguments("--jingsai.check-results=" + events));
        return command.getExitCode();
    }
}
