-- A recording's cause stored once, not on each of its rows. Under a steady stream of marks a recording's cause lists
-- every result change of its round (hundreds), and one round of a large programme enters and exits hundreds of
-- stars: each row carried the same kilobytes of JSON. Rows now name their cause.
CREATE TABLE tier_cause (
    id           BIGSERIAL PRIMARY KEY,
    programme_id BIGINT    NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
    cause        JSONB     NOT NULL
);

ALTER TABLE tier_history ADD COLUMN cause_id BIGINT REFERENCES tier_cause (id) ON DELETE CASCADE;

INSERT INTO tier_cause (programme_id, cause)
SELECT DISTINCT programme_id, cause FROM tier_history;

UPDATE tier_history h SET cause_id = c.id
FROM tier_cause c
WHERE c.programme_id = h.programme_id AND c.cause = h.cause;

ALTER TABLE tier_history ALTER COLUMN cause_id SET NOT NULL;
ALTER TABLE tier_history DROP COLUMN cause;
CREATE INDEX tier_history_cause_idx ON tier_history (cause_id);
