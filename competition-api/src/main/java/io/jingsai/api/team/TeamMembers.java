package io.jingsai.api.team;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.shared.ExistingReferences;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.RejectedRequestException;
import reactor.core.publisher.Mono;

/** The member lists of teams: checked against the contestants' enterprises, replaced whole, read in order. */
@Component
class TeamMembers {

    private final DatabaseClient database;

    TeamMembers(DatabaseClient database) {
        this.database = database;
    }

    /** Every member must be a registered contestant of the team's enterprise; all problems are reported at once. */
    Mono<Void> requireEligible(List<Long> memberIds, long enterpriseId) {
        return database.sql("SELECT id, enterprise_id FROM contestant WHERE id = ANY(:ids)")
                .bind("ids", memberIds.toArray(Long[]::new))
                .map(row -> Map.entry(row.get("id", Long.class), row.get("enterprise_id", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .flatMap(enterprises -> {
                    List<FieldProblem> problems = new ArrayList<>();
                    for (int i = 0; i < memberIds.size(); i++) {
                        Long enterprise = enterprises.get(memberIds.get(i));
                        if (enterprise == null) {
                            problems.add(ExistingReferences.missing("memberIds[" + i + "]", "contestant",
                                    memberIds.get(i)));
                        } else if (enterprise != enterpriseId) {
                            problems.add(FieldProblem.of("memberIds[" + i + "]", "team.memberOfOtherEnterprise",
                                    memberIds.get(i)));
                        }
                    }
                    return problems.isEmpty() ? Mono.empty()
                            : Mono.error(new RejectedRequestException(problems));
                });
    }

    /** Replaces the team's members with {@code memberIds}, in one statement for all rows. */
    Mono<Void> replace(long teamId, List<Long> memberIds) {
        Integer[] positions = new Integer[memberIds.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        return database.sql("DELETE FROM team_member WHERE team_id = :team").bind("team", teamId).then()
                .then(database.sql("""
                                INSERT INTO team_member (team_id, contestant_id, position)
                                SELECT :team, member, position FROM unnest(:members, :positions) AS m(member, position)""")
                        .bind("team", teamId)
                        .bind("members", memberIds.toArray(Long[]::new))
                        .bind("positions", positions)
                        .then());
    }

    /** Members of each team, in order; teams without members map to an empty list. */
    Mono<Map<Long, List<Long>>> of(Collection<Long> teamIds) {
        Map<Long, List<Long>> members = new LinkedHashMap<>();
        teamIds.forEach(id -> members.put(id, new ArrayList<>()));
        if (teamIds.isEmpty()) {
            return Mono.just(members);
        }
        return database.sql("SELECT team_id, contestant_id FROM team_member WHERE team_id = ANY(:teams) "
                        + "ORDER BY team_id, position")
                .bind("teams", teamIds.toArray(Long[]::new))
                .map(row -> Map.entry(row.get("team_id", Long.class), row.get("contestant_id", Long.class)))
                .all()
                .doOnNext(entry -> members.get(entry.getKey()).add(entry.getValue()))
                .then(Mono.fromSupplier(() -> members));
    }
}
