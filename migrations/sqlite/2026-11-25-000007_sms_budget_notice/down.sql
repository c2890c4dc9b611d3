ALTER TABLE tenants DROP COLUMN sms_budget_low_notice_at;
