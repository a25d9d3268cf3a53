-- The entry hash of the audit trail, stated once, in SQL, for both the writer and the verifier: appending an entry
-- is then one statement (lock the chain's head, hash, move the head, insert), so a chain's head stays locked only for
-- that statement and the commit — every score sheet of an event appends to the event's chain, and each round trip
-- to the application while the head is locked would make every other judge of the event wait.
--
-- SHA-256 over the previous entry's hash and the entry's content — chain, position, time (in microseconds since the
-- epoch), actor, action, subject, reason, the states before and after — each field as its UTF-8 bytes preceded by
-- their length as a 4-byte big-endian integer (-1 for none), so that no two different entries can be written as the
-- same bytes by moving text from one field into the next. Entries written before this migration were hashed the
-- same way (in Java) and verify unchanged.
CREATE FUNCTION audit_hash_field(value TEXT) RETURNS BYTEA LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT int4send(octet_length(convert_to(value, 'UTF8'))) || convert_to(value, 'UTF8')
$$;

-- Microseconds since the epoch, exact: whole seconds and the microseconds within them are added as integers.
CREATE FUNCTION audit_hash_micros(stamp TIMESTAMPTZ) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT (floor(extract(EPOCH FROM date_trunc('second', stamp)))::BIGINT * 1000000
            + extract(MICROSECONDS FROM stamp)::BIGINT % 1000000)::TEXT
$$;

CREATE FUNCTION audit_entry_hash(previous_hash TEXT, chain TEXT, entry_position BIGINT, occurred_at TIMESTAMPTZ,
                                 actor TEXT, action TEXT, subject TEXT, reason TEXT, before_state TEXT,
                                 after_state TEXT)
    RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT encode(sha256(
               COALESCE(audit_hash_field(previous_hash), int4send(-1))
            || COALESCE(audit_hash_field(chain), int4send(-1))
            || COALESCE(audit_hash_field(entry_position::TEXT), int4send(-1))
            || COALESCE(audit_hash_field(audit_hash_micros(occurred_at)), int4send(-1))
            || COALESCE(audit_hash_field(actor), int4send(-1))
            || COALESCE(audit_hash_field(action), int4send(-1))
            || COALESCE(audit_hash_field(subject), int4send(-1))
            || COALESCE(audit_hash_field(reason), int4send(-1))
            || COALESCE(audit_hash_field(before_state), int4send(-1))
            || COALESCE(audit_hash_field(after_state), int4send(-1))), 'hex')
$$;
