-- Accounts, their role grants with the scope of each, and the sign-in sessions behind bearer tokens.
-- User names are compared without case: 'Admin' and 'admin' are one account.
CREATE TABLE account (
    id                       BIGSERIAL PRIMARY KEY,
    username                 VARCHAR(64) NOT NULL,
    display_name             VARCHAR(100),
    judge_id                 BIGINT REFERENCES judge (id) ON DELETE SET NULL,
    password_hash            VARCHAR(200) NOT NULL,
    -- An initial or reset password is one-time: it must be changed at the next sign-in.
    password_change_required BOOLEAN NOT NULL DEFAULT FALSE,
    password_changed_at      TIMESTAMPTZ NOT NULL,
    created_by               VARCHAR(64),
    version                  BIGINT NOT NULL DEFAULT 0,
    created_at               TIMESTAMPTZ NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX account_username_unique ON account (lower(username));
CREATE UNIQUE INDEX account_judge_unique ON account (judge_id);

-- ADMIN has no scope; ORGANIZER is scoped to a programme; CHIEF_JUDGE and JUDGE to an event. A grant goes with the
-- programme or event it names.
CREATE TABLE account_grant (
    account_id    BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role          VARCHAR(20) NOT NULL,
    programme_id  BIGINT REFERENCES programme (id) ON DELETE CASCADE,
    event_id      BIGINT REFERENCES event (id) ON DELETE CASCADE,
    created_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT account_grant_scope CHECK (
        (role = 'ADMIN' AND programme_id IS NULL AND event_id IS NULL)
        OR (role = 'ORGANIZER' AND programme_id IS NOT NULL AND event_id IS NULL)
        OR (role IN ('CHIEF_JUDGE', 'JUDGE') AND programme_id IS NULL AND event_id IS NOT NULL)),
    CONSTRAINT account_grant_unique UNIQUE NULLS NOT DISTINCT (account_id, role, programme_id, event_id)
);
CREATE INDEX account_grant_programme_idx ON account_grant (programme_id);
CREATE INDEX account_grant_event_idx ON account_grant (event_id);

-- One sign-in through POST /api/auth/token: bearer tokens name it; refreshing replaces its refresh token (only a
-- SHA-256 of it is kept); logging out, changing the password or a reset revokes it.
CREATE TABLE auth_session (
    id            UUID PRIMARY KEY,
    account_id    BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    refresh_hash  CHAR(64) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    revoked_at    TIMESTAMPTZ,
    CONSTRAINT auth_session_refresh_unique UNIQUE (refresh_hash)
);
CREATE INDEX auth_session_account_idx ON auth_session (account_id);
