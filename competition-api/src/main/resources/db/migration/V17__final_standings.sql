-- The final standings of an event as they were when it last went out for public review (io.jingsai.api.result):
-- each entry's rank, award band and titles. Taken when the event enters REVIEW and kept up to date while it is in
-- REVIEW or PUBLISHED, so that each change of a result can say what it changed for whom; kept when marking is
-- reopened, so that going out for review again is compared with what the public saw before. Its row is locked by
-- every recomputation during review, which serialises the comparisons of one event.
CREATE TABLE final_standings (
    event_id       BIGINT      PRIMARY KEY REFERENCES event (id),
    entries        JSONB       NOT NULL,
    last_change_id BIGINT      NOT NULL,
    taken_at       TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

-- One entry whose rank, award or titles changed: before and after (null when it entered or left the standings), when,
-- and what caused it: one result change (a correction, a withdrawal) or the event going out for review again.
CREATE TABLE standing_change (
    id              BIGSERIAL   PRIMARY KEY,
    event_id        BIGINT      NOT NULL REFERENCES event (id),
    registration_id BIGINT      NOT NULL REFERENCES registration (id),
    before          JSONB,
    after           JSONB,
    cause           JSONB       NOT NULL,
    changed_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX standing_change_event_idx ON standing_change (event_id, id);
