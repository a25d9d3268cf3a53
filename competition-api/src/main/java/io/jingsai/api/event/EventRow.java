package io.jingsai.api.event;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.r2dbc.postgresql.codec.Json;

@Table("event")
record EventRow(@Id Long id, Long programmeId, Long projectId, Long tradeId, String name, EntryKind entryKind,
                Json scheme, Json rules, Json warnings, String venue, Instant startsAt, Instant endsAt,
                EventStatus status, boolean blind, Instant identitiesRevealedAt, String identitiesRevealedBy,
                @Version Long version, Instant createdAt, Instant updatedAt) {

    static EventRow create(EventCommand command, Json scheme, Json rules, Json warnings, Instant now) {
        return new EventRow(null, command.programmeId(), command.projectId(), command.tradeId(), command.name(),
                command.entryKind(), scheme, rules, warnings, command.venue(), command.startsAt(), command.endsAt(),
                EventStatus.DRAFT, Boolean.TRUE.equals(command.blind()), null, null, null, now, now);
    }

    /** A missing status or blind setting keeps the current one; a reveal stays. */
    EventRow update(EventCommand command, Json newScheme, Json newRules, Json newWarnings, Instant now) {
        return new EventRow(id, command.programmeId(), command.projectId(), command.tradeId(), command.name(),
                command.entryKind(), newScheme, newRules, newWarnings, command.venue(), command.startsAt(),
                command.endsAt(), command.status() == null ? status : command.status(),
                command.blind() == null ? blind : command.blind(), identitiesRevealedAt, identitiesRevealedBy,
                version, createdAt, now);
    }

    EventRow withStatus(EventStatus newStatus, Instant now) {
        return new EventRow(id, programmeId, projectId, tradeId, name, entryKind, scheme, rules, warnings, venue,
                startsAt, endsAt, newStatus, blind, identitiesRevealedAt, identitiesRevealedBy, version, createdAt,
                now);
    }

    /** The chief judge has revealed who is behind each station. */
    EventRow revealed(String by, Instant now) {
        return new EventRow(id, programmeId, projectId, tradeId, name, entryKind, scheme, rules, warnings, venue,
                startsAt, endsAt, status, blind, now, by, version, createdAt, now);
    }

    /** Judges see stations only: the event is blind and its identities are not revealed yet. */
    boolean hidesIdentities() {
        return blind && identitiesRevealedAt == null;
    }
}
