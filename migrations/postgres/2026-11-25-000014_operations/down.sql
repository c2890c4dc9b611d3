DROP TABLE webhook_deliveries;
DROP TABLE event_webhooks;
DROP INDEX audit_events_user_time_idx;
DROP INDEX audit_events_tenant_time_idx;
ALTER TABLE audit_events DROP COLUMN user_agent;
