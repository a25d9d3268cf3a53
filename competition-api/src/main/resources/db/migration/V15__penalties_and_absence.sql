-- Deductions and disqualifications (扣分、取消资格) that judges record for an entry, effective only once the event's
-- chief judge approves them; a rejected one is kept, with the reason, and never counts. points is the figure
-- deducted (the aspect's points per violation when the judge named none), fixed when recorded. An entry has at most
-- one disqualification that is pending or approved.
CREATE TABLE penalty (
    id               BIGSERIAL    PRIMARY KEY,
    event_id         BIGINT       NOT NULL REFERENCES event (id),
    registration_id  BIGINT       NOT NULL REFERENCES registration (id),
    kind             VARCHAR(20)  NOT NULL CHECK (kind IN ('DEDUCTION', 'DISQUALIFICATION')),
    aspect_id        VARCHAR(50),
    points           NUMERIC      CHECK (points > 0),
    reason           VARCHAR(500) NOT NULL,
    judge_id         BIGINT       NOT NULL REFERENCES judge (id),
    recorded_at      TIMESTAMPTZ  NOT NULL,
    recorded_by      VARCHAR(255) NOT NULL,
    status           VARCHAR(20)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by_judge BIGINT       REFERENCES judge (id),
    decided_at       TIMESTAMPTZ,
    decided_by       VARCHAR(255),
    decision_reason  VARCHAR(500),
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT penalty_deduction_names_aspect CHECK (
        (kind = 'DEDUCTION') = (aspect_id IS NOT NULL) AND (kind = 'DEDUCTION') = (points IS NOT NULL)),
    CONSTRAINT penalty_decision_recorded CHECK (
        (status = 'PENDING') = (decided_at IS NULL)
        AND (decided_at IS NULL) = (decided_by IS NULL)
        AND (decided_at IS NULL) = (decided_by_judge IS NULL)
        AND (status <> 'REJECTED' OR decision_reason IS NOT NULL))
);
CREATE INDEX penalty_event_idx ON penalty (event_id, status);
CREATE INDEX penalty_registration_idx ON penalty (registration_id);
CREATE UNIQUE INDEX penalty_one_disqualification ON penalty (registration_id)
    WHERE kind = 'DISQUALIFICATION' AND status <> 'REJECTED';

-- An entry that did not start (缺考/未到场) is ABSENT: it keeps its row and any marks, and remembers the status it
-- had (REGISTERED or OBSERVER) so that the absence can be taken back while the event is MARKING. Who recorded it,
-- when and why are kept while it is absent (and after a withdrawal of the absent entry); the audit chain has every
-- change.
ALTER TABLE registration
    ADD COLUMN absent_at             TIMESTAMPTZ,
    ADD COLUMN absent_by             VARCHAR(255),
    ADD COLUMN absence_reason        VARCHAR(500),
    ADD COLUMN status_before_absence VARCHAR(20),
    ADD CONSTRAINT registration_absence_recorded CHECK (
        (absent_at IS NULL) = (absent_by IS NULL)
        AND (absent_at IS NULL) = (absence_reason IS NULL)
        AND (absent_at IS NULL) = (status_before_absence IS NULL)
        AND (status <> 'ABSENT' OR absent_at IS NOT NULL)
        AND (absent_at IS NULL OR status IN ('ABSENT', 'WITHDRAWN')));
