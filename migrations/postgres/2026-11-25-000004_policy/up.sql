-- Tenant policy settings beyond the mode: one typed JSON document (allowed methods, trusted
-- networks, sign-in source), validated by the service on write, so a new setting needs no migration.
ALTER TABLE tenants ADD COLUMN policy TEXT NOT NULL DEFAULT '{}';

-- "Do not show this again" on the enrollment prompt.
ALTER TABLE users ADD COLUMN enrollment_prompt_dismissed BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE user_groups (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    two_factor TEXT NOT NULL CHECK (two_factor IN ('inherit', 'optional', 'prompted', 'required')),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (tenant_id, name)
);

CREATE TABLE user_group_members (
    group_id TEXT NOT NULL REFERENCES user_groups(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX user_group_members_user_idx ON user_group_members (user_id);
