-- Withdrawal (退赛) of a registration keeps the row, its numbers and its marks, and records who withdrew it, when and
-- why. Registrations withdrawn before this migration (by a plain status change) keep these columns empty.
ALTER TABLE registration
    ADD COLUMN withdrawn_at      TIMESTAMPTZ,
    ADD COLUMN withdrawn_by      VARCHAR(255),
    ADD COLUMN withdrawal_reason VARCHAR(500),
    ADD CONSTRAINT registration_withdrawal_recorded CHECK (
        (withdrawn_at IS NULL) = (withdrawn_by IS NULL)
        AND (withdrawn_at IS NULL) = (withdrawal_reason IS NULL)
        AND (withdrawn_at IS NULL OR status = 'WITHDRAWN'));
