-- WebAuthn (passkeys and security keys): a fourth method kind. One method is one credential.

ALTER TABLE second_factor_methods ADD COLUMN kind_checked TEXT NOT NULL DEFAULT 'totp' CHECK (kind_checked IN ('totp', 'sms', 'email', 'webauthn'));
UPDATE second_factor_methods SET kind_checked = kind;
ALTER TABLE second_factor_methods DROP COLUMN kind;
ALTER TABLE second_factor_methods RENAME COLUMN kind_checked TO kind;

-- The name the user gave the key ("YubiKey 5").
ALTER TABLE second_factor_methods ADD COLUMN name TEXT;
-- While pending: the registration ceremony's state (webauthn-rs, JSON); cleared on confirmation.
ALTER TABLE second_factor_methods ADD COLUMN webauthn_state TEXT;
-- The credential: its id (base64url), the verified credential (public key, algorithm, flags, as
-- webauthn-rs serialises it), the relying party it was made for, and what the console shows.
ALTER TABLE second_factor_methods ADD COLUMN credential_id TEXT;
ALTER TABLE second_factor_methods ADD COLUMN credential TEXT;
ALTER TABLE second_factor_methods ADD COLUMN rp_id TEXT;
ALTER TABLE second_factor_methods ADD COLUMN sign_count BIGINT;
ALTER TABLE second_factor_methods ADD COLUMN aaguid TEXT;
ALTER TABLE second_factor_methods ADD COLUMN backup_eligible BOOLEAN;
ALTER TABLE second_factor_methods ADD COLUMN backup_state BOOLEAN;
ALTER TABLE second_factor_methods ADD COLUMN transports TEXT;
ALTER TABLE second_factor_methods ADD COLUMN discoverable BOOLEAN;
ALTER TABLE second_factor_methods ADD COLUMN passkey BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE second_factor_methods ADD COLUMN last_used_at BIGINT;
CREATE UNIQUE INDEX second_factor_methods_credential_idx ON second_factor_methods (tenant_id, credential_id);

-- A login challenge asking for a key: the authentication ceremony's state.
ALTER TABLE challenges ADD COLUMN webauthn_state TEXT;

-- "Sign in with a passkey": a ceremony with no user yet (the passkey names its user).
CREATE TABLE passkey_logins (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    webauthn_state TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    completed_at BIGINT
);
CREATE INDEX passkey_logins_expires_idx ON passkey_logins (expires_at);

-- A password reset's second step asking for a key: the authentication ceremony's state.
ALTER TABLE password_resets ADD COLUMN second_webauthn_state TEXT;
