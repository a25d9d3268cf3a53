-- Judges' score sheets (评分表), the results they make, and the changes of results for other parts of the service.
--
-- A score sheet is all of one judge's marks for one entry. Replacing it adds a version; the marks of every version
-- are kept (the current ones are those of the sheet's version), so a result can always be traced to what was marked.
CREATE TABLE score_sheet (
    id              BIGSERIAL    PRIMARY KEY,
    event_id        BIGINT       NOT NULL REFERENCES event (id),
    registration_id BIGINT       NOT NULL REFERENCES registration (id),
    judge_id        BIGINT       NOT NULL REFERENCES judge (id),
    version         BIGINT       NOT NULL DEFAULT 0 CHECK (version >= 0),
    submitted_at    TIMESTAMPTZ  NOT NULL,
    submitted_by    VARCHAR(255) NOT NULL,
    CONSTRAINT score_sheet_unique UNIQUE (registration_id, judge_id)
);
CREATE INDEX score_sheet_event_idx ON score_sheet (event_id);
CREATE INDEX score_sheet_judge_idx ON score_sheet (judge_id);

CREATE TABLE mark (
    sheet_id      BIGINT      NOT NULL REFERENCES score_sheet (id),
    sheet_version BIGINT      NOT NULL,
    position      INT         NOT NULL,
    aspect_id     VARCHAR(50) NOT NULL,
    value         NUMERIC     NOT NULL,
    PRIMARY KEY (sheet_id, sheet_version, position),
    CONSTRAINT mark_aspect_once UNIQUE (sheet_id, sheet_version, aspect_id)
);

-- One entry's result, recomputed by the scoring engine in the transaction that changed its marks, so that it never
-- lags them. exact_total is the engine's exact rational in lowest terms ("p" or "p/q"); total is the published
-- figure, rounded once by the scheme's rule. aspects, components, holds and standing are JSON texts.
CREATE TABLE entry_result (
    registration_id BIGINT      PRIMARY KEY REFERENCES registration (id),
    event_id        BIGINT      NOT NULL REFERENCES event (id),
    status          VARCHAR(20) NOT NULL,
    exact_total     TEXT        NOT NULL,
    total           NUMERIC     NOT NULL,
    components      TEXT        NOT NULL,
    aspects         TEXT        NOT NULL,
    holds           TEXT        NOT NULL,
    standing        TEXT        NOT NULL,
    sheets          INT         NOT NULL,
    rules_version   BIGINT      NOT NULL,
    version         BIGINT      NOT NULL DEFAULT 0,
    computed_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX entry_result_event_idx ON entry_result (event_id);

-- The outbox of result changes: one row per committed change of a result, written in the same transaction and
-- announced on the channel result_change (pg_notify, delivered at commit), so that any instance can follow.
CREATE TABLE result_change (
    id              BIGSERIAL   PRIMARY KEY,
    event_id        BIGINT      NOT NULL,
    registration_id BIGINT      NOT NULL,
    result_version  BIGINT      NOT NULL,
    changed_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX result_change_event_idx ON result_change (event_id, id);

-- Idempotency-Key: the first answer to each key of each account, stored in the transaction of the work it answers,
-- so that a retry gets that answer and never does the work twice. request_hash tells a retry from another request
-- that reuses the key.
CREATE TABLE idempotent_request (
    account_id      BIGINT       NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    status          INT,
    version         BIGINT,
    location        VARCHAR(500),
    body            TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (account_id, idempotency_key)
);
