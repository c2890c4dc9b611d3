-- A password reset: a self-service one (a 6-digit code to a verified address or phone, then the
-- second factor when the user has one) or one an administrator sent (a link). A request for an
-- account that does not exist, or may not reset itself, gets a row too (user_id or code_hash
-- NULL): it fails like a wrong code, so the answers tell nobody which accounts exist. A reset
-- created before the user's password last changed is over.
CREATE TABLE password_resets (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,
    user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
    via TEXT NOT NULL CHECK (via IN ('code', 'link')),
    -- Keyed hash of the destination that carried the code: no method delivering there may be the
    -- second factor.
    carrier_hash TEXT,
    -- Keyed hash of the code (a link: of its token); NULL: nothing was sent.
    code_hash TEXT,
    code_expires_at BIGINT,
    attempts INTEGER NOT NULL DEFAULT 0,
    code_verified_at BIGINT,
    second_factor_required BOOLEAN NOT NULL DEFAULT FALSE,
    second_method_id TEXT,
    second_code_hash TEXT,
    second_code_expires_at BIGINT,
    second_sends INTEGER NOT NULL DEFAULT 0,
    second_last_sent_at BIGINT,
    second_factor_at BIGINT,
    ip TEXT,
    user_agent TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    ended_at BIGINT,
    outcome TEXT CHECK (outcome IN ('completed', 'superseded'))
);
CREATE INDEX password_resets_user_idx ON password_resets (user_id, expires_at);
CREATE INDEX password_resets_expiry_idx ON password_resets (expires_at);

-- Fixed-window counters for caps that must hold across instances (resets started per client IP).
CREATE TABLE rate_counters (
    key TEXT PRIMARY KEY NOT NULL,
    window_start BIGINT NOT NULL,
    hits INTEGER NOT NULL
);
