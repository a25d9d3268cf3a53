package io.jingsai.api.boards;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.jingsai.leaderboard.BoardChange;
import tools.jackson.databind.json.JsonMapper;

/**
 * One board's stream events, each made, encoded to JSON and framed once for all its subscribers: every subscriber
 * of a board receives the same change at each tick (and slow ones the same snapshot of the latest state), so with
 * thousands of subscribers the stream would otherwise build, serialise and encode the same lines thousands of times a
 * tick. The JSON goes out as the event's data unchanged (it has no line breaks), as the codecs would have written
 * the object.
 *
 * <p>Keeps the last few events (a change and a snapshot of one state are two events); older ones, asked for by a
 * client resuming from far back, are made again. Safe for concurrent subscribers: the first to ask makes an event,
 * the others wait for it rather than make it too.
 */
public final class SharedStreamEvents {

    private static final int KEPT = 8;

    /** A stream event's name ({@code snapshot}, {@code change}) and its data, before encoding. */
    public record Named(String name, Object data) {
    }

    private final JsonMapper json;
    private final Map<String, StreamFrame> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StreamFrame> eldest) {
            return size() > KEPT;
        }
    };

    SharedStreamEvents(JsonMapper json) {
        this.json = json;
    }

    /**
     * The stream event of a board change.
     *
     * @param id     the change's stream id (its board's incarnation and sequence)
     * @param change the change, a delta or a snapshot
     * @param render the event's name and data, called once per event kept
     */
    synchronized StreamFrame of(String id, BoardChange change, Function<BoardChange, Named> render) {
        String key = (change instanceof BoardChange.Delta ? "change " : "snapshot ") + id;
        return recent.computeIfAbsent(key, absent -> {
            Named event = render.apply(change);
            return StreamFrame.event(id, event.name(), json.writeValueAsString(event.data()));
        });
    }
}
