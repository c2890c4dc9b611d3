-- An optional user name, unique per tenant (stored in lower case: case-insensitive).
ALTER TABLE users ADD COLUMN username TEXT;
CREATE UNIQUE INDEX users_tenant_username_idx ON users (tenant_id, username);
