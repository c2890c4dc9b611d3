// One schema for both backends: portable column types only (TEXT ids made in Rust,
// BIGINT unix seconds written from Rust, BOOLEAN, BLOB/BYTEA).

diesel::table! {
    tenants (id) {
        id -> Text,
        slug -> Text,
        name -> Text,
        created_at -> BigInt,
        updated_at -> BigInt,
        two_factor -> Text,
        totp_algorithm -> Text,
        totp_digits -> Integer,
        totp_period -> Integer,
        second_factor_lockout_threshold -> Integer,
        password_lockout_threshold -> Integer,
        lockout_duration_secs -> BigInt,
        remember_device_days -> Integer,
        policy -> Text,
        sms_budget -> Nullable<BigInt>,
        sms_budget_low_notice_at -> Nullable<BigInt>,
        event_webhooks -> Integer,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        tenant_id -> Text,
        email -> Text,
        password_hash -> Text,
        phone_number -> Nullable<Text>,
        display_name -> Nullable<Text>,
        active -> Bool,
        created_at -> BigInt,
        updated_at -> BigInt,
        password_changed_at -> BigInt,
        two_factor_exempt -> Bool,
        failed_second_factor -> Integer,
        failed_password -> Integer,
        locked_until -> Nullable<BigInt>,
        lock_reason -> Nullable<Text>,
        enrollment_prompt_dismissed -> Bool,
        username -> Nullable<Text>,
        unfinished_alert_at -> Nullable<BigInt>,
        email_verified -> Bool,
        role -> Nullable<Text>,
    }
}

diesel::table! {
    api_keys (id) {
        id -> Text,
        tenant_id -> Nullable<Text>,
        name -> Text,
        prefix -> Text,
        key_hash -> Text,
        created_at -> BigInt,
        revoked_at -> Nullable<BigInt>,
        admin_scope -> Bool,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        tenant_id -> Text,
        user_id -> Text,
        amr -> Text,
        ip -> Nullable<Text>,
        user_agent -> Nullable<Text>,
        created_at -> BigInt,
        expires_at -> BigInt,
        revoked_at -> Nullable<BigInt>,
        revoked_reason -> Nullable<Text>,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Text,
        session_id -> Text,
        token_hash -> Text,
        created_at -> BigInt,
        expires_at -> BigInt,
        used_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    signing_keys (kid) {
        kid -> Text,
        algorithm -> Text,
        private_key -> Binary,
        public_key -> Binary,
        created_at -> BigInt,
        retired_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    second_factor_methods (id) {
        id -> Text,
        tenant_id -> Text,
        user_id -> Text,
        kind -> Text,
        status -> Text,
        is_primary -> Bool,
        destination -> Nullable<Text>,
        totp_secret -> Nullable<Binary>,
        totp_algorithm -> Nullable<Text>,
        totp_digits -> Nullable<Integer>,
        totp_period -> Nullable<Integer>,
        last_used_step -> Nullable<BigInt>,
        code_hash -> Nullable<Text>,
        code_expires_at -> Nullable<BigInt>,
        created_at -> BigInt,
        confirmed_at -> Nullable<BigInt>,
        follows_profile -> Bool,
        name -> Nullable<Text>,
        webauthn_state -> Nullable<Text>,
        credential_id -> Nullable<Text>,
        credential -> Nullable<Text>,
        rp_id -> Nullable<Text>,
        sign_count -> Nullable<BigInt>,
        aaguid -> Nullable<Text>,
        backup_eligible -> Nullable<Bool>,
        backup_state -> Nullable<Bool>,
        transports -> Nullable<Text>,
        discoverable -> Nullable<Bool>,
        passkey -> Bool,
        last_used_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    recovery_codes (id) {
        id -> Text,
        user_id -> Text,
        code_hash -> Text,
        created_at -> BigInt,
        used_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    challenges (id) {
        id -> Text,
        tenant_id -> Text,
        user_id -> Text,
        purpose -> Text,
        method_id -> Nullable<Text>,
        code_hash -> Nullable<Text>,
        code_expires_at -> Nullable<BigInt>,
        sends -> Integer,
        last_sent_at -> Nullable<BigInt>,
        attempts -> Integer,
        ip -> Nullable<Text>,
        user_agent -> Nullable<Text>,
        created_at -> BigInt,
        expires_at -> BigInt,
        completed_at -> Nullable<BigInt>,
        unfinished_noticed_at -> Nullable<BigInt>,
        webauthn_state -> Nullable<Text>,
    }
}

diesel::table! {
    device_tokens (id) {
        id -> Text,
        tenant_id -> Text,
        user_id -> Text,
        token_hash -> Text,
        label -> Nullable<Text>,
        created_at -> BigInt,
        expires_at -> BigInt,
        last_used_at -> Nullable<BigInt>,
        revoked_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    audit_events (id) {
        id -> Text,
        tenant_id -> Nullable<Text>,
        user_id -> Nullable<Text>,
        event -> Text,
        outcome -> Text,
        detail -> Nullable<Text>,
        ip -> Nullable<Text>,
        created_at -> BigInt,
        user_agent -> Nullable<Text>,
        actor_user_id -> Nullable<Text>,
        actor_key_id -> Nullable<Text>,
    }
}

diesel::table! {
    user_groups (id) {
        id -> Text,
        tenant_id -> Text,
        name -> Text,
        two_factor -> Text,
        created_at -> BigInt,
        updated_at -> BigInt,
    }
}

diesel::table! {
    user_group_members (group_id, user_id) {
        group_id -> Text,
        user_id -> Text,
    }
}

diesel::table! {
    outbox (id) {
        id -> Text,
        tenant_id -> Nullable<Text>,
        user_id -> Nullable<Text>,
        channel -> Text,
        recipient -> Text,
        sealed -> Nullable<Binary>,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> BigInt,
        lease_until -> Nullable<BigInt>,
        last_error -> Nullable<Text>,
        expires_at -> BigInt,
        created_at -> BigInt,
        sent_at -> Nullable<BigInt>,
        context -> Nullable<Text>,
    }
}

diesel::joinable!(users -> tenants (tenant_id));
diesel::joinable!(user_group_members -> user_groups (group_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(refresh_tokens -> sessions (session_id));

diesel::allow_tables_to_appear_in_same_query!(
    tenants,
    users,
    api_keys,
    sessions,
    refresh_tokens,
    signing_keys,
    second_factor_methods,
    recovery_codes,
    challenges,
    device_tokens,
    audit_events,
    user_groups,
    user_group_members,
    outbox,
    invitations,
    password_resets,
    rate_counters,
    event_webhooks,
    webhook_deliveries,
);

diesel::table! {
    passkey_logins (id) {
        id -> Text,
        tenant_id -> Text,
        webauthn_state -> Text,
        created_at -> BigInt,
        expires_at -> BigInt,
        completed_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    invitations (id) {
        id -> Text,
        tenant_id -> Text,
        user_id -> Text,
        token_hash -> Text,
        created_at -> BigInt,
        expires_at -> BigInt,
        used_at -> Nullable<BigInt>,
        revoked_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    password_resets (id) {
        id -> Text,
        tenant_id -> Nullable<Text>,
        user_id -> Nullable<Text>,
        via -> Text,
        carrier_hash -> Nullable<Text>,
        code_hash -> Nullable<Text>,
        code_expires_at -> Nullable<BigInt>,
        attempts -> Integer,
        code_verified_at -> Nullable<BigInt>,
        second_factor_required -> Bool,
        second_method_id -> Nullable<Text>,
        second_code_hash -> Nullable<Text>,
        second_code_expires_at -> Nullable<BigInt>,
        second_sends -> Integer,
        second_last_sent_at -> Nullable<BigInt>,
        second_factor_at -> Nullable<BigInt>,
        ip -> Nullable<Text>,
        user_agent -> Nullable<Text>,
        created_at -> BigInt,
        expires_at -> BigInt,
        ended_at -> Nullable<BigInt>,
        outcome -> Nullable<Text>,
        second_webauthn_state -> Nullable<Text>,
    }
}

diesel::table! {
    rate_counters (key) {
        key -> Text,
        window_start -> BigInt,
        hits -> Integer,
    }
}

diesel::table! {
    event_webhooks (id) {
        id -> Text,
        tenant_id -> Text,
        url -> Text,
        events -> Text,
        description -> Nullable<Text>,
        secret_sealed -> Binary,
        created_at -> BigInt,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Text,
        webhook_id -> Text,
        tenant_id -> Text,
        event -> Text,
        payload -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> BigInt,
        lease_until -> Nullable<BigInt>,
        last_error -> Nullable<Text>,
        expires_at -> BigInt,
        created_at -> BigInt,
        sent_at -> Nullable<BigInt>,
    }
}

diesel::joinable!(webhook_deliveries -> event_webhooks (webhook_id));
