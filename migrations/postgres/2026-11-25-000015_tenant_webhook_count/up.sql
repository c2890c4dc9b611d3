-- How many event webhooks a tenant has: a sign-in skips looking for subscribers when there are none.
ALTER TABLE tenants ADD COLUMN event_webhooks INTEGER NOT NULL DEFAULT 0;
