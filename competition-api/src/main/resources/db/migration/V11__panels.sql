-- An event's panel (裁判组): the judges who mark it, one of them at most the chief judge (裁判长), and the conflicts
-- of interest judges declared about single entries. Recusal (回避) from an entry of the judge's own enterprise is
-- not stored: it follows from the registry (see io.jingsai.api.judging.Recusals), so it can never be forgotten.
CREATE TABLE panel_member (
    id          BIGSERIAL    PRIMARY KEY,
    event_id    BIGINT       NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    judge_id    BIGINT       NOT NULL REFERENCES judge (id),
    role        VARCHAR(20)  NOT NULL CHECK (role IN ('CHIEF_JUDGE', 'JUDGE')),
    assigned_at TIMESTAMPTZ  NOT NULL,
    assigned_by VARCHAR(255) NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT panel_member_unique UNIQUE (event_id, judge_id)
);

CREATE UNIQUE INDEX panel_member_one_chief ON panel_member (event_id) WHERE role = 'CHIEF_JUDGE';
CREATE INDEX panel_member_judge_idx ON panel_member (judge_id);

CREATE TABLE declared_conflict (
    id              BIGSERIAL    PRIMARY KEY,
    event_id        BIGINT       NOT NULL,
    judge_id        BIGINT       NOT NULL,
    registration_id BIGINT       NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
    reason          VARCHAR(500) NOT NULL,
    declared_at     TIMESTAMPTZ  NOT NULL,
    declared_by     VARCHAR(255) NOT NULL,
    CONSTRAINT declared_conflict_member FOREIGN KEY (event_id, judge_id)
        REFERENCES panel_member (event_id, judge_id) ON DELETE CASCADE,
    CONSTRAINT declared_conflict_unique UNIQUE (judge_id, registration_id)
);

CREATE INDEX declared_conflict_event_idx ON declared_conflict (event_id, judge_id);
