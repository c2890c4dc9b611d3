-- Whether the user proved the profile's email address (an accepted invitation, a verified code),
-- or an admin vouched for it.
ALTER TABLE users ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT FALSE;

-- An invitation: a single-use token (stored as its SHA-256) that lets the invited user choose a password.
CREATE TABLE invitations (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX invitations_user_idx ON invitations (user_id);
CREATE INDEX invitations_tenant_idx ON invitations (tenant_id, created_at);
