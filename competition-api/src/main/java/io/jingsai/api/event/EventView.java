package io.jingsai.api.event;

import java.time.Instant;
import java.util.List;

import io.jingsai.api.shared.FieldProblem;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An event as the API shows it, with the scoring engine's warnings about its scheme (advice, not errors): each names
 * the field, a rule key and a message in the reader's language ({@code Accept-Language}, as for errors).
 */
public record EventView(long id, long programmeId, Long projectId, long tradeId, String name, EntryKind entryKind,
                 SchemeDocument scheme, RulesDocument rules, String venue, Instant startsAt, Instant endsAt,
                 EventStatus status,
                 @Schema(description = "advice about the scheme, e.g. a theory weight above 30%") List<FieldProblem> warnings,
                 @Schema(description = "blind marking: judges see entries by station number only until identities "
                         + "are revealed") boolean blind,
                 @Schema(description = "when the chief judge revealed identities (blind events; absent before)")
                 Instant identitiesRevealedAt,
                 @Schema(description = "the account that revealed them") String identitiesRevealedBy,
                 long version, Instant createdAt, Instant updatedAt) {

    /** The same event with its warnings worded for a reader. */
    EventView withWarnings(List<FieldProblem> worded) {
        return new EventView(id, programmeId, projectId, tradeId, name, entryKind, scheme, rules, venue, startsAt, endsAt,
                status, worded, blind, identitiesRevealedAt, identitiesRevealedBy, version, createdAt, updatedAt);
    }
}
