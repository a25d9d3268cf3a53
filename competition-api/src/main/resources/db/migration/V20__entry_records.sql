-- Officials' records of an entry that are not judges' marks (赛务记录): how long the entry took (a tie-break key) and
-- the declared difficulty of measurement aspects (a dive's degree of difficulty multiplies its aspect's mark). Only
-- the current version is kept here; every version is in the event's audit chain with the one it replaced.
CREATE TABLE entry_record (
    registration_id    BIGINT         PRIMARY KEY REFERENCES registration (id),
    event_id           BIGINT         NOT NULL REFERENCES event (id),
    completion_seconds NUMERIC(12, 3) CHECK (completion_seconds >= 0),
    difficulty         TEXT           NOT NULL,
    version            BIGINT         NOT NULL DEFAULT 0 CHECK (version >= 0),
    recorded_at        TIMESTAMPTZ    NOT NULL,
    recorded_by        VARCHAR(255)   NOT NULL
);
CREATE INDEX entry_record_event_idx ON entry_record (event_id);
