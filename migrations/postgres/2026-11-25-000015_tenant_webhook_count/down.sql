ALTER TABLE tenants DROP COLUMN event_webhooks;
