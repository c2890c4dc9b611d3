ALTER TABLE audit_events DROP COLUMN actor_key_id;
ALTER TABLE audit_events DROP COLUMN actor_user_id;
ALTER TABLE api_keys DROP COLUMN admin_scope;
DROP INDEX users_role_idx;
ALTER TABLE users DROP COLUMN role;
