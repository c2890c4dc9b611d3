-- The shape issue 25 designs: one read, then every write in one statement (data-modifying CTEs,
-- each guarded by its own WHERE, the guards' outcome returned).
\set u random(1, 100000)
SELECT c.id, c.user_id, c.attempts, c.completed, m.last_step, m.secret, u.failed
  FROM limit_challenges c JOIN limit_methods m ON m.id = c.method_id JOIN limit_users u ON u.id = c.user_id WHERE c.id = :u;
WITH ch AS (UPDATE limit_challenges SET attempts = 0 WHERE id = :u AND NOT completed RETURNING user_id),
 m AS (UPDATE limit_methods SET last_step = last_step + 1 WHERE id = :u AND EXISTS (SELECT 1 FROM ch) RETURNING id),
 us AS (UPDATE limit_users SET failed = 0, last_login = now() WHERE id = (SELECT user_id FROM ch) AND EXISTS (SELECT 1 FROM m) RETURNING id),
 s AS (INSERT INTO limit_sessions (id, user_id) SELECT gen_random_uuid(), id FROM us RETURNING id, user_id),
 r AS (INSERT INTO limit_refresh (id, session_id, hash) SELECT gen_random_uuid(), id, 'h' FROM s RETURNING id),
 a AS (INSERT INTO limit_audit (tenant, user_id, event, detail) SELECT 1, user_id, 'second_factor.verify', 'totp' FROM s RETURNING id)
SELECT (SELECT count(*) FROM ch), (SELECT count(*) FROM m), (SELECT count(*) FROM r), (SELECT count(*) FROM a);
