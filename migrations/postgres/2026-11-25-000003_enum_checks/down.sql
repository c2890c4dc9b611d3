-- Back to unchecked columns, by the same steps.

ALTER TABLE tenants ADD COLUMN two_factor_checked TEXT NOT NULL DEFAULT 'off';
UPDATE tenants SET two_factor_checked = two_factor;
ALTER TABLE tenants DROP COLUMN two_factor;
ALTER TABLE tenants RENAME COLUMN two_factor_checked TO two_factor;

ALTER TABLE tenants ADD COLUMN totp_algorithm_checked TEXT NOT NULL DEFAULT 'SHA1';
UPDATE tenants SET totp_algorithm_checked = totp_algorithm;
ALTER TABLE tenants DROP COLUMN totp_algorithm;
ALTER TABLE tenants RENAME COLUMN totp_algorithm_checked TO totp_algorithm;

ALTER TABLE users ADD COLUMN lock_reason_checked TEXT;
UPDATE users SET lock_reason_checked = lock_reason;
ALTER TABLE users DROP COLUMN lock_reason;
ALTER TABLE users RENAME COLUMN lock_reason_checked TO lock_reason;

ALTER TABLE second_factor_methods ADD COLUMN kind_checked TEXT NOT NULL DEFAULT 'totp';
UPDATE second_factor_methods SET kind_checked = kind;
ALTER TABLE second_factor_methods DROP COLUMN kind;
ALTER TABLE second_factor_methods RENAME COLUMN kind_checked TO kind;

ALTER TABLE second_factor_methods ADD COLUMN status_checked TEXT NOT NULL DEFAULT 'pending';
UPDATE second_factor_methods SET status_checked = status;
ALTER TABLE second_factor_methods DROP COLUMN status;
ALTER TABLE second_factor_methods RENAME COLUMN status_checked TO status;

ALTER TABLE second_factor_methods ADD COLUMN totp_algorithm_checked TEXT;
UPDATE second_factor_methods SET totp_algorithm_checked = totp_algorithm;
ALTER TABLE second_factor_methods DROP COLUMN totp_algorithm;
ALTER TABLE second_factor_methods RENAME COLUMN totp_algorithm_checked TO totp_algorithm;

ALTER TABLE challenges ADD COLUMN purpose_checked TEXT NOT NULL DEFAULT 'verify';
UPDATE challenges SET purpose_checked = purpose;
ALTER TABLE challenges DROP COLUMN purpose;
ALTER TABLE challenges RENAME COLUMN purpose_checked TO purpose;

ALTER TABLE audit_events ADD COLUMN outcome_checked TEXT NOT NULL DEFAULT 'success';
UPDATE audit_events SET outcome_checked = outcome;
ALTER TABLE audit_events DROP COLUMN outcome;
ALTER TABLE audit_events RENAME COLUMN outcome_checked TO outcome;
