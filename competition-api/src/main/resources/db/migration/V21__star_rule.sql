-- How a programme ranks its competition stars (竞赛标兵) across events and trades: how one contestant's standardised
-- scores in several events combine (BEST, SUM or MEAN), and who of those tied at the stars tier's last place enter it
-- (the scoring engine's cut-off policies). Existing programmes take the defaults.
ALTER TABLE programme
    ADD COLUMN stars_combination VARCHAR(10) NOT NULL DEFAULT 'BEST'
        CHECK (stars_combination IN ('BEST', 'SUM', 'MEAN')),
    ADD COLUMN stars_cut_off     VARCHAR(20) NOT NULL DEFAULT 'INCLUDE_ALL'
        CHECK (stars_cut_off IN ('INCLUDE_ALL', 'EXCLUDE_ALL', 'BREAK_BY_CHAIN'));
