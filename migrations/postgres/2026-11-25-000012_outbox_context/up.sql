-- What a code message belongs to (its challenge or method): a newer code supersedes an older,
-- undelivered one, which is then never sent.
ALTER TABLE outbox ADD COLUMN context TEXT;
CREATE INDEX outbox_context_idx ON outbox (context, created_at);
