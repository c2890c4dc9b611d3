DROP INDEX challenges_expires_idx;
ALTER TABLE users DROP COLUMN unfinished_alert_at;
ALTER TABLE challenges DROP COLUMN unfinished_noticed_at;
