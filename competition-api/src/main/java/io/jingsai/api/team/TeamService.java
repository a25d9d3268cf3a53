package io.jingsai.api.team;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.ExistingReferences;
import io.jingsai.api.shared.ExistingReferences.Reference;
import io.jingsai.api.shared.ExistingReferences.Table;
import io.jingsai.api.shared.Listing;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.shared.VersionedRows;
import reactor.core.publisher.Mono;
import io.jingsai.api.shared.Likes;

/** Forming teams: a team and its member list are written together or not at all. */
@Service
class TeamService {

    static final String RESOURCE = "team";
    static final Map<String, String> SORTABLE = Map.of("name", "name", "createdAt", "created_at");

    private final TeamRepository teams;
    private final VersionedRows<TeamRow> rows;
    private final TeamMembers members;
    private final ExistingReferences references;
    private final Listing listing;
    private final Clock clock;

    TeamService(TeamRepository teams, TeamMembers members, ExistingReferences references, Listing listing,
                Clock clock) {
        this.teams = teams;
        this.rows = new VersionedRows<>(RESOURCE, teams, TeamRow::version);
        this.members = members;
        this.references = references;
        this.listing = listing;
        this.clock = clock;
    }

    @Transactional
    Mono<TeamView> form(TeamCommand command) {
        return requireValid(command)
                .then(Mono.defer(() -> teams.save(TeamRow.create(command, clock.instant()))))
                .flatMap(row -> members.replace(row.id(), command.memberIds()).thenReturn(row))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(command))
                .map(row -> view(row, command.memberIds()));
    }

    Mono<TeamView> find(long id) {
        return rows.load(id).flatMap(row -> members.of(List.of(id)).map(m -> view(row, m.get(id))));
    }

    Mono<PageView<TeamView>> list(String q, Long enterpriseId, PageQuery page) {
        Criteria criteria = Criteria.empty();
        if (q != null && !q.isBlank()) {
            criteria = criteria.and("name").like(Likes.containing(q));
        }
        if (enterpriseId != null) {
            criteria = criteria.and("enterprise_id").is(enterpriseId);
        }
        return listing.page(TeamRow.class, criteria, page)
                .flatMap(found -> members.of(found.items().stream().map(TeamRow::id).toList())
                        .map(m -> found.map(row -> view(row, m.get(row.id())))));
    }

    @Transactional
    Mono<TeamView> change(long id, long expectedVersion, TeamCommand command) {
        return rows.loadAt(id, expectedVersion)
                .flatMap(row -> requireValid(command).thenReturn(row))
                .flatMap(row -> rows.save(id, row.update(command, clock.instant())))
                .flatMap(row -> members.replace(id, command.memberIds()).thenReturn(row))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(command))
                .map(row -> view(row, command.memberIds()));
    }

    @Transactional
    Mono<Void> remove(long id, long expectedVersion) {
        return rows.delete(id, expectedVersion, "team.stillReferenced");
    }

    private Mono<Void> requireValid(TeamCommand command) {
        return references.require(new Reference("enterpriseId", Table.ENTERPRISE, command.enterpriseId()),
                        new Reference("tradeId", Table.TRADE, command.tradeId()))
                .then(members.requireEligible(command.memberIds(), command.enterpriseId()));
    }

    private static TeamView view(TeamRow row, List<Long> memberIds) {
        return new TeamView(row.id(), row.name(), row.enterpriseId(), row.tradeId(), row.scoreRule(),
                List.copyOf(memberIds), row.version(), row.createdAt(), row.updatedAt());
    }

    private static ConflictException duplicate(TeamCommand command) {
        return new ConflictException("team.duplicate", command.enterpriseId());
    }
}
