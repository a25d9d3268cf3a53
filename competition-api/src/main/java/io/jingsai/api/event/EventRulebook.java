package io.jingsai.api.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.VersionedRows;
import reactor.core.publisher.Mono;

/**
 * The compiled rules of events, for every feature that scores, ranks or awards: each version of an event is compiled
 * once, when it is written (or, after a restart or on another instance, when first asked for), and kept for the
 * most recently used events.
 */
@Component
public class EventRulebook {

    /** Events whose rules are kept; judging works on a few events at a time. */
    private static final int KEPT = 256;

    private final VersionedRows<EventRow> rows;
    private final EventJson json;
    private final Map<Long, CompiledRules> kept = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, CompiledRules> eldest) {
                    return size() > KEPT;
                }
            });

    EventRulebook(EventRepository events, EventJson json) {
        this.rows = new VersionedRows<>(EventService.RESOURCE, events, EventRow::version);
        this.json = json;
    }

    /**
     * The rules of the event as it is stored now; {@code NotFoundException} if there is no such event, and a conflict
     * ({@code event.rulesNoLongerValid}) if its stored rules break a rule the engine has gained since they were
     * written.
     */
    public Mono<EventRules> rules(long eventId) {
        return rows.load(eventId).map(this::rulesOf);
    }

    /**
     * The rules of the event at {@code version}, a version the caller has just read and holds locked: the rules kept
     * for it, without reading the event again, or, when none are kept for that version, as {@link #rules(long)}.
     */
    public Mono<EventRules> rules(long eventId, long version) {
        CompiledRules known = kept.get(eventId);
        return known != null && known.version() == version ? Mono.just(known) : rules(eventId);
    }

    private EventRules rulesOf(EventRow row) {
        CompiledRules known = kept.get(row.id());
        if (known != null && known.version() == row.version()) {
            return known;
        }
        EventRulesCompiler.Compilation compilation = EventRulesCompiler.compile(json.scheme(row.scheme()),
                json.rules(row.rules()), row.entryKind());
        if (compilation.rules() == null) {
            throw new ConflictException("event.rulesNoLongerValid", row.id(), compilation.errors().size());
        }
        return keep(row.id(), row.version(), compilation.rules());
    }

    /** Keeps the rules just compiled for a version being written. */
    CompiledRules keep(long eventId, long version, CompiledRules rules) {
        CompiledRules stored = rules.of(eventId, version);
        kept.put(eventId, stored);
        return stored;
    }
}
