-- A running import job's process touches heartbeat_at every few seconds; a job in VALIDATING or WRITING whose
-- heartbeat stopped was abandoned by a process that died, and is marked FAILED (see bulk/AbandonedImportJobs).
ALTER TABLE import_job ADD COLUMN heartbeat_at TIMESTAMPTZ;
UPDATE import_job SET heartbeat_at = COALESCE(finished_at, created_at);
ALTER TABLE import_job ALTER COLUMN heartbeat_at SET NOT NULL;
CREATE INDEX import_job_running_idx ON import_job (heartbeat_at) WHERE status IN ('VALIDATING', 'WRITING');
