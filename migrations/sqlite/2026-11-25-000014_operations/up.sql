-- The audit API shows the client's user agent, and pages a tenant's or a user's trail newest first.
ALTER TABLE audit_events ADD COLUMN user_agent TEXT;
CREATE INDEX audit_events_tenant_time_idx ON audit_events (tenant_id, created_at, id);
CREATE INDEX audit_events_user_time_idx ON audit_events (user_id, created_at, id);

-- Endpoints a tenant registered for security events. The signing secret is sealed under the
-- master key (it must be read back to sign); `events` is a comma-separated list of event names.
CREATE TABLE event_webhooks (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    description TEXT,
    secret_sealed BLOB NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX event_webhooks_tenant_idx ON event_webhooks (tenant_id);

-- One row per event and endpoint, written in the transaction of the change (like the message
-- outbox), then sent by the outbox worker with the same lease, retries and backoff.
CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY NOT NULL,
    webhook_id TEXT NOT NULL REFERENCES event_webhooks(id) ON DELETE CASCADE,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'expired')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_until BIGINT,
    last_error TEXT,
    expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_webhook_idx ON webhook_deliveries (webhook_id, created_at);
