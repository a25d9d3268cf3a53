-- The evaluation of a programme's competition projects on their KPI indicators (io.jingsai.api.programme).
-- One round per programme: its status moves ENTERED -> REVIEWED -> PUBLISHED (and back with a reason), and its row
-- is locked by every write of values, so that the scores of all projects (which depend on each other where an
-- indicator is normalised against the field) are always computed from one consistent set of values.
CREATE TABLE project_evaluation_round (
    programme_id BIGINT      PRIMARY KEY REFERENCES programme (id) ON DELETE CASCADE,
    status       VARCHAR(20) NOT NULL CHECK (status IN ('ENTERED', 'REVIEWED', 'PUBLISHED')),
    version      BIGINT      NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);

-- A project's values (each with its evidence note), the indicator definitions they were entered against, and the
-- scores computed from them in the same transaction. Version 0 is "no values yet" and is never stored.
CREATE TABLE project_evaluation (
    project_id       BIGINT        PRIMARY KEY REFERENCES project (id) ON DELETE CASCADE,
    programme_id     BIGINT        NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
    indicators       JSONB         NOT NULL,
    entered_values   JSONB         NOT NULL,
    indicator_scores JSONB         NOT NULL,
    score            NUMERIC(9, 2) NOT NULL,
    version          BIGINT        NOT NULL CHECK (version >= 1),
    entered_by       VARCHAR(255)  NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL
);
CREATE INDEX project_evaluation_programme_idx ON project_evaluation (programme_id);
