DROP INDEX outbox_context_idx;
ALTER TABLE outbox DROP COLUMN context;
