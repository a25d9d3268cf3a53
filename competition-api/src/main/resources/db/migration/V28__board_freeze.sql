-- The freeze of an event's public board (封榜, io.jingsai.api.boards): while frozen_at is set, the public board and
-- its stream show the results as they were then (results, the event's current results as JSON text, read under a
-- lock that keeps every writer of results out until the freeze commits), while organizers see the live board.
-- scheduled_at is a freeze still to be taken. revision grows with every change, so that each instance applies the
-- latest state it reads; every change is announced on the channel board_freeze (pg_notify, delivered at commit).
CREATE TABLE board_freeze (
    event_id     BIGINT       PRIMARY KEY REFERENCES event (id),
    revision     BIGINT       NOT NULL,
    frozen_at    TIMESTAMPTZ,
    results      TEXT,
    scheduled_at TIMESTAMPTZ,
    changed_by   VARCHAR(255) NOT NULL,
    changed_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT board_freeze_results CHECK ((frozen_at IS NULL) = (results IS NULL)),
    CONSTRAINT board_freeze_frozen_or_scheduled CHECK (frozen_at IS NULL OR scheduled_at IS NULL)
);
CREATE INDEX board_freeze_scheduled_idx ON board_freeze (scheduled_at) WHERE scheduled_at IS NOT NULL;
