-- A tenant's SMS balance in messages; NULL is unlimited. Spent by a conditional UPDATE.
ALTER TABLE tenants ADD COLUMN sms_budget BIGINT;
