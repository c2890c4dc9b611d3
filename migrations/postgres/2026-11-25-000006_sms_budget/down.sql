ALTER TABLE tenants DROP COLUMN sms_budget;
