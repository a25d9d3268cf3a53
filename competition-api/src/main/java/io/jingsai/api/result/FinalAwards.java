package io.jingsai.api.result;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.jingsai.api.event.EventStatus;
import io.jingsai.scoring.award.AwardBand;
import reactor.core.publisher.Mono;

/**
 * The award bands each entry of an event won in its final standings, for features that count awards across a
 * programme (the enterprises' index): the awards of the one ranking of an event's results ({@link RankedResults}, as
 * {@code GET /api/events/{id}/results} shows them); reads only.
 */
@Component
public class FinalAwards {

    private final RankedResults results;

    FinalAwards(RankedResults results) {
        this.results = results;
    }

    /**
     * One event's awards.
     *
     * @param status the event's status when read
     * @param bands  the names of the rules' award bands, first prize first: a band's level is its place here, from 1
     * @param awards registration id → the band won; empty while the event is still marking (or before), as its
     *               standings then have no awards; entries without an award are left out
     */
    public record EventAwards(long eventId, EventStatus status, List<String> bands, Map<Long, String> awards) {

        public EventAwards {
            bands = List.copyOf(bands);
            awards = Map.copyOf(awards);
        }

        /** The level of the award the entry won, 1 for the first band; 0 when it won none. */
        public int levelOf(long registrationId) {
            String band = awards.get(registrationId);
            return band == null ? 0 : bands.indexOf(band) + 1;
        }
    }

    /** The event's awards as its results stand now; fails as not found (404) if there is no such event. */
    public Mono<EventAwards> of(long eventId) {
        return results.ranked(eventId).map(ranked -> {
            Map<Long, String> awards = new HashMap<>();
            ranked.standings().entries().stream().filter(entry -> entry.award() != null)
                    .forEach(entry -> awards.put(entry.registrationId(), entry.award()));
            List<String> bands = ranked.rules().awards().bands().stream().map(AwardBand::name).toList();
            return new EventAwards(eventId, ranked.status(), bands, awards);
        });
    }
}
