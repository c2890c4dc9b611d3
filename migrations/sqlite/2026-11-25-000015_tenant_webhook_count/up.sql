-- How many event webhooks a tenant has: a sign-in skips looking for subscribers when there are none.
ALTER TABLE tenants ADD COLUMN event_webhooks INTEGER NOT NULL DEFAULT 0;
UPDATE tenants SET event_webhooks = (SELECT COUNT(*) FROM event_webhooks w WHERE w.tenant_id = tenants.id);
