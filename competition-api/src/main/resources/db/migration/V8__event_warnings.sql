-- Warnings about an event's scheme (advice, not errors), computed when the event is written rather than on every
-- read: a list of {"field", "rule", "arguments"}. NULL for an event written before this migration; its warnings are
-- then computed when it is read, until it is next written.
ALTER TABLE event ADD COLUMN warnings JSONB;
