-- Per-tenant second-factor policy and lockout settings.
ALTER TABLE tenants ADD COLUMN two_factor TEXT NOT NULL DEFAULT 'off';
ALTER TABLE tenants ADD COLUMN totp_algorithm TEXT NOT NULL DEFAULT 'SHA1';
ALTER TABLE tenants ADD COLUMN totp_digits INTEGER NOT NULL DEFAULT 6;
ALTER TABLE tenants ADD COLUMN totp_period INTEGER NOT NULL DEFAULT 30;
ALTER TABLE tenants ADD COLUMN second_factor_lockout_threshold INTEGER NOT NULL DEFAULT 5;
ALTER TABLE tenants ADD COLUMN password_lockout_threshold INTEGER NOT NULL DEFAULT 10;
ALTER TABLE tenants ADD COLUMN lockout_duration_secs BIGINT NOT NULL DEFAULT 1800;
ALTER TABLE tenants ADD COLUMN remember_device_days INTEGER NOT NULL DEFAULT 30;

-- Per-user exemption and the counters that guard against guessing.
ALTER TABLE users ADD COLUMN two_factor_exempt BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN failed_second_factor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN failed_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until BIGINT;
-- What caused the lock: `password` or `second_factor`.
ALTER TABLE users ADD COLUMN lock_reason TEXT;

CREATE TABLE second_factor_methods (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    is_primary BOOLEAN NOT NULL DEFAULT FALSE,
    destination TEXT,
    totp_secret BYTEA,
    totp_algorithm TEXT,
    totp_digits INTEGER,
    totp_period INTEGER,
    last_used_step BIGINT,
    code_hash TEXT,
    code_expires_at BIGINT,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT
);
CREATE INDEX second_factor_methods_user_idx ON second_factor_methods (user_id);

CREATE TABLE recovery_codes (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id);

CREATE TABLE challenges (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    method_id TEXT,
    code_hash TEXT,
    code_expires_at BIGINT,
    sends INTEGER NOT NULL DEFAULT 0,
    last_sent_at BIGINT,
    attempts INTEGER NOT NULL DEFAULT 0,
    ip TEXT,
    user_agent TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    completed_at BIGINT
);
CREATE INDEX challenges_user_idx ON challenges (user_id);

CREATE TABLE device_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    label TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX device_tokens_user_idx ON device_tokens (user_id);

CREATE TABLE audit_events (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT,
    user_id TEXT,
    event TEXT NOT NULL,
    outcome TEXT NOT NULL,
    detail TEXT,
    ip TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX audit_events_tenant_idx ON audit_events (tenant_id, created_at);
CREATE INDEX audit_events_user_idx ON audit_events (user_id, created_at);
