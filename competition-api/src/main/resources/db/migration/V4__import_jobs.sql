-- Bulk import jobs: kept in the database so any instance can answer a poll and a restart is reported, not lost.
CREATE TABLE import_job (
    id             UUID PRIMARY KEY,
    kind           VARCHAR(30) NOT NULL,
    file_name      VARCHAR(255) NOT NULL,
    status         VARCHAR(20) NOT NULL,
    rows_read      INT NOT NULL DEFAULT 0,
    rows_written   INT NOT NULL DEFAULT 0,
    problem_count  INT NOT NULL DEFAULT 0,
    problems       JSONB NOT NULL DEFAULT '[]',
    message        VARCHAR(500),
    created_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ
);
CREATE INDEX import_job_created_idx ON import_job (created_at DESC);
