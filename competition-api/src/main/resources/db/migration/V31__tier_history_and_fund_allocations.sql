-- The history of a programme's tiers (io.jingsai.api.programme): who entered or left the stars, key and
-- demonstration tiers, when and why, on two bases: LIVE (the live stars board, the project board as scored) and
-- PUBLISHED (what the incentive fund pays: the stars of published events, the projects of a published evaluation).
--
-- tier_recording is one row per programme, locked by each recording: exactly one writer of a programme's membership
-- at a time across instances; revision grows with each recording, so that a writer whose snapshot predates another
-- writer's commit is refused (serialization failure) and tries again with a fresh one.
CREATE TABLE tier_recording (
    programme_id BIGINT      PRIMARY KEY REFERENCES programme (id) ON DELETE CASCADE,
    revision     BIGINT      NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL
);

-- The membership as last recorded: what the next recomputation is compared with.
CREATE TABLE tier_membership (
    programme_id BIGINT      NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
    basis        VARCHAR(16) NOT NULL CHECK (basis IN ('LIVE', 'PUBLISHED')),
    tier         VARCHAR(16) NOT NULL CHECK (tier IN ('DEMONSTRATION', 'KEY', 'STARS')),
    subject_id   BIGINT       NOT NULL,
    subject_name VARCHAR(255) NOT NULL,
    since        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (programme_id, basis, tier, subject_id)
);

-- Every entry into and exit from a tier, appended in the recording's transaction. subject_id is the contestant
-- (STARS) or the project (KEY, DEMONSTRATION); rank and score are its place on the board then (absent when it left
-- the board altogether); cause says what was followed (result changes, an event's step, the project evaluation).
CREATE TABLE tier_history (
    id           BIGSERIAL     PRIMARY KEY,
    programme_id BIGINT        NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
    basis        VARCHAR(16)   NOT NULL CHECK (basis IN ('LIVE', 'PUBLISHED')),
    tier         VARCHAR(16)   NOT NULL CHECK (tier IN ('DEMONSTRATION', 'KEY', 'STARS')),
    subject_id   BIGINT        NOT NULL,
    subject_name VARCHAR(255)  NOT NULL,
    movement     VARCHAR(8)    NOT NULL CHECK (movement IN ('ENTERED', 'LEFT')),
    rank         INTEGER,
    score        NUMERIC(12, 2),
    cause        JSONB         NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL
);
CREATE INDEX tier_history_programme_idx ON tier_history (programme_id, id);

-- Stored allocations of the incentive fund, numbered 1, 2, 3… per programme: the request, the published events
-- the stars were ranked from, each tier's part and members (as the allocation answered them), who and when.
CREATE TABLE fund_allocation (
    programme_id  BIGINT       NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
    number        INTEGER      NOT NULL CHECK (number >= 1),
    request       JSONB        NOT NULL,
    fund_fen      BIGINT       NOT NULL CHECK (fund_fen >= 0),
    star_events   JSONB        NOT NULL,
    tiers         JSONB        NOT NULL,
    allocated_by  VARCHAR(255) NOT NULL,
    allocated_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (programme_id, number)
);
