-- pgbench's reference transaction for benchmarks/marks/run.sh: what a durable score sheet must write, in one
-- transaction, without the service around it. Upsert the judge's sheet, insert its 20 marks (one multi-row INSERT),
-- upsert the entry's result, add a result_change outbox row and NOTIFY, and append an audit entry to the event's
-- hash chain (locking the chain's head, as the service does). Variables: event, chain, reg_lo, reg_hi, judge_lo,
-- judge_hi (pgbench -D); run with -M prepared, which passes them as parameters. A result row it inserts has the
-- shape of the service's (components an object, a standing with its keys), so that the boards can still read it.
\set registration random(:reg_lo, :reg_hi)
\set judge random(:judge_lo, :judge_hi)
BEGIN;
INSERT INTO score_sheet (event_id, registration_id, judge_id, version, submitted_at, submitted_by)
    VALUES (:event, :registration, :judge, 0, now(), 'pgbench')
    ON CONFLICT (registration_id, judge_id) DO UPDATE SET version = score_sheet.version + 1, submitted_at = now()
    RETURNING id AS sheet_id, version AS sheet_version \gset
INSERT INTO mark (sheet_id, sheet_version, position, aspect_id, value) VALUES
    (:sheet_id, :sheet_version, 0, 'M01', floor(random() * 11) / 2),
    (:sheet_id, :sheet_version, 1, 'M02', floor(random() * 11) / 2),
    (:sheet_id, :sheet_version, 2, 'M03', floor(random() * 11) / 2),
    (:sheet_id, :sheet_version, 3, 'M04', floor(random() * 11) / 2),
    (:sheet_id, :sheet_version, 4, 'M05', floor(random() * 11) / 2),
    (:sheet_id, :sheet_version, 5, 'M06', floor(random() * 11) / 2),
    (:sheet_id, :sheet_version, 6, 'M07', floor(random() * 11) / 2),
    (:sheet_id, :sheet_version, 7, 'M08', floor(random() * 11) / 2),
    (:sheet_id, :sheet_version, 8, 'M09', floor(random() * 11) / 2),
    (:sheet_id, :sheet_version, 9, 'M10', floor(random() * 11) / 2),
    (:sheet_id, :sheet_version, 10, 'M11', floor(random() * 11) / 2),
    (:sheet_id, :sheet_version, 11, 'M12', floor(random() * 11) / 2),
    (:sheet_id, :sheet_version, 12, 'M13', floor(random() * 11) / 2),
    (:sheet_id, :sheet_version, 13, 'M14', floor(random() * 11) / 2),
    (:sheet_id, :sheet_version, 14, 'M15', floor(random() * 11) / 2),
    (:sheet_id, :sheet_version, 15, 'M16', floor(random() * 11) / 2),
    (:sheet_id, :sheet_version, 16, 'M17', floor(random() * 11) / 2),
    (:sheet_id, :sheet_version, 17, 'M18', floor(random() * 11) / 2),
    (:sheet_id, :sheet_version, 18, 'M19', floor(random() * 11) / 2),
    (:sheet_id, :sheet_version, 19, 'M20', floor(random() * 11) / 2);
INSERT INTO entry_result (registration_id, event_id, status, exact_total, total, components, aspects, holds, standing,
                          sheets, rules_version, version, computed_at)
    VALUES (:registration, :event, 'COMPLETE', '35', 35, '{}', '[]', '[]',
            '{"keys": {"total": 35}, "eligible": true, "started": true}', 1, 0, 0, now())
    ON CONFLICT (registration_id) DO UPDATE SET total = EXCLUDED.total + 0, sheets = entry_result.sheets + 1,
        version = entry_result.version + 1, computed_at = now();
INSERT INTO result_change (event_id, registration_id, result_version, changed_at)
    VALUES (:event, :registration, 0, now());
SELECT pg_notify('result_change', :event::text);
WITH head AS (SELECT length, head_hash FROM audit_chain WHERE chain = :chain FOR UPDATE)
UPDATE audit_chain SET length = head.length + 1,
        head_hash = encode(sha256(convert_to(head.head_hash || :registration::text || '/' || :judge::text, 'UTF8')), 'hex')
    FROM head WHERE audit_chain.chain = :chain
    RETURNING head.head_hash AS previous_hash, audit_chain.length AS position, audit_chain.head_hash AS entry_hash \gset
INSERT INTO audit_entry (chain, position, occurred_at, actor, action, subject, before_state, after_state, previous_hash,
                         entry_hash)
    VALUES (:chain, :position, now(), 'pgbench', 'scoreSheet.submitted', 'registration/' || :registration::text, NULL,
            '{"marks": 20}', :previous_hash, :entry_hash);
COMMIT;
