-- "Password right, second factor not finished": when an abandoned challenge was handled, and
-- when its user was last alerted (at most one alert per user per hour).
ALTER TABLE challenges ADD COLUMN unfinished_noticed_at BIGINT;
ALTER TABLE users ADD COLUMN unfinished_alert_at BIGINT;
CREATE INDEX challenges_expires_idx ON challenges (expires_at);
