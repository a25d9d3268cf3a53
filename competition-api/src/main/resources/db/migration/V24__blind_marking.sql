-- Blind marking (工位号加密): while an event is blind and its identities are not revealed, judges see its entries by
-- station number only. The chief judge reveals them once marking has closed; who and when is kept here (and in the
-- event's audit chain). A reveal is final, and only a blind event has one.
ALTER TABLE event
    ADD COLUMN blind                  BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN identities_revealed_at TIMESTAMPTZ,
    ADD COLUMN identities_revealed_by VARCHAR(255),
    ADD CONSTRAINT event_reveal_of_blind CHECK (identities_revealed_at IS NULL OR blind),
    ADD CONSTRAINT event_reveal_by_whom CHECK ((identities_revealed_at IS NULL) = (identities_revealed_by IS NULL));
