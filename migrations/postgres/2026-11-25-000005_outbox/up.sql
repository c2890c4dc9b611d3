-- Every message (codes by SMS and email, later notices) is written here in the transaction of the
-- change that causes it, then sent by the request itself or, failing that, by the worker.
CREATE TABLE outbox (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,
    -- Whose action caused the message (the pumping guard counts per user, number and tenant).
    user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
    channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
    recipient TEXT NOT NULL,
    -- The message (body, code) sealed under the master key, bound to the row id; erased once
    -- the message is sent or has expired.
    sealed BYTEA,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'expired')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_until BIGINT,
    last_error TEXT,
    expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX outbox_due_idx ON outbox (status, next_attempt_at);
CREATE INDEX outbox_tenant_idx ON outbox (tenant_id, created_at);
CREATE INDEX outbox_user_idx ON outbox (user_id, created_at);
CREATE INDEX outbox_recipient_idx ON outbox (recipient, created_at);
