package io.jingsai.api.boards;

import java.nio.charset.StandardCharsets;

/**
 * One server-sent event as it goes on the wire, formatted and UTF-8 encoded once: a board's change goes to every
 * subscriber of the board, and formatting and encoding it again for each of thousands of them was most of a busy
 * stream's work. {@link StreamFrameWriter} writes the bytes as they are.
 *
 * <p>An event is {@code id}, {@code event} and one {@code data} line; a comment is one line. Neither may contain a
 * line break (an event's data is JSON, which has none).
 */
public final class StreamFrame {

    private final String id;
    private final String event;
    private final String data;
    private final String comment;
    private final byte[] bytes;

    private StreamFrame(String id, String event, String data, String comment, String wire) {
        this.id = id;
        this.event = event;
        this.data = data;
        this.comment = comment;
        this.bytes = wire.getBytes(StandardCharsets.UTF_8);
    }

    /** A comment line: ignored by clients, it flushes headers at a stream's start and keeps idle streams open. */
    public static StreamFrame comment(String text) {
        requireOneLine("comment", text);
        return new StreamFrame(null, null, null, text, ":" + text + "\n\n");
    }

    /**
     * A named event with an id.
     *
     * @param data one line, the event's JSON
     */
    public static StreamFrame event(String id, String name, String data) {
        requireOneLine("id", id);
        requireOneLine("event", name);
        requireOneLine("data", data);
        return new StreamFrame(id, name, data, null, "id:" + id + "\nevent:" + name + "\ndata:" + data + "\n\n");
    }

    private static void requireOneLine(String field, String value) {
        if (value == null || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a stream frame's " + field + " must be one line, was " + value);
        }
    }

    /** The event's id; null for a comment. */
    public String id() {
        return id;
    }

    /** The event's name; null for a comment. */
    public String event() {
        return event;
    }

    /** The event's data; null for a comment. */
    public String data() {
        return data;
    }

    /** The comment's text; null for an event. */
    public String comment() {
        return comment;
    }

    /** The frame on the wire; shared by every stream that sends it, so never to be changed. */
    byte[] bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return comment != null ? ":" + comment : "event " + event + " " + id;
    }
}
