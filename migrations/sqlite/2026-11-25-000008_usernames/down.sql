DROP INDEX users_tenant_username_idx;
ALTER TABLE users DROP COLUMN username;
