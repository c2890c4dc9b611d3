-- Tables shaped like the rows a TOTP /verify touches (challenge, user, method, session, refresh
-- token, audit entry), 100,000 of each kind to pick from at random: PostgreSQL's own work, without
-- Latchkey, for tools/pg-limit/run.sh.
SET client_min_messages = warning;
DROP TABLE IF EXISTS limit_audit, limit_refresh, limit_sessions, limit_challenges, limit_methods, limit_users;
CREATE TABLE limit_users (id bigint PRIMARY KEY, tenant int NOT NULL, failed int NOT NULL DEFAULT 0, last_login timestamptz);
CREATE TABLE limit_methods (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES limit_users, last_step bigint NOT NULL DEFAULT 0, secret bytea);
CREATE TABLE limit_challenges (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES limit_users, method_id bigint,
  attempts int NOT NULL DEFAULT 0, completed boolean NOT NULL DEFAULT false);
CREATE TABLE limit_sessions (id uuid PRIMARY KEY, user_id bigint NOT NULL REFERENCES limit_users, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE limit_refresh (id uuid PRIMARY KEY, session_id uuid NOT NULL REFERENCES limit_sessions, hash text NOT NULL);
CREATE TABLE limit_audit (id bigserial PRIMARY KEY, tenant int, user_id bigint, event text, at timestamptz DEFAULT now(), detail text);
INSERT INTO limit_users SELECT g, 1 FROM generate_series(1, 100000) g;
INSERT INTO limit_methods SELECT g, g, 0, 'sealed' FROM generate_series(1, 100000) g;
INSERT INTO limit_challenges SELECT g, g, g FROM generate_series(1, 100000) g;
