-- The enterprises board (万家企业) and split stars boards of a programme.
--
-- enterprise_index: the weights of the enterprises' index of participation and results and the cut-off policy of the
-- enterprises tier, stored as the API shows the rule (io.jingsai.api.programme.EnterpriseIndexRule). Existing
-- programmes take the documented defaults, written out here so that a later change of the defaults in code never
-- changes a stored programme's index.
--
-- stars_split_by / stars_splits: a programme may split its stars quota by the region of the contestant's enterprise
-- or by the key area of the project an entry's event belongs to, one board per split with its own quota. No split
-- (NULL, '[]') is the one programme-wide board, as before.
ALTER TABLE programme
    ADD COLUMN enterprise_index JSONB NOT NULL DEFAULT '{"contestantWeight": 1, "starWeight": 10,
        "awardWeights": [8, 5, 3, 1], "keyProjectWeight": 20, "demonstrationProjectWeight": 50,
        "cutOffPolicy": "INCLUDE_ALL"}',
    ADD COLUMN stars_split_by   VARCHAR(10) CHECK (stars_split_by IN ('REGION', 'KEY_AREA')),
    ADD COLUMN stars_splits     JSONB NOT NULL DEFAULT '[]',
    ADD CONSTRAINT programme_stars_split_named CHECK ((stars_split_by IS NULL) = (stars_splits = '[]'::jsonb));
