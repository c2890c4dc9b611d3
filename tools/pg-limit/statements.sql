-- Today's shape of a TOTP /verify: BEGIN, nine statements, COMMIT (eleven round trips).
\set u random(1, 100000)
BEGIN;
SELECT id, user_id, method_id, attempts, completed FROM limit_challenges WHERE id = :u FOR UPDATE;
SELECT id, tenant, failed FROM limit_users WHERE id = :u FOR NO KEY UPDATE;
SELECT id, last_step, secret FROM limit_methods WHERE id = :u;
UPDATE limit_methods SET last_step = last_step + 1 WHERE id = :u;
UPDATE limit_challenges SET attempts = 0, completed = false WHERE id = :u;
INSERT INTO limit_sessions (id, user_id) VALUES (gen_random_uuid(), :u);
INSERT INTO limit_refresh (id, session_id, hash) SELECT gen_random_uuid(), id, 'h' FROM limit_sessions WHERE user_id = :u ORDER BY created_at DESC LIMIT 1;
INSERT INTO limit_audit (tenant, user_id, event, detail) VALUES (1, :u, 'second_factor.verify', 'totp');
UPDATE limit_users SET failed = 0, last_login = now() WHERE id = :u;
COMMIT;
