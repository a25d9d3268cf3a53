-- The audit trail: an append-only, hash-chained record of who did what, when, to what, and why (marks, corrections,
-- approvals, lifecycle steps, reveals…). Entries are grouped into chains (one per event, one per programme, one for
-- the system) so that writers to different events never wait for each other, and so that one event's trail can be
-- handed over and checked on its own. Each entry carries the hash of the previous entry of its chain and a hash of
-- its own content (see io.jingsai.api.audit.EntryHash); a changed, missing or reordered entry breaks the chain.
CREATE TABLE audit_chain (
    id         BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    chain      VARCHAR(60) NOT NULL UNIQUE,
    length     BIGINT      NOT NULL CHECK (length >= 0),
    head_hash  CHAR(64)    NOT NULL
);

CREATE TABLE audit_entry (
    id            BIGSERIAL    PRIMARY KEY,
    chain         VARCHAR(60)  NOT NULL REFERENCES audit_chain (chain),
    position      BIGINT       NOT NULL CHECK (position >= 1),
    occurred_at   TIMESTAMPTZ  NOT NULL,
    actor         VARCHAR(255) NOT NULL,
    action        VARCHAR(100) NOT NULL,
    subject       VARCHAR(200) NOT NULL,
    reason        VARCHAR(500),
    before_state  TEXT,
    after_state   TEXT,
    previous_hash CHAR(64)     NOT NULL,
    entry_hash    CHAR(64)     NOT NULL,
    CONSTRAINT audit_entry_position_unique UNIQUE (chain, position)
);

-- Append-only: the application's role may insert and read entries, and move a chain's head forward by one, but no
-- statement it sends can change or remove what was recorded. (A role that owns the tables could still drop these
-- triggers; docs/audit.md says how to run migrations and the service under separate roles when that matters.)
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

CREATE FUNCTION audit_chain_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- An unchanged row is let through: appending locks the head with a no-op upsert before it moves it.
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'an audit chain only grows, one entry at a time'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.chain <> OLD.chain OR NEW.id <> OLD.id
            OR (NEW.length <> OLD.length + 1 AND (NEW.length, NEW.head_hash) IS DISTINCT FROM (OLD.length, OLD.head_hash)) THEN
        RAISE EXCEPTION 'an audit chain only grows, one entry at a time'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_chain_grows_only
    BEFORE UPDATE OR DELETE ON audit_chain
    FOR EACH ROW EXECUTE FUNCTION audit_chain_forward_only();

CREATE TRIGGER audit_chain_no_truncate
    BEFORE TRUNCATE ON audit_chain
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
