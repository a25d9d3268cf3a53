-- An event's automatic panel assignment (分组评分): which judges of the panel mark which entries, made by an organizer
-- from a seed before marking starts (io.jingsai.api.judging.PanelPlanner). While an event has a plan, a judge of its
-- panel (role JUDGE) marks only the entries the plan gives them; without one, every judge marks every entry they are
-- not recused from. Recusal is not stored here either: a pair the judge is recused from never counts, whenever the
-- recusal arose.
CREATE TABLE panel_plan (
    event_id         BIGINT       PRIMARY KEY REFERENCES event (id) ON DELETE CASCADE,
    seed             BIGINT       NOT NULL,
    judges_per_entry INT          NOT NULL CHECK (judges_per_entry >= 1),
    made_at          TIMESTAMPTZ  NOT NULL,
    made_by          VARCHAR(255) NOT NULL
);

-- A judge leaving the panel takes their entries along; a registration deleted before marking, its judges.
CREATE TABLE panel_plan_entry (
    event_id        BIGINT NOT NULL REFERENCES panel_plan (event_id) ON DELETE CASCADE,
    judge_id        BIGINT NOT NULL,
    registration_id BIGINT NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, judge_id, registration_id),
    CONSTRAINT panel_plan_entry_member FOREIGN KEY (event_id, judge_id)
        REFERENCES panel_member (event_id, judge_id) ON DELETE CASCADE
);

CREATE INDEX panel_plan_entry_registration_idx ON panel_plan_entry (registration_id);
