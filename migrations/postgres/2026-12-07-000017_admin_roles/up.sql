-- Administrators who are people: a user of a tenant may hold a role. `owner` can do all an
-- `admin` can, and the tenant's security settings, API keys and roles.
ALTER TABLE users ADD COLUMN role TEXT CHECK (role IN ('admin', 'owner'));
CREATE INDEX users_role_idx ON users (tenant_id, role);

-- A tenant API key's scopes: token checks only, or also the admin API. Keys made before scopes
-- keep what they could do.
ALTER TABLE api_keys ADD COLUMN admin_scope BOOLEAN NOT NULL DEFAULT TRUE;

-- Who did it: the administrator (a user of the tenant) or the API key.
ALTER TABLE audit_events ADD COLUMN actor_user_id TEXT;
ALTER TABLE audit_events ADD COLUMN actor_key_id TEXT;
