-- Audit entries appended by PostgreSQL as the transaction commits. The application records an act by inserting it
-- into audit_pending, in the act's transaction and without waiting for anyone; a deferred constraint trigger then
-- appends each pending act to its chain while the transaction commits, in the order the acts were recorded: it locks
-- the chain's head, hashes the entry (audit_entry_hash, V33), moves the head, inserts the entry and removes the
-- pending row. So a chain's head is locked only for the commit itself, never for a round trip to the application:
-- every score sheet of an event appends to the event's one chain, and before this the head stayed locked from the
-- append until the application, busy with other requests, got round to sending COMMIT, while the event's other
-- judges waited.
CREATE TABLE audit_pending (
    id           BIGSERIAL    PRIMARY KEY,
    chain        VARCHAR(60)  NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    actor        VARCHAR(255) NOT NULL,
    action       VARCHAR(100) NOT NULL,
    subject      VARCHAR(200) NOT NULL,
    reason       VARCHAR(500),
    before_state TEXT,
    after_state  TEXT
);

CREATE FUNCTION audit_pending_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head_length BIGINT;
    previous    TEXT;
    appended    TEXT;
BEGIN
    SELECT length, head_hash INTO head_length, previous FROM audit_chain WHERE chain = NEW.chain FOR UPDATE;
    IF NOT FOUND THEN
        -- A chain's first entry: its head is created by whichever writer comes first.
        INSERT INTO audit_chain (chain, length, head_hash) VALUES (NEW.chain, 0, repeat('0', 64))
            ON CONFLICT (chain) DO NOTHING;
        SELECT length, head_hash INTO STRICT head_length, previous
            FROM audit_chain WHERE chain = NEW.chain FOR UPDATE;
    END IF;
    appended := audit_entry_hash(previous, NEW.chain, head_length + 1, NEW.occurred_at, NEW.actor, NEW.action,
                                 NEW.subject, NEW.reason, NEW.before_state, NEW.after_state);
    UPDATE audit_chain SET length = head_length + 1, head_hash = appended WHERE chain = NEW.chain;
    INSERT INTO audit_entry (chain, position, occurred_at, actor, action, subject, reason, before_state, after_state,
                             previous_hash, entry_hash)
    VALUES (NEW.chain, head_length + 1, NEW.occurred_at, NEW.actor, NEW.action, NEW.subject, NEW.reason,
            NEW.before_state, NEW.after_state, previous, appended);
    DELETE FROM audit_pending WHERE id = NEW.id;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER audit_pending_appended_at_commit
    AFTER INSERT ON audit_pending
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION audit_pending_append();
