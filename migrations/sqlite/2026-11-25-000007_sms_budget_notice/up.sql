-- When the one low-balance notice of the current budget went out; cleared by a top-up or a new budget.
ALTER TABLE tenants ADD COLUMN sms_budget_low_notice_at BIGINT;
