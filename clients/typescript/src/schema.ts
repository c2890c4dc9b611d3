export interface paths {
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public keys that verify access tokens (RFC 7517). Rotated-out keys stay listed until
         *     the tokens they signed have expired.
         */
        get: operations["jwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/oauth-authorization-server": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Authorization server metadata (RFC 8414): the issuer, `jwks_uri` and the introspection
         *     endpoint with its client authentication methods.
         */
        get: operations["server_metadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the platform admin keys (platform admin); the keys themselves are never shown again. */
        get: operations["list_admin_keys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a platform admin key (platform admin): it stops working at once. The last live one
         *     cannot be revoked.
         */
        delete: operations["revoke_admin_key"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/signing-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the token signing keys (platform admin). */
        get: operations["list_signing_keys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/signing-keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing key (platform admin). The old key keeps verifying, and stays in the
         *     JWKS, until the tokens it signed have expired.
         */
        post: operations["rotate_signing_key"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tenants by slug, a page at a time (platform admin). */
        get: operations["list_tenants"];
        put?: never;
        /** Create a tenant (platform admin). */
        post: operations["create_tenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a tenant (platform admin, or the tenant's key or administrators). */
        get: operations["get_tenant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a tenant's settings (platform admin, or an owner after a recent sign-in with the
         *     second factor; `sms_budget` is the platform's only).
         */
        patch: operations["update_tenant"];
        trace?: never;
    };
    "/admin/tenants/{slug}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a tenant's API keys (platform admin or owner); secrets are never shown again. */
        get: operations["list_api_keys"];
        put?: never;
        /**
         * Mint a tenant API key for a product backend (platform admin, or an owner after a recent
         *     sign-in with the second factor). The key is shown only here.
         */
        post: operations["create_api_key"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{slug}/api-keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a tenant API key (platform admin or owner). */
        delete: operations["revoke_api_key"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{slug}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A tenant's audit trail, newest first, a page at a time.
         * @description Event names are stable (`login.password`, `second_factor.verify`, `account.locked`,
         *     `method.enrolled`, `password.changed`, …); each event has its outcome, the client's address
         *     and user agent. Events older than the tenant's `audit_retention_days` are deleted.
         */
        get: operations["tenant_audit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{slug}/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the tenant's groups. */
        get: operations["list_groups"];
        put?: never;
        /**
         * Create a group with a second-factor rule.
         * @description A user gets the strictest of the tenant's mode and their groups' rules (`inherit` defers to
         *     the tenant); the per-user exemption wins over all of them.
         */
        post: operations["create_group"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{slug}/groups/{group_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a group (its members keep their other groups). */
        delete: operations["delete_group"];
        options?: never;
        head?: never;
        /** Rename a group or change its rule; absent fields stay as they are. */
        patch: operations["update_group"];
        trace?: never;
    };
    "/admin/tenants/{slug}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's pending invitations, newest first. */
        get: operations["list_invitations"];
        put?: never;
        /**
         * Invite a user: creates the user without a password (or re-invites one who never accepted:
         *     the new link replaces the old) and emails a single-use link to `{public_url}/invitation#token=…`.
         *     The token is shown nowhere else.
         */
        post: operations["create_invitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{slug}/invitations/{invitation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw a pending invitation: its link then answers `410 invitation_expired`. */
        delete: operations["revoke_invitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{slug}/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's outbox, newest first: status, attempts and errors, never a body or a code. */
        get: operations["list_outbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{slug}/outbox/{message_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry a failed message while its code is still valid (the worker sends it). */
        post: operations["retry_outbox_message"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{slug}/settings/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What a change of the tenant's settings would do to its users, changing nothing: the same body
         *     as `PATCH /admin/tenants/{slug}`, weighed by the evaluator a login uses, for every active user
         *     signing in from outside the trusted networks on a device that is not remembered (platform
         *     admin or owner).
         */
        post: operations["preview_settings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{slug}/sms-budget": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's SMS budget: the balance and the usage per day. */
        get: operations["get_sms_budget"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{slug}/sms-budget/top-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add messages to the tenant's SMS budget (platform admin; audited). */
        post: operations["top_up_sms_budget"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{slug}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a tenant's users, ordered by email, a page at a time; `q` finds them by the start of
         *     their email, user name, phone number or name (any case), and the filters narrow the list.
         */
        get: operations["list_users"];
        put?: never;
        /** Create a user in a tenant. */
        post: operations["create_user"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{slug}/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a user. */
        get: operations["get_user"];
        put?: never;
        post?: never;
        /** Deactivate a user: they can no longer log in and their sessions are revoked. */
        delete: operations["deactivate_user"];
        options?: never;
        head?: never;
        /** Update a user: email, password (revokes sessions), phone number, display name, active. */
        patch: operations["update_user"];
        trace?: never;
    };
    "/admin/tenants/{slug}/users/{user_id}/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a user's groups (replaces them). */
        put: operations["set_user_groups"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{slug}/users/{user_id}/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Reset a user's second factor: every method and recovery code is removed and remembered
         *     devices are forgotten. Under `required` the user enrolls again at the next login.
         */
        delete: operations["reset_methods"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{slug}/users/{user_id}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email the user a link to choose a new password (the path for users who may not reset
         *     themselves): `{public_url}/password-reset#reset_id=…&code=…`, working once, for 24 hours. The
         *     page sends `code` to `POST /password-reset/{reset_id}/verify`, then the new password to
         *     `…/complete`; no second factor is asked (the administrator vouches; the next sign-in asks for
         *     it as usual). The link replaces the user's open resets.
         */
        post: operations["send_password_reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{slug}/users/{user_id}/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Explain the second-factor decision for a user, as if they logged in from `ip`.
         * @description For support staff: `reasons` lists what was weighed, in order (sign-in source, tenant and
         *     group rules, exemption, trusted networks, methods, the enrollment prompt).
         */
        get: operations["explain_user_policy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{slug}/users/{user_id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a user's roles on the tenant's admin API: `admin` (users, their methods and devices,
         *     locks, invitations, reset links, group membership, the audit trail, the outbox) or `owner`
         *     (also the tenant's security settings, API keys and roles). A platform key, or an owner after a
         *     recent sign-in with the second factor; audited and sent as the event `user.roles_changed`.
         */
        put: operations["set_roles"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{slug}/users/{user_id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a lockout (after too many failed passwords or codes). */
        post: operations["unlock_user"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{slug}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's event webhooks, each with its last deliveries (status, attempts, last error). */
        get: operations["list_webhooks"];
        put?: never;
        /**
         * Register an endpoint for the tenant's security events.
         * @description Each event is POSTed as JSON `{type, timestamp, data: {event_id, tenant_id, user_id, detail,
         *     ip, user_agent}}`, signed with the Standard Webhooks scheme (`webhook-id`,
         *     `webhook-timestamp`, `webhook-signature`) under the `secret` returned here once. Deliveries
         *     are written with the change they announce and retried with backoff for 24 hours. The URL
         *     must be `https://` to a public host: destinations that resolve to loopback, private,
         *     link-local or metadata addresses are refused when sending (unless the operator set
         *     `LATCHKEY_WEBHOOKS_ALLOW_PRIVATE=true`).
         */
        post: operations["create_webhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{slug}/webhooks/{webhook_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an event webhook; its undelivered events are dropped. */
        delete: operations["delete_webhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/challenges/{challenge_id}/enroll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set up a method during an `enrollment_required` login.
         * @description `totp` returns the secret, the `otpauth://` URI and a QR code to scan; `sms` (with
         *     `phone_number` when the profile has none) and `email` send a code; `webauthn` returns the
         *     options to create a key (`passkey: true` for a passkey). Then `POST /verify` with the code
         *     (or the key's registration response as `credential`) confirms the method and completes the
         *     login. Enrolling again replaces the earlier, unconfirmed choice.
         */
        post: operations["enroll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/challenges/{challenge_id}/method": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Use another of the user's methods for this challenge (sends a code for SMS and email, within
         *     the challenge's cooldown of one code every 30 seconds and its cap; for a security key, the
         *     answer's `webauthn` lists the user's keys).
         */
        post: operations["switch_method"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/challenges/{challenge_id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * "Send new code": a new SMS or email code for the challenge; earlier codes stop working.
         * @description At most one every 30 seconds, and a few per challenge.
         */
        post: operations["resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/challenges/{challenge_id}/skip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Skip the enrollment prompt (`enrollment_suggested`): the login completes with the password.
         * @description With `dont_show_again: true` the prompt does not come back until an admin resets
         *     `enrollment_prompt_dismissed`. A `required` policy is never skippable (`409 enrollment_required`).
         */
        post: operations["skip_enrollment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is serving. */
        get: operations["healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a registration page needs for an invitation: tenant, email, username, password rules and
         *     whether a second factor is required, prompted or optional for this user.
         */
        get: operations["invitation_info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation: sets the password (the usual rules) and proves the email. Answers like
         *     `/login` (`authenticated`, or the challenge policy asks for), or, with `enroll`, the
         *     `enrollment_required` challenge of the chosen kind.
         */
        post: operations["accept_invitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in with a password.
         * @description Unknown tenant, unknown user and wrong password give the same 401 in the same time.
         *     When policy asks for a second factor the answer is `second_factor_required` (a code was sent
         *     for an SMS or email primary) or `enrollment_required`; send `device_token` to skip it on a
         *     remembered device.
         *     When the server is hashing at capacity it answers 503 with `Retry-After` at once.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/login/passkey": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a sign-in with a passkey (no password).
         * @description For tenants with `passkey_sign_in`. The answer's `webauthn` are request options with no
         *     `allowCredentials`: the browser offers the passkeys it holds for the tenant's relying party
         *     (in a dialog, or as autofill on a field with `autocomplete="username webauthn"` under
         *     conditional mediation). Send `credential.toJSON()` to `POST /verify` with `challenge_id`.
         *     A passkey with user verification is two factors: it satisfies every `two_factor` mode, and
         *     the token's `amr` is `["hwk", "mfa"]` (never `pwd`). The challenge is used once: a failed
         *     answer starts again here.
         */
        post: operations["login_passkey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the caller's session; its refresh token stops working and introspection reports it inactive. */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's profile.
         * @description Send `X-Latchkey-Tenant: <slug>` to refuse tokens of any other tenant.
         */
        get: operations["me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's recent activity: sign-ins, wrong passwords and codes, locks, method, device and
         *     password changes, newest first, with the address and user agent of each.
         */
        get: operations["my_activity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Devices that skip the second factor ("remember this device"). */
        get: operations["list_devices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/devices/{device_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Forget a remembered device: its next login asks for the second factor again. */
        delete: operations["revoke_device"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's second-factor methods and how many recovery codes are left. */
        get: operations["list_methods"];
        put?: never;
        /**
         * Add a method: `totp` returns what the authenticator app needs; `sms` and `email` send a
         *     code; `webauthn` returns the options for the browser to create a key with (`passkey: true`
         *     for a passkey that also signs in on its own). The method stays `pending` until confirmed.
         */
        post: operations["add_method"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/methods/{method_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a method. Needs a session that passed a second factor; under `required` the last
         *     method cannot be removed. Remembered devices are forgotten.
         */
        delete: operations["remove_method"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/methods/{method_id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a pending method with a code from it, or a key with its registration response
         *     (`credential`). Wrong codes and refused keys count towards the lockout.
         */
        post: operations["confirm_method"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/methods/{method_id}/primary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a confirmed method the one asked for first at login. */
        post: operations["make_primary"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the password.
         * @description A wrong `current_password` counts towards the password lockout like a wrong password at login.
         *     The user's other sessions (and their refresh tokens) and remembered devices end; this session
         *     stays. The user gets a security notice by email.
         */
        post: operations["change_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Explain the second-factor decision for the signed-in user, from this request's address. */
        get: operations["explain_my_policy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate ten new recovery codes, shown once; the old set stops working. Needs a session
         *     that passed a second factor.
         */
        post: operations["regenerate_recovery_codes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/step-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Step up: open a second-factor challenge for the signed-in user (a code is sent for an SMS or
         *     email primary). `POST /verify` with it returns a new session that passed a second factor,
         *     which removing methods and making recovery codes need.
         */
        post: operations["step_up"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics (text exposition format 0.0.4).
         * @description Needs a platform admin key. Operators who scrape without a key set `LATCHKEY_METRICS_BIND`
         *     to a separate (internal) address, which serves the same document at `/metrics` with no key.
         *     See README "Operating Latchkey" for the list of series.
         */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a password reset ("forgot password").
         * @description Always `202` with a `reset_id`, the same body and the same work whether or not the account
         *     exists. When it exists and may reset itself, a 6-digit code goes to an address or phone the
         *     user proved (the verified profile email, or an active email or SMS method), never to an
         *     unverified one. Under `self_service_without_second_factor_users`, a user with a second factor
         *     gets a message saying to ask the administrator instead. A user may have 3 resets open; one client
         *     address may start 30 an hour.
         */
        post: operations["start_reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/password-reset/{reset_id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set the new password, once the code (and the second factor, when the user has one) is proven.
         * @description The usual password rules apply. Every session, refresh token and remembered device of the
         *     user is revoked and the user's other resets end; the user gets a notice. A reset never lifts
         *     a lock: `locked_until` says when sign-in works again if the account is locked.
         */
        post: operations["complete_reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/password-reset/{reset_id}/method": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Use another of the offered methods for the reset's second step, or ask for a new code of the
         *     same one (SMS and email: one code every 30 seconds, 5 in all).
         */
        post: operations["reset_switch_method"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/password-reset/{reset_id}/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Prove the second factor of a reset: a code of `method`, a recovery code, or, when `method` is
         *     a key, its answer to `webauthn` as `credential`.
         */
        post: operations["reset_second_factor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/password-reset/{reset_id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check the reset code (or the `code` of an administrator's link).
         * @description Wrong codes count towards the account's lockout, as at `/verify`; a reset of an account that
         *     does not exist fails the same way. A right code answers `new_password_required`, or, when the
         *     user has a second factor, `second_factor_required` with the methods other than the one that
         *     carried the code (a code was sent to `method` when it is SMS or email).
         */
        post: operations["verify_reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness, answered within a second: the database answers and accepts writes (on
         *     PostgreSQL, a primary; `503` while a failover has none).
         */
        get: operations["readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/token/introspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * RFC 7662 token introspection for product backends (tenant API key or admin key).
         * @description The key goes as `Authorization: Bearer <key>` or, as RFC 7662 clients send it, with HTTP
         *     Basic client authentication: user name the key's id, password the key. Accepts JSON or `application/x-www-form-urlencoded`. A token of another tenant, a revoked
         *     session, an expired or unknown token all answer `{"active": false}`.
         */
        post: operations["introspect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/token/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new access and refresh token.
         * @description The presented refresh token is retired. Presenting a retired refresh token again revokes
         *     the whole session (theft detection).
         */
        post: operations["refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a login with the second factor.
         * @description Send the code from the method of the challenge (or a recovery code); for a `webauthn` method,
         *     the key's answer as `credential` (`credential.toJSON()`: an authentication, or while a key
         *     is enrolled at login its registration); for a passkey sign-in (`POST /login/passkey`), the
         *     passkey's answer. Exactly one of `code`, `recovery_code` and `credential`. Wrong codes and
         *     refused keys count towards the account's lockout across every method and challenge; the
         *     response tells how many attempts remain (not at a passkey sign-in). On success the body is
         *     the same `authenticated` body as a password login, with `amr` naming the factors (e.g.
         *     `["pwd", "otp", "mfa"]`, `["pwd", "hwk", "mfa"]`, or `["hwk", "mfa"]` for a passkey sign-in).
         */
        post: operations["verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptInvitation: {
            enroll?: null | components["schemas"]["MethodKind"];
            /** @example a long and private passphrase */
            password: string;
            /** @example +358401234567 */
            phone_number?: string | null;
        };
        Affected: {
            count: number;
            /** @description Up to 20 of them, by email. */
            examples: components["schemas"]["UserRef"][];
        };
        ApiKeyView: {
            /** Format: date-time */
            created_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            /** Format: uuid */
            id: `${string}-${string}-${string}-${string}-${string}`;
            name: string;
            /**
             * @description The first characters of the key, to recognise it in listings.
             * @example lk_tenant_AbCd
             */
            prefix: string;
            /** Format: date-time */
            revoked_at?: `${number}-${number}-${number}T${number}:${number}:${number}${string}` | null;
            /**
             * @description A tenant key's scopes: `["introspect"]`, or `["introspect", "admin"]`; absent for a
             *     platform admin key (it may do everything).
             */
            scopes?: components["schemas"]["KeyScope"][] | null;
            tenant?: string | null;
        };
        /** @description An administrator (a user of the tenant) or an API key. */
        AuditActor: {
            /** Format: uuid */
            key_id?: `${string}-${string}-${string}-${string}-${string}` | null;
            /** Format: uuid */
            user_id?: `${string}-${string}-${string}-${string}-${string}` | null;
        };
        /** @description One audit event. */
        AuditEntry: {
            actor?: null | components["schemas"]["AuditActor"];
            /**
             * Format: date-time
             * @example 2026-11-25T09:30:00Z
             */
            created_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            /** @description What else the event records: a method kind, a reason, the network that matched. */
            detail?: string | null;
            event: components["schemas"]["AuditEvent"];
            /** Format: uuid */
            id: `${string}-${string}-${string}-${string}-${string}`;
            /** @description The client's address (resolved through trusted proxies). */
            ip?: string | null;
            outcome: components["schemas"]["AuditOutcome"];
            user_agent?: string | null;
            /**
             * Format: uuid
             * @description The user the event is about (absent for unknown identifiers and tenant events).
             */
            user_id?: `${string}-${string}-${string}-${string}-${string}` | null;
        };
        /** @enum {string} */
        AuditEvent: "login.password" | "login.enrollment_skipped" | "login.trusted_network" | "login.exempt" | "second_factor.challenge" | "second_factor.enrollment_required" | "second_factor.enrollment_suggested" | "second_factor.code_resent" | "second_factor.method_switched" | "second_factor.unfinished" | "second_factor.verify" | "method.confirm" | "method.enrolled" | "method.enrollment_started" | "method.primary_changed" | "method.removed" | "method.reset_by_admin" | "recovery_codes.generated" | "device.remembered" | "device.revoked" | "password.changed" | "login.passkey" | "webauthn.counter_regression" | "account.locked" | "account.unlocked" | "user.exemption_changed" | "user.invited" | "invitation.revoked" | "invitation.accepted" | "password_reset.requested" | "password_reset.link_sent" | "password_reset.verify" | "password_reset.second_factor" | "password_reset.completed" | "user.phone_number_changed" | "user.groups_changed" | "delivery.refused" | "tenant.sms_budget_topped_up" | "tenant.sms_budget_low" | "tenant.policy_changed" | "user.roles_changed" | "user.updated" | "user.created" | "user.deactivated" | "tenant.api_key_created" | "tenant.api_key_revoked";
        /** @enum {string} */
        AuditOutcome: "success" | "failure" | "locked";
        AuditPage: {
            events: components["schemas"]["AuditEntry"][];
            /** @description Pass as `cursor` for the next (older) page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description The body of every successful login, second-factor verification and refresh. */
        Authenticated: {
            /** @description A JWT signed with EdDSA; verify it with the keys at `/.well-known/jwks.json`. */
            access_token: string;
            /**
             * @description With `remember_device: true` at `/verify`: send it with the next `/login` to skip the
             *     second factor on this device. Shown only here.
             */
            device_token?: string | null;
            /**
             * Format: int64
             * @description Seconds until the access token expires.
             * @example 900
             */
            expires_in: number;
            /** @description Single-use: each refresh returns a new one and retires the old. */
            refresh_token: string;
            /** Format: uuid */
            session_id: `${string}-${string}-${string}-${string}-${string}`;
            /**
             * @example Bearer
             * @enum {string}
             */
            token_type: "Bearer";
            user: components["schemas"]["UserView"];
            /** @description Things the user should know or fix, e.g. a profile with no phone number. */
            warnings?: components["schemas"]["Warning"][];
        };
        AuthenticationExtensionsClientOutputsJSON: {
            appid?: boolean | null;
            credProps?: null | components["schemas"]["CredentialPropertiesOutput"];
            credProtect?: null | components["schemas"]["CredProtectJson"];
            hmacCreateSecret?: boolean | null;
            /** Format: int32 */
            minPinLength?: number | null;
        };
        AuthenticationExtensionsClientOutputsJSONForAssertion: {
            appid?: boolean | null;
            hmacGetSecret?: null | components["schemas"]["HmacGetSecretJson"];
        };
        AuthenticationResponseJSON: {
            authenticatorAttachment?: string | null;
            clientExtensionResults: components["schemas"]["AuthenticationExtensionsClientOutputsJSONForAssertion"];
            /** @description The credential id, base64url. */
            id: string;
            /** @description Bytes, as unpadded base64url. */
            rawId: string;
            response: components["schemas"]["AuthenticatorAssertionResponseJSON"];
            /** @example public-key */
            type: string;
        };
        AuthenticatorAssertionResponseJSON: {
            /** @description Bytes, as unpadded base64url. */
            authenticatorData: string;
            /** @description Bytes, as unpadded base64url. */
            clientDataJSON: string;
            /** @description Bytes, as unpadded base64url. */
            signature: string;
            /** @description Bytes, as unpadded base64url. */
            userHandle?: string | null;
        };
        AuthenticatorAttestationResponseJSON: {
            /** @description Bytes, as unpadded base64url. */
            attestationObject: string;
            /** @description What browsers add for convenience (not read: the attestation object holds them). */
            authenticatorData?: string | null;
            /** @description Bytes, as unpadded base64url. */
            clientDataJSON: string;
            publicKey?: string | null;
            /** Format: int64 */
            publicKeyAlgorithm?: number | null;
            transports?: string[] | null;
        };
        AuthenticatorSelectionCriteriaJSON: {
            authenticatorAttachment?: string | null;
            requireResidentKey?: boolean | null;
            /**
             * @description `required` for a passkey (discoverable), `discouraged` for a second-factor key.
             * @example required
             */
            residentKey?: string | null;
            /**
             * @description `required` for a passkey, `preferred` for a second-factor key.
             * @example required
             */
            userVerification?: string | null;
        };
        /** @description A challenge after a resend or a switch of method. */
        ChallengeState: {
            /** Format: uuid */
            challenge_id: `${string}-${string}-${string}-${string}-${string}`;
            /**
             * Format: date-time
             * @description When the code just sent expires (absent for TOTP).
             */
            code_expires_at?: `${number}-${number}-${number}T${number}:${number}:${number}${string}` | null;
            /** @description Whether the code went out now (false for TOTP, and while `delivery_error` says why). */
            code_sent: boolean;
            delivery_error?: null | components["schemas"]["ErrorCode"];
            /** @description With `delivery_error`: what to tell the person, in plain words. */
            delivery_message?: string | null;
            /** Format: date-time */
            expires_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            method: components["schemas"]["MethodSummary"];
            /**
             * Format: date-time
             * @description When the next code may be asked for (absent for TOTP, or when no more may be sent).
             */
            resend_available_at?: `${number}-${number}-${number}T${number}:${number}:${number}${string}` | null;
            /**
             * Format: int32
             * @description How many more codes this challenge may send.
             */
            sends_remaining: number;
            webauthn?: null | components["schemas"]["RequestOptionsJson"];
        };
        ChangePassword: {
            /** @example correct horse battery staple */
            current_password: string;
            /** @example a new and longer passphrase */
            new_password: string;
        };
        /**
         * @description Where a message goes.
         * @enum {string}
         */
        Channel: "sms" | "email";
        CompleteReset: {
            /** @example a new and longer passphrase */
            new_password: string;
        };
        ConfirmMethod: {
            /**
             * @description The code from the app, SMS or email (`totp`, `sms`, `email`).
             * @example 123456
             */
            code?: string | null;
            credential?: null | components["schemas"]["RegistrationResponseJSON"];
        } & ({
            code: string;
        } | {
            credential: {
                [key: string]: unknown;
            };
        });
        CreateApiKey: {
            /** @example billing-backend */
            name?: string | null;
            /**
             * @description `["introspect"]` (token checks only; the default) or `["introspect", "admin"]` (also the
             *     tenant's admin API: users, and groups' rules and webhooks). `admin` includes `introspect`.
             */
            scopes?: components["schemas"]["KeyScope"][] | null;
        };
        CreateGroup: {
            name: string;
            two_factor?: null | components["schemas"]["GroupRule"];
        };
        CreateInvitation: {
            /** @example alice@example.com */
            email: string;
            /**
             * Format: int64
             * @description 1-30 (default 7).
             */
            expires_in_days?: number | null;
            groups?: `${string}-${string}-${string}-${string}-${string}`[] | null;
            username?: string | null;
        };
        CreateTenant: {
            name: string;
            /** @example acme */
            slug: string;
            two_factor?: null | components["schemas"]["TwoFactorMode"];
        };
        CreateUser: {
            /** @example Alice Martin */
            display_name?: string | null;
            /** @example alice@example.com */
            email: string;
            /** @description The admin vouches for the email address (it may then carry password-reset codes). */
            email_verified?: boolean | null;
            group_ids?: `${string}-${string}-${string}-${string}-${string}`[] | null;
            /** @example correct horse battery staple */
            password: string;
            /** @example +358401234567 */
            phone_number?: string | null;
            /** @description Exempt this user from the tenant's second-factor policy. */
            two_factor_exempt?: boolean | null;
            username?: string | null;
        };
        CreateWebhook: {
            description?: string | null;
            /** @description The events to send; absent: all of them. */
            events?: components["schemas"]["WebhookEvent"][] | null;
            /** @example https://siem.acme.example/latchkey */
            url: string;
        };
        CreatedApiKey: components["schemas"]["ApiKeyView"] & {
            /**
             * @description The key itself, shown only in this response.
             * @example lk_tenant_4yQ8…
             */
            secret: string;
        };
        /** @description The answer to a registration: the webhook and its signing secret, shown this once. */
        CreatedWebhook: {
            /** Format: date-time */
            created_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            description?: string | null;
            events: components["schemas"]["WebhookEvent"][];
            /** Format: uuid */
            id: `${string}-${string}-${string}-${string}-${string}`;
            /** @description The Standard Webhooks secret (`whsec_…`) that signs every delivery. Store it now. */
            secret: string;
            url: string;
        };
        CreationOptionsJson: {
            publicKey: components["schemas"]["PublicKeyCredentialCreationOptionsJSON"];
        };
        /** @enum {string} */
        CredProtectJson: "userVerificationOptional" | "userVerificationOptionalWithCredentialIDList" | "userVerificationRequired";
        /** @description `credential.toJSON()` of a registration or an authentication. */
        CredentialJson: components["schemas"]["RegistrationResponseJSON"] | components["schemas"]["AuthenticationResponseJSON"];
        CredentialPropertiesOutput: {
            /** @description The credential is discoverable (a passkey sign-in finds it). */
            rk?: boolean | null;
        };
        DailyUsage: {
            /**
             * Format: date
             * @example 2026-11-25
             */
            day: `${number}-${number}-${number}`;
            /** Format: int64 */
            messages: number;
        };
        /**
         * @description The decision as the `why` endpoints name it.
         * @enum {string}
         */
        DecisionName: "authenticate" | "second_factor" | "enroll" | "enrollment_suggested" | "refuse";
        DeliverySummary: {
            /** Format: int32 */
            attempts: number;
            /** Format: date-time */
            created_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            event: components["schemas"]["WebhookEvent"];
            /**
             * Format: uuid
             * @description The `webhook-id` header of the delivery.
             */
            id: `${string}-${string}-${string}-${string}-${string}`;
            last_error?: string | null;
            status: components["schemas"]["OutboxStatus"];
        };
        DeviceView: {
            /** Format: date-time */
            created_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            /** Format: date-time */
            expires_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            /** Format: uuid */
            id: `${string}-${string}-${string}-${string}-${string}`;
            /** @description The browser or app that asked to be remembered. */
            label?: string | null;
            /** Format: date-time */
            last_used_at?: `${number}-${number}-${number}T${number}:${number}:${number}${string}` | null;
        };
        EnrollRequest: {
            email?: string | null;
            kind: components["schemas"]["MethodKind"];
            /** @example YubiKey 5 */
            name?: string | null;
            /**
             * @description For `webauthn`: `true` makes a passkey (discoverable, user verification required: usable
             *     for passkey sign-in); `false` (default) a second-factor key (user verification preferred).
             */
            passkey?: boolean | null;
            /** @example +358401234567 */
            phone_number?: string | null;
        } & ({
            email?: null;
            /** @enum {string} */
            kind: "totp";
            name?: null;
            passkey?: null;
            phone_number?: null;
        } | {
            email?: null;
            /** @enum {string} */
            kind: "sms";
            name?: null;
            passkey?: null;
        } | {
            /** @enum {string} */
            kind: "email";
            name?: null;
            passkey?: null;
            phone_number?: null;
        } | {
            email?: null;
            /** @enum {string} */
            kind: "webauthn";
            phone_number?: null;
        });
        /**
         * @description The answer to enrolling a method: a TOTP setup to scan, a code sent to confirm, or the
         *     options for the browser to create a key with.
         */
        Enrollment: {
            /**
             * Format: date-time
             * @description For `sms` and `email`: when the code sent expires.
             */
            code_expires_at?: `${number}-${number}-${number}T${number}:${number}:${number}${string}` | null;
            /** @description Whether the code went out now (false for TOTP, and while `delivery_error` says why). */
            code_sent: boolean;
            delivery_error?: null | components["schemas"]["ErrorCode"];
            /** @description With `delivery_error`: what to tell the person, in plain words. */
            delivery_message?: string | null;
            method: components["schemas"]["MethodSummary"];
            totp?: null | components["schemas"]["TotpSetup"];
            webauthn?: null | components["schemas"]["CreationOptionsJson"];
        };
        /** @description The password was right, but policy requires a second factor and the user has none yet. */
        EnrollmentRequired: {
            /** @description What the user may set up (`POST /challenges/{id}/enroll`). */
            allowed_kinds: components["schemas"]["MethodKind"][];
            /** Format: uuid */
            challenge_id: `${string}-${string}-${string}-${string}-${string}`;
            /** Format: date-time */
            expires_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            /** @description ... and which, masked. */
            phone_hint?: string | null;
            /** @description For `sms`: whether the profile has a number (the client may offer to use it) ... */
            phone_number_on_profile: boolean;
        };
        /** @description Every error response has this shape. */
        ErrorBody: {
            /**
             * Format: int32
             * @description Wrong codes left before the account locks (with `invalid_code`).
             */
            attempts_remaining?: number | null;
            /** @description A stable snake_case code to switch on. */
            error: components["schemas"]["ErrorCode"];
            /** @description A human-readable explanation; wording may change. */
            message: string;
            /**
             * @description The request's id, as in the `X-Request-Id` response header and the server's logs.
             * @example 0f4c8a2e6b1d4c5f9a3e7b2d1c6f8a90
             */
            request_id?: string | null;
            /**
             * Format: int64
             * @description Seconds to wait before retrying (423, 429, 503).
             */
            retry_after?: number | null;
            /** @description Where to sign in instead (with `sso_required`). */
            sso_url?: string | null;
        };
        /** @enum {string} */
        ErrorCode: "malformed_json" | "invalid_body" | "invalid_path" | "invalid_query" | "invalid_cursor" | "invalid_event" | "invalid_time" | "invalid_audit_retention" | "invalid_webhook_url" | "webhook_not_found" | "too_many_webhooks" | "payload_too_large" | "unsupported_media_type" | "not_found" | "http_method_not_allowed" | "origin_not_allowed" | "invalid_id" | "invalid_slug" | "invalid_username" | "invalid_name" | "invalid_display_name" | "invalid_email" | "invalid_phone_number" | "invalid_limit" | "invalid_kind" | "invalid_two_factor" | "invalid_totp_algorithm" | "invalid_totp_digits" | "invalid_totp_period" | "invalid_lockout_threshold" | "invalid_lockout_duration" | "invalid_remember_device_days" | "invalid_cidr" | "invalid_ip" | "invalid_sign_in" | "invalid_url" | "invalid_allowed_methods" | "invalid_password_reset_mode" | "password_too_short" | "password_too_long" | "password_equals_email" | "password_equals_username" | "password_too_common" | "invalid_current_password" | "code_required" | "phone_number_required" | "missing_credentials" | "invalid_credentials" | "invalid_token" | "invalid_api_key" | "invalid_grant" | "forbidden" | "second_factor_required" | "insufficient_role" | "insufficient_scope" | "mfa_required" | "step_up_required" | "owner_protected" | "last_owner" | "invalid_code" | "account_locked" | "invalid_credential" | "user_verification_required" | "authenticator_not_allowed" | "webauthn_unavailable" | "passkey_sign_in_disabled" | "wrong_proof" | "malformed_credential" | "last_admin_key" | "challenge_expired" | "challenge_used" | "enrollment_incomplete" | "enrollment_required" | "not_enrolling" | "not_verifying" | "not_resendable" | "no_method" | "no_method_chosen" | "method_not_active" | "method_not_allowed" | "already_confirmed" | "last_method" | "resend_too_soon" | "resend_limit_reached" | "delivery_failed" | "delivery_delayed" | "too_many_messages" | "sms_budget_exhausted" | "sms_country_not_allowed" | "invalid_country" | "invalid_webauthn_rp_id" | "invalid_limits" | "group_not_found" | "group_exists" | "sso_required" | "two_factor_unavailable" | "tenant_exists" | "email_taken" | "username_taken" | "public_url_required" | "invitation_not_found" | "invitation_expired" | "invalid_expiry" | "password_reset_disabled" | "password_reset_not_found" | "password_reset_expired" | "password_reset_incomplete" | "user_inactive" | "invitation_pending" | "rate_limited" | "overloaded" | "database_unavailable" | "internal_error";
        GroupRef: {
            /** Format: uuid */
            id: `${string}-${string}-${string}-${string}-${string}`;
            name: string;
        };
        /**
         * @description A group's second-factor rule: `inherit` defers to the tenant; the others are a mode the
         *     group's members get at least (the strictest of tenant and groups wins).
         * @enum {string}
         */
        GroupRule: "inherit" | "optional" | "prompted" | "required";
        /** @description A group and its second-factor rule. */
        GroupView: {
            /** Format: date-time */
            created_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            /** Format: uuid */
            id: `${string}-${string}-${string}-${string}-${string}`;
            name: string;
            two_factor: components["schemas"]["GroupRule"];
            /** Format: date-time */
            updated_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
        };
        Health: {
            /**
             * @example ok
             * @enum {string}
             */
            status: "ok";
        };
        HmacGetSecretJson: {
            /** @description Bytes, as unpadded base64url. */
            output1: string;
            /** @description Bytes, as unpadded base64url. */
            output2?: string | null;
        };
        IntrospectRequest: {
            /** @description An access token or a refresh token. */
            token: string;
            /** @description Accepted for RFC 7662 compatibility; the token's prefix tells its type. */
            token_type_hint?: string | null;
        };
        /** @description RFC 7662 introspection response. Inactive tokens carry only `active: false`. */
        Introspection: {
            active: boolean;
            amr?: string[] | null;
            aud?: string | null;
            /** Format: int64 */
            exp?: number | null;
            /** Format: int64 */
            iat?: number | null;
            /** Format: uri */
            iss?: `${string}:${string}` | null;
            /** Format: uuid */
            jti?: `${string}-${string}-${string}-${string}-${string}` | null;
            /** Format: uuid */
            sid?: `${string}-${string}-${string}-${string}-${string}` | null;
            /** Format: uuid */
            sub?: `${string}-${string}-${string}-${string}-${string}` | null;
            tenant?: string | null;
            /**
             * @example access_token
             * @enum {string}
             */
            token_type?: "access_token" | "refresh_token";
            username?: string | null;
        };
        /** @description What the registration page needs. */
        InvitationInfo: {
            /** @description Kinds the user may choose at registration. */
            allowed_methods: components["schemas"]["MethodKind"][];
            email: string;
            /** Format: date-time */
            expires_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            password_rules: components["schemas"]["PasswordRules"];
            tenant: components["schemas"]["TenantRef"];
            /**
             * @description What policy asks of this user: `required` (a method is set up right after),
             *     `prompted`/`optional` (the page may offer one), or `off`.
             */
            two_factor: components["schemas"]["TwoFactorMode"];
            username?: string | null;
        };
        InvitationView: {
            /** Format: date-time */
            created_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            email: string;
            /** Format: date-time */
            expires_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            /** Format: uuid */
            id: `${string}-${string}-${string}-${string}-${string}`;
            /** Format: uuid */
            user_id: `${string}-${string}-${string}-${string}-${string}`;
            username?: string | null;
        };
        Jwk: {
            /**
             * @example EdDSA
             * @enum {string}
             */
            alg: "EdDSA";
            /**
             * @example Ed25519
             * @enum {string}
             */
            crv: "Ed25519";
            kid: string;
            /**
             * @example OKP
             * @enum {string}
             */
            kty: "OKP";
            /**
             * @example sig
             * @enum {string}
             */
            use: "sig";
            /** @description The public key, base64url without padding. */
            x: string;
        };
        Jwks: {
            keys: components["schemas"]["Jwk"][];
        };
        /**
         * @description What a tenant API key may do: `introspect` (token checks), `admin` (also the tenant's admin
         *     API, as an admin and for groups' rules and webhooks; `admin` includes `introspect`).
         * @enum {string}
         */
        KeyScope: "introspect" | "admin";
        LoginRequest: {
            /**
             * @description A token from an earlier `/verify` with `remember_device: true`: skips the second factor
             *     while it is valid.
             */
            device_token?: string | null;
            /**
             * @description The user's email address or username (an identifier with '@' is an email).
             * @example alice@example.com
             */
            identifier: string;
            /** @example correct horse battery staple */
            password: string;
            /** @example acme */
            tenant: string;
        };
        /** @description What a login leads to; `status` tells which. */
        LoginResponse: (components["schemas"]["Authenticated"] & {
            /** @enum {string} */
            status: "authenticated";
        }) | (components["schemas"]["SecondFactorRequired"] & {
            /** @enum {string} */
            status: "second_factor_required";
        }) | (components["schemas"]["EnrollmentRequired"] & {
            /** @enum {string} */
            status: "enrollment_required";
        }) | (components["schemas"]["EnrollmentRequired"] & {
            /** @enum {string} */
            status: "enrollment_suggested";
        });
        Me: {
            /** @description How this session was authenticated (RFC 8176), e.g. `["pwd"]`. */
            amr: string[];
            /**
             * Format: int64
             * @description Expiry of the presented access token (unix seconds).
             */
            exp: number;
            /** Format: uuid */
            session_id: `${string}-${string}-${string}-${string}-${string}`;
            user: components["schemas"]["UserView"];
        };
        /** @description Caps on the messages Latchkey sends, counted over a sliding window. */
        MessageLimits: {
            /**
             * Format: int64
             * @description ... and per day.
             * @default 10
             */
            per_number_per_day: number;
            /**
             * Format: int64
             * @description SMS to one phone number per hour ...
             * @default 5
             */
            per_number_per_hour: number;
            /**
             * Format: int64
             * @description Messages per tenant per hour.
             * @default 1000
             */
            per_tenant_per_hour: number;
            /**
             * Format: int64
             * @description Messages (SMS and email, every path) per user per hour.
             * @default 10
             */
            per_user_per_hour: number;
        };
        MessageLimitsPatch: {
            /**
             * Format: int64
             * @description SMS to one number per day (default 10).
             */
            per_number_per_day?: number | null;
            /**
             * Format: int64
             * @description SMS to one number per hour (default 5).
             */
            per_number_per_hour?: number | null;
            /**
             * Format: int64
             * @description Messages per tenant per hour (default 1000).
             */
            per_tenant_per_hour?: number | null;
            /**
             * Format: int64
             * @description Messages per user per hour, every path (default 10).
             */
            per_user_per_hour?: number | null;
        };
        /**
         * @description A kind of second-factor method.
         * @enum {string}
         */
        MethodKind: "totp" | "sms" | "email" | "webauthn";
        MethodList: {
            methods: components["schemas"]["MethodSummary"][];
            /** Format: int64 */
            recovery_codes_remaining: number;
        };
        /**
         * @description Whether a method was confirmed by a code from it.
         * @enum {string}
         */
        MethodStatus: "pending" | "active";
        /** @description A method as a client sees it: never the secret, never the full destination. */
        MethodSummary: {
            /**
             * Format: uuid
             * @description `webauthn`: the authenticator model the key reported (its own claim without attestation).
             */
            aaguid?: `${string}-${string}-${string}-${string}-${string}` | null;
            /** @description `webauthn`: whether the credential is backed up (a synced passkey). */
            backup_state?: boolean | null;
            /** Format: date-time */
            created_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            /** @description The tenant no longer allows this kind: it is not offered at login. */
            disabled?: boolean;
            /**
             * @description `webauthn`: whether the authenticator said it stored the credential (usable to sign in
             *     with a passkey); a hint from the browser.
             */
            discoverable?: boolean | null;
            /**
             * @description SMS: `true` when the method uses the profile's phone number and follows it when an
             *     administrator changes it; `false` when a number was typed at enrollment.
             */
            follows_profile?: boolean | null;
            /**
             * @description What tells the method apart for the user, never the full destination: for `sms` the
             *     phone number masked but for its country code and last two digits (`+358 ••• •• 67`), for
             *     `email` the address masked but for the first and last letters of its local part and its
             *     domain (`a•••e@example.com`), for `totp` the words `authenticator app`, for `webauthn` the
             *     key's name (or `passkey` / `security key`).
             * @example +358 ••• •• 67
             */
            hint: string;
            /** Format: uuid */
            id: `${string}-${string}-${string}-${string}-${string}`;
            kind: components["schemas"]["MethodKind"];
            /**
             * Format: date-time
             * @description When the method last proved a sign-in.
             */
            last_used_at?: `${number}-${number}-${number}T${number}:${number}:${number}${string}` | null;
            /**
             * @description The name the user gave the method (`webauthn`: "YubiKey 5").
             * @example YubiKey 5
             */
            name?: string | null;
            /** @description `webauthn`: registered for passkey sign-in (discoverable, user verification required). */
            passkey?: boolean | null;
            primary: boolean;
            /** @description `pending` until a code confirms it, then `active`. */
            status: components["schemas"]["MethodStatus"];
        };
        OutboxMessage: {
            /** Format: int32 */
            attempts: number;
            channel: components["schemas"]["Channel"];
            /** Format: date-time */
            created_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            /** Format: date-time */
            expires_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            /** Format: uuid */
            id: `${string}-${string}-${string}-${string}-${string}`;
            last_error?: string | null;
            /** Format: date-time */
            next_attempt_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            /**
             * @description The phone number or address, masked.
             * @example +358 ••• •• 67
             */
            recipient: string;
            /** Format: date-time */
            sent_at?: `${number}-${number}-${number}T${number}:${number}:${number}${string}` | null;
            status: components["schemas"]["OutboxStatus"];
        };
        /**
         * @description The life of an outbox message: `queued` → `sending` (leased by one sender) → `sent`;
         *     `failed` when the provider refused it for good, `expired` when it outlived its content.
         * @enum {string}
         */
        OutboxStatus: "queued" | "sending" | "sent" | "failed" | "expired";
        PasskeyLoginRequest: {
            /** @example acme */
            tenant: string;
        };
        /**
         * @description A passkey sign-in opened: have the browser sign `webauthn`, then `POST /verify` with
         *     `challenge_id` and `credential`.
         */
        PasskeyLoginStarted: {
            /** Format: uuid */
            challenge_id: `${string}-${string}-${string}-${string}-${string}`;
            /** Format: date-time */
            expires_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            /**
             * @description Request options with no `allowCredentials` (the browser offers the passkeys it holds for
             *     this relying party) and `mediation: "conditional"` for autofill on the identifier field;
             *     a "Sign in with a passkey" button calls `navigator.credentials.get` without mediation.
             */
            webauthn: components["schemas"]["RequestOptionsJson"];
        };
        /**
         * @description Who may reset a forgotten password (tenant setting `password_reset`).
         * @enum {string}
         */
        PasswordResetMode: "self_service" | "self_service_without_second_factor_users" | "admin_only";
        PasswordRules: {
            max_length: number;
            min_length: number;
            /** @description The 10,000 most common passwords are refused. */
            not_common: boolean;
            /** @description The password may not be the email address or the username. */
            not_email_or_username: boolean;
        };
        /** @description Why a user is (not) asked for a second factor at a password login. */
        PolicyExplanation: {
            /** @description The kinds the user may be asked for or may set up. */
            allowed_kinds: components["schemas"]["MethodKind"][];
            decision: components["schemas"]["DecisionName"];
            /** @description The mode the user is held to: the strictest of the tenant's and their groups'. */
            effective_mode: components["schemas"]["TwoFactorMode"];
            /**
             * @description The tenant lets its users sign in with a passkey alone (`POST /login/passkey`): a sign-in
             *     page may offer to create one.
             */
            passkey_sign_in: boolean;
            /**
             * @description In the order they were weighed, e.g. `group:clinicians requires two_factor`, `not exempt`,
             *     `ip 203.0.113.9 not in trusted networks`, `has method totp`.
             */
            reasons: string[];
        };
        PublicKeyCredentialCreationOptionsJSON: {
            /**
             * @description `none`: Latchkey asks for no attestation (an AAGUID is the authenticator's own claim).
             * @example none
             */
            attestation?: string | null;
            authenticatorSelection?: null | components["schemas"]["AuthenticatorSelectionCriteriaJSON"];
            /**
             * @description base64url.
             * @example m4RPFbzpnoCUydrnMi8Kr-mhsIJg1oc5k0gEkW_SKZQ
             */
            challenge: string;
            /** @description The user's keys already registered: the browser refuses to register one twice. */
            excludeCredentials?: components["schemas"]["PublicKeyCredentialDescriptorJSON"][] | null;
            /** @description `credProps` (is the credential discoverable), `credProtect`, `uvm`. */
            extensions?: {
                [key: string]: unknown;
            } | null;
            hints?: string[] | null;
            pubKeyCredParams: components["schemas"]["PublicKeyCredentialParametersJSON"][];
            rp: components["schemas"]["PublicKeyCredentialRpEntityJSON"];
            /**
             * Format: int32
             * @description Milliseconds.
             */
            timeout?: number | null;
            user: components["schemas"]["PublicKeyCredentialUserEntityJSON"];
        };
        PublicKeyCredentialDescriptorJSON: {
            /** @description The credential id, base64url. */
            id: string;
            /** @description `usb`, `nfc`, `ble`, `internal`, `hybrid`. */
            transports?: string[] | null;
            /** @example public-key */
            type: string;
        };
        PublicKeyCredentialParametersJSON: {
            /**
             * Format: int32
             * @description A COSE algorithm: -7 (ES256), -257 (RS256), -8 (EdDSA).
             * @example -7
             */
            alg: number;
            /** @example public-key */
            type: string;
        };
        PublicKeyCredentialRequestOptionsJSON: {
            /** @description The user's keys; empty at a passkey sign-in (the passkey names its user). */
            allowCredentials?: components["schemas"]["PublicKeyCredentialDescriptorJSON"][] | null;
            /** @description base64url. */
            challenge: string;
            extensions?: {
                [key: string]: unknown;
            } | null;
            hints?: string[] | null;
            /** @example acme.example */
            rpId?: string | null;
            /**
             * Format: int32
             * @description Milliseconds.
             */
            timeout?: number | null;
            /** @example preferred */
            userVerification?: string | null;
        };
        PublicKeyCredentialRpEntityJSON: {
            /**
             * @description The relying-party id: the tenant's `webauthn_rp_id`, or its default.
             * @example acme.example
             */
            id: string;
            /** @example Acme Clinic */
            name: string;
        };
        PublicKeyCredentialUserEntityJSON: {
            /** @example Alice Martin */
            displayName: string;
            /** @description base64url of the user's id (16 bytes): the user handle a passkey answers with. */
            id: string;
            /** @example alice@example.com */
            name: string;
        };
        RecoveryCodes: {
            /**
             * @description Shown only now: each works once, in any order, in place of a code.
             * @example [
             *       "k7m2p-x9q4r",
             *       "…"
             *     ]
             */
            codes: string[];
            /** Format: int64 */
            remaining: number;
        };
        RefreshRequest: {
            refresh_token: string;
        };
        RegistrationResponseJSON: {
            authenticatorAttachment?: string | null;
            /** @description What the browser reports of extensions (`credProps.rk`: the credential is discoverable). */
            clientExtensionResults: components["schemas"]["AuthenticationExtensionsClientOutputsJSON"];
            /** @description The credential id, base64url. */
            id: string;
            /** @description Bytes, as unpadded base64url. */
            rawId: string;
            response: components["schemas"]["AuthenticatorAttestationResponseJSON"];
            /** @example public-key */
            type: string;
        };
        RequestOptionsJson: {
            /**
             * @description `conditional` for passkey autofill (`navigator.credentials.get({mediation: "conditional"})`).
             * @example conditional
             */
            mediation?: string | null;
            publicKey: components["schemas"]["PublicKeyCredentialRequestOptionsJSON"];
        };
        ResetCode: {
            /**
             * @description The 6-digit code from the email or SMS (or the `code` of an administrator's link).
             * @example 123456
             */
            code: string;
        };
        /**
         * @description The new password is set; every session, refresh token and remembered device of the user
         *     was revoked.
         */
        ResetDone: {
            /**
             * Format: date-time
             * @description A reset never lifts a lock: when the account is locked, sign-in waits until then.
             */
            locked_until?: `${number}-${number}-${number}T${number}:${number}:${number}${string}` | null;
        };
        /** @description The second step after a switch of method (or a resend to the same one). */
        ResetMethodState: {
            /**
             * Format: date-time
             * @description When the code just sent expires (absent for TOTP).
             */
            code_expires_at?: `${number}-${number}-${number}T${number}:${number}:${number}${string}` | null;
            /** @description Whether the code went out now (false for TOTP, and while `delivery_error` says why). */
            code_sent: boolean;
            delivery_error?: null | components["schemas"]["ErrorCode"];
            /** @description With `delivery_error`: what to tell the person, in plain words. */
            delivery_message?: string | null;
            method: components["schemas"]["MethodSummary"];
            /** Format: uuid */
            reset_id: `${string}-${string}-${string}-${string}-${string}`;
            /**
             * Format: int32
             * @description How many more codes the second step may send.
             */
            sends_remaining: number;
            webauthn?: null | components["schemas"]["RequestOptionsJson"];
        };
        /** @description What follows a right code; `status` tells which. */
        ResetProgress: (components["schemas"]["ResetSecondStep"] & {
            /** @enum {string} */
            status: "second_factor_required";
        }) | (components["schemas"]["ResetReady"] & {
            /** @enum {string} */
            status: "new_password_required";
        });
        ResetReady: {
            /** Format: date-time */
            expires_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            /** Format: uuid */
            reset_id: `${string}-${string}-${string}-${string}-${string}`;
        };
        ResetSecondFactor: {
            /**
             * @description A code of the method being asked for (the app's, or the one sent by SMS or email).
             * @example 123456
             */
            code?: string | null;
            credential?: null | components["schemas"]["AuthenticationResponseJSON"];
            /** @description One of the user's recovery codes, instead of `code`. */
            recovery_code?: string | null;
        } & ({
            code: string;
        } | {
            recovery_code: string;
        } | {
            credential: {
                [key: string]: unknown;
            };
        });
        ResetSecondStep: {
            /** @description Whether a code went out to `method`. */
            code_sent: boolean;
            delivery_error?: null | components["schemas"]["ErrorCode"];
            /** @description With `delivery_error`: what to tell the person, in plain words. */
            delivery_message?: string | null;
            /** Format: date-time */
            expires_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            method?: null | components["schemas"]["MethodSummary"];
            /**
             * @description The methods that may prove the second factor: every one but the one that carried the
             *     reset code (switch with `POST /password-reset/{id}/method`).
             */
            methods: components["schemas"]["MethodSummary"][];
            /** @description Whether a recovery code may be sent instead. */
            recovery_codes_available: boolean;
            /** Format: uuid */
            reset_id: `${string}-${string}-${string}-${string}-${string}`;
            webauthn?: null | components["schemas"]["RequestOptionsJson"];
        };
        /**
         * @description The same for every request: whether a code was sent is told only to the user, by the
         *     message itself.
         */
        ResetStarted: {
            /** Format: date-time */
            expires_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            /** Format: uuid */
            reset_id: `${string}-${string}-${string}-${string}-${string}`;
        };
        ResetSwitchMethod: {
            /** Format: uuid */
            method_id: `${string}-${string}-${string}-${string}-${string}`;
        };
        /**
         * @description What a user may do on their tenant's admin API, ordered: an owner can do all an admin can.
         * @enum {string}
         */
        Role: "admin" | "owner";
        Rotated: {
            /** @description The key that signs new tokens from now on. */
            kid: string;
        };
        /** @description The password was right; now a code from one of the user's methods. */
        SecondFactorRequired: {
            /** Format: uuid */
            challenge_id: `${string}-${string}-${string}-${string}-${string}`;
            /** @description Whether a code went out to `method` (false for TOTP, or when delivery failed: resend). */
            code_sent: boolean;
            delivery_error?: null | components["schemas"]["ErrorCode"];
            /** @description With `delivery_error`: what to tell the person, in plain words. */
            delivery_message?: string | null;
            /** Format: date-time */
            expires_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            /** @description The method asked for first (the primary one). For `sms` and `email` a code was sent. */
            method: components["schemas"]["MethodSummary"];
            /** @description Every method the user may switch to (`POST /challenges/{id}/method`). */
            methods: components["schemas"]["MethodSummary"][];
            /** @description Whether a recovery code may be sent instead of a code. */
            recovery_codes_available: boolean;
            /**
             * Format: date-time
             * @description When `POST /challenges/{id}/resend` may send the next code (absent when none was sent):
             *     the sign-in page counts down to it.
             */
            resend_available_at?: `${number}-${number}-${number}T${number}:${number}:${number}${string}` | null;
            webauthn?: null | components["schemas"]["RequestOptionsJson"];
        };
        /**
         * @description Authorization server metadata (RFC 8414). Latchkey issues tokens through its own login API,
         *     not OAuth's authorization endpoint, so it lists no response types.
         */
        ServerMetadata: {
            /**
             * Format: uri
             * @description RFC 7662 token introspection, for product backends.
             * @example https://auth.example.com/token/introspect
             */
            introspection_endpoint: `${string}:${string}`;
            /**
             * @description How a backend authenticates there: HTTP Basic (user name the API key's id, password the
             *     key). A `Bearer` API key is accepted too.
             */
            introspection_endpoint_auth_methods_supported: string[];
            /**
             * Format: uri
             * @description The `iss` of every access token (`LATCHKEY_ISSUER`).
             * @example https://auth.example.com
             */
            issuer: `${string}:${string}`;
            /**
             * Format: uri
             * @description The keys that verify access tokens.
             * @example https://auth.example.com/.well-known/jwks.json
             */
            jwks_uri: `${string}:${string}`;
            /** @description Empty: no OAuth authorization endpoint. */
            response_types_supported: string[];
            /**
             * Format: uri
             * @description Human-readable API documentation.
             */
            service_documentation: `${string}:${string}`;
        };
        /** @description `PUT …/users/{id}/groups`: the user's groups, replacing the ones they had. */
        SetGroups: {
            group_ids: `${string}-${string}-${string}-${string}-${string}`[];
        };
        /** @description The roles a user holds on the tenant's admin API. */
        SetRoles: {
            /**
             * @description `[]`, `["admin"]` or `["owner"]` (an owner can do all an admin can; `["admin", "owner"]`
             *     is the same as `["owner"]`).
             */
            roles: components["schemas"]["Role"][];
        };
        /**
         * @description What the change would do, counted over the tenant's active users for a sign-in from outside
         *     the trusted networks on a device that is not remembered.
         */
        SettingsPreview: {
            /** @description Active users weighed. */
            users: number;
            /** @description Users who would be asked for their second factor (and are not now). */
            would_be_asked: components["schemas"]["Affected"];
            /** @description Users who would be asked to set up a second factor at their next sign-in (and are not now). */
            would_enroll: components["schemas"]["Affected"];
            /** @description Users whose every method is of a kind the change takes out of `allowed_methods`. */
            would_lose_methods: components["schemas"]["Affected"];
            /** @description Users who are asked for a second factor (or to set one up) now, and would no longer be. */
            would_no_longer_be_asked: components["schemas"]["Affected"];
        };
        /**
         * @description Where a tenant's users prove who they are first.
         * @enum {string}
         */
        SignInSource: "password" | "sso";
        SigningKeyView: {
            /** @description Whether new tokens are signed with it. */
            active: boolean;
            /**
             * @example EdDSA
             * @enum {string}
             */
            algorithm: "EdDSA";
            /** Format: date-time */
            created_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            kid: string;
            /** @description Whether the key is in the JWKS now. */
            published: boolean;
            /** Format: date-time */
            retired_at?: `${number}-${number}-${number}T${number}:${number}:${number}${string}` | null;
        };
        SkipRequest: {
            /** @description "Do not show this again": the prompt stays away until an admin resets it. */
            dont_show_again?: boolean;
        };
        SmsBudget: {
            /**
             * Format: int64
             * @description SMS left to send; `null` is unlimited.
             */
            balance?: number | null;
            /** @description SMS queued per day (UTC), the last 30 days, oldest first; days without any are left out. */
            usage: components["schemas"]["DailyUsage"][];
        };
        StartReset: {
            /**
             * @description The user's email address or username.
             * @example alice@example.com
             */
            identifier: string;
            /** @example acme */
            tenant: string;
        };
        SwitchMethod: {
            /** Format: uuid */
            method_id: `${string}-${string}-${string}-${string}-${string}`;
        };
        TenantPage: {
            /** @description Pass as `after` to get the next page; absent on the last page. */
            next_after?: string | null;
            tenants: components["schemas"]["TenantView"][];
        };
        TenantRef: {
            name: string;
            slug: string;
        };
        TenantSettings: {
            /** @description Where notices for the tenant's administrators go. */
            admin_contact?: string | null;
            /** @description Kinds users may set up and be asked for. */
            allowed_methods: components["schemas"]["MethodKind"][];
            /**
             * Format: int64
             * @description Audit events are kept this many days.
             */
            audit_retention_days: number;
            /** Format: int64 */
            lockout_duration_secs: number;
            message_limits: components["schemas"]["MessageLimits"];
            /** @description Users hear of a right password whose second factor was not finished. */
            notify_unfinished_second_factor: boolean;
            /** @description Users may sign in with a passkey alone. */
            passkey_sign_in: boolean;
            /** Format: int32 */
            password_lockout_threshold: number;
            /** @description Who may reset a forgotten password. */
            password_reset: components["schemas"]["PasswordResetMode"];
            /** @description Where the tenant's users sign in (invitation and password-reset links). */
            public_url?: string | null;
            /**
             * Format: int32
             * @description 0: remember-device is off.
             */
            remember_device_days: number;
            /** Format: int32 */
            second_factor_lockout_threshold: number;
            /** @description Users get an email when their account changes. */
            security_notices: boolean;
            sign_in: components["schemas"]["SignInSource"];
            /** @description Regions SMS may go to; empty: any. */
            sms_allowed_countries: string[];
            /**
             * Format: int64
             * @description SMS left to send; `null` is unlimited.
             */
            sms_budget?: number | null;
            /**
             * Format: int64
             * @description The SMS balance at which one notice goes to `admin_contact` (0: none).
             */
            sms_budget_low_threshold: number;
            sso_url?: string | null;
            totp: components["schemas"]["TotpSettingsView"];
            /** @description CIDRs from which a password login is not asked for a second factor. */
            trusted_networks: string[];
            two_factor: components["schemas"]["TwoFactorMode"];
            /** @description The sign-in page's origin (the WebOTP line of SMS codes). */
            web_origin?: string | null;
            /** @description Authenticator models keys may come from; empty: any. */
            webauthn_allowed_aaguids: string[];
            webauthn_origins: string[];
            /**
             * @description The WebAuthn relying-party id: a domain name such as `acme.example` (never an IP address); stored in lower case.
             * @example acme.example
             */
            webauthn_rp_id?: string | null;
        };
        TenantView: {
            /** Format: date-time */
            created_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            /** Format: uuid */
            id: `${string}-${string}-${string}-${string}-${string}`;
            /** @example Acme Clinic */
            name: string;
            settings: components["schemas"]["TenantSettings"];
            /** @example acme */
            slug: string;
            /** Format: date-time */
            updated_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
        };
        TopUp: {
            /**
             * Format: int64
             * @description Messages to add (1-1000000).
             * @example 500
             */
            messages: number;
        };
        TotpSettings: {
            /**
             * @example SHA1
             * @enum {string|null}
             */
            algorithm?: "SHA1" | "SHA256" | "SHA512" | null;
            /**
             * Format: int32
             * @description 6 (default), 7 or 8.
             */
            digits?: number | null;
            /**
             * Format: int32
             * @description Seconds per code, 15-120 (default 30).
             */
            period?: number | null;
        };
        TotpSettingsView: {
            /**
             * @example SHA1
             * @enum {string}
             */
            algorithm: "SHA1" | "SHA256" | "SHA512";
            /** Format: int32 */
            digits: number;
            /** Format: int32 */
            period: number;
        };
        /** @description What an authenticator app needs to add the account. */
        TotpSetup: {
            /**
             * Format: uri
             * @example otpauth://totp/Acme%20Clinic:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme%20Clinic&algorithm=SHA1&digits=6&period=30
             */
            otpauth_uri: `${string}:${string}`;
            /** @description A PNG of the QR code of `otpauth_uri`, base64. */
            qr_png_base64: string;
            /** @description Base32; for typing into an app that cannot scan ("secret key"). */
            secret: string;
        };
        /**
         * @description A second-factor rule, from the most lenient to the strictest (the order is the derive's).
         * @enum {string}
         */
        TwoFactorMode: "off" | "optional" | "prompted" | "required";
        UpdateGroup: {
            name?: string | null;
            two_factor?: null | components["schemas"]["GroupRule"];
        };
        /** @description Settings to change; absent fields stay as they are. */
        UpdateTenant: {
            admin_contact?: string | null;
            /**
             * @description Kinds users may set up and be asked for: a non-empty subset of `totp`, `sms`, `email`,
             *     `webauthn`.
             *     Existing methods of a kind taken out are no longer offered at login.
             */
            allowed_methods?: components["schemas"]["MethodKind"][] | null;
            /**
             * Format: int64
             * @description Audit events older than this many days are deleted (1–3650, default 365).
             * @example 365
             */
            audit_retention_days?: number | null;
            /**
             * Format: int64
             * @description How long a lock lasts (default 1800).
             */
            lockout_duration_secs?: number | null;
            message_limits?: null | components["schemas"]["MessageLimitsPatch"];
            name?: string | null;
            /**
             * @description Email a user (once an hour at most) when their password was right but the second factor
             *     was not finished before the challenge ended; default true.
             */
            notify_unfinished_second_factor?: boolean | null;
            /**
             * @description Let users sign in with a passkey alone (`POST /login/passkey`; default false). A passkey
             *     with user verification counts as two factors.
             */
            passkey_sign_in?: boolean | null;
            /**
             * Format: int32
             * @description Consecutive failed passwords that lock the account (default 10).
             */
            password_lockout_threshold?: number | null;
            password_reset?: null | components["schemas"]["PasswordResetMode"];
            /** @example https://app.acme.example */
            public_url?: string | null;
            /**
             * Format: int32
             * @description How long "remember this device" lasts; 0 turns the feature off (default 30).
             */
            remember_device_days?: number | null;
            /**
             * Format: int32
             * @description Consecutive failed second-factor attempts that lock the account (default 5).
             */
            second_factor_lockout_threshold?: number | null;
            /**
             * @description Email users about changes to their account (methods, recovery codes, remembered devices,
             *     password, lock); default true.
             */
            security_notices?: boolean | null;
            sign_in?: null | components["schemas"]["SignInSource"];
            sms_allowed_countries?: string[] | null;
            /**
             * Format: int64
             * @description SMS the tenant may still send (a balance in messages); `null` is unlimited. Top up with
             *     `POST …/sms-budget/top-up`.
             * @example 500
             */
            sms_budget?: number | null;
            /**
             * Format: int64
             * @description One notice goes to `admin_contact` when the SMS balance falls to this many messages
             *     (default 50; 0: no notice).
             */
            sms_budget_low_threshold?: number | null;
            /** @example https://idp.example.com/saml/login */
            sso_url?: string | null;
            totp?: null | components["schemas"]["TotpSettings"];
            trusted_networks?: string[] | null;
            two_factor?: null | components["schemas"]["TwoFactorMode"];
            /**
             * @description The origin of the tenant's sign-in page, as a browser sends it: `https://host[:port]` (`http://` only for localhost, 127.0.0.1 and [::1]). Stored in lower case without a default port.
             * @example https://app.example.com
             */
            web_origin?: string | null;
            webauthn_allowed_aaguids?: string[] | null;
            webauthn_origins?: string[] | null;
            /**
             * @description The WebAuthn relying-party id: a domain name such as `acme.example` (never an IP address); stored in lower case.
             * @example acme.example
             */
            webauthn_rp_id?: string | null;
        };
        /** @description Fields to change; absent fields stay as they are, `null` clears an optional one. */
        UpdateUser: {
            /** @description `false` deactivates the user and revokes their sessions. */
            active?: boolean | null;
            /** @example Alice Martin */
            display_name?: string | null;
            email?: string | null;
            /** @description `false` brings the enrollment prompt back after "do not show this again". */
            enrollment_prompt_dismissed?: boolean | null;
            group_ids?: `${string}-${string}-${string}-${string}-${string}`[] | null;
            /** @description Changing the password revokes the user's sessions. */
            password?: string | null;
            /** @example +358401234567 */
            phone_number?: string | null;
            /** @description Exempt this user from the tenant's second-factor policy (wins over tenant and groups; audited). */
            two_factor_exempt?: boolean | null;
            username?: string | null;
        };
        UserPage: {
            /** @description Pass as `after` to get the next page; absent on the last page. */
            next_after?: string | null;
            users: components["schemas"]["UserView"][];
        };
        UserRef: {
            display_name?: string | null;
            email: string;
            /** Format: uuid */
            id: `${string}-${string}-${string}-${string}-${string}`;
        };
        UserView: {
            active: boolean;
            /** Format: date-time */
            created_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            /** @description The user's live remembered devices (in the admin view of one user). */
            devices?: components["schemas"]["DeviceView"][] | null;
            display_name?: string | null;
            /** @example alice@example.com */
            email: string;
            /** @description The user proved the email address (or an admin vouched for it). */
            email_verified: boolean;
            /** @description The user chose "do not show this again" on the enrollment prompt (an admin resets it). */
            enrollment_prompt_dismissed: boolean;
            /** @description The user's groups (in admin views). */
            groups?: components["schemas"]["GroupRef"][] | null;
            /** Format: uuid */
            id: `${string}-${string}-${string}-${string}-${string}`;
            /**
             * Format: date-time
             * @description When the user last signed in (in the admin view of one user; `null`: never).
             */
            last_sign_in_at?: `${number}-${number}-${number}T${number}:${number}:${number}${string}` | null;
            /**
             * Format: date-time
             * @description Set while the account is locked after too many failures.
             */
            locked_until?: `${number}-${number}-${number}T${number}:${number}:${number}${string}` | null;
            /**
             * @description The user's second-factor methods, pending ones included (in the admin view of one
             *     user): kind, hint, primary, and for keys the name, `passkey`, AAGUID, backup state and
             *     last use. Never a secret or a full destination.
             */
            methods?: components["schemas"]["MethodSummary"][] | null;
            /** @description E.164, e.g. +358401234567. */
            phone_number?: string | null;
            /** @description What the user may do on the tenant's admin API: `[]`, `["admin"]` or `["owner"]`. */
            roles: components["schemas"]["Role"][];
            /** @example acme */
            tenant: string;
            two_factor_exempt: boolean;
            /** Format: date-time */
            updated_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            /**
             * @description Another identifier at login (lower case).
             * @example alice.m
             */
            username?: string | null;
        };
        VerifyRequest: {
            /** Format: uuid */
            challenge_id: `${string}-${string}-${string}-${string}-${string}`;
            /**
             * @description The code from the app, SMS or email.
             * @example 123456
             */
            code?: string | null;
            credential?: null | components["schemas"]["CredentialJson"];
            /** @description One of the user's recovery codes, instead of `code`. */
            recovery_code?: string | null;
            /** @description Also return a `device_token` that skips the second factor on this device. */
            remember_device?: boolean;
        } & ({
            code: string;
        } | {
            recovery_code: string;
        } | {
            credential: {
                [key: string]: unknown;
            };
        });
        Warning: {
            code: components["schemas"]["WarningCode"];
            message: string;
        };
        /**
         * @description What a signed-in user should know or fix: a closed set of stable codes.
         * @enum {string}
         */
        WarningCode: "phone_number_missing" | "recovery_codes_low" | "recovery_code_used" | "no_recovery_codes" | "no_second_factor" | "method_not_allowed";
        /** @enum {string} */
        WebhookEvent: "login.succeeded" | "login.failed" | "login.second_factor_failed" | "webauthn.counter_regression" | "user.locked" | "user.unlocked" | "method.added" | "method.removed" | "password.changed" | "password.reset" | "recovery_codes.generated" | "device.remembered" | "device.revoked" | "user.roles_changed";
        WebhookList: {
            webhooks: components["schemas"]["WebhookView"][];
        };
        WebhookView: {
            /**
             * Format: date-time
             * @example 2026-11-25T09:30:00Z
             */
            created_at: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
            description?: string | null;
            events: components["schemas"]["WebhookEvent"][];
            /** Format: uuid */
            id: `${string}-${string}-${string}-${string}-${string}`;
            /** @description The last deliveries, newest first (at most 5). */
            recent_deliveries: components["schemas"]["DeliverySummary"][];
            url: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    jwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key set: the current signing key and the retired ones whose tokens may still be valid */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Jwks"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    server_metadata: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metadata */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServerMetadata"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_admin_keys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every platform admin key, live and revoked, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyView"][];
                };
            };
            /** @description `missing_credentials` or `invalid_api_key`: no API key, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    revoke_admin_key: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Admin key id */
                key_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials` or `invalid_api_key`: no API key, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No live admin key with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `last_admin_key`: create another before revoking the last one */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_signing_keys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every signing key, newest first, with its state */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningKeyView"][];
                };
            };
            /** @description `missing_credentials` or `invalid_api_key`: no API key, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: this operation needs a platform admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    rotate_signing_key: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new current key; the old one stays in the JWKS until its tokens expire */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rotated"];
                };
            };
            /** @description `missing_credentials` or `invalid_api_key`: no API key, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: this operation needs a platform admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_tenants: {
        parameters: {
            query?: {
                /** @description At most this many tenants (1-200, default 50). */
                limit?: number;
                after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of tenants, by slug; `next_after` fetches the next */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantPage"];
                };
            };
            /** @description `invalid_limit` or `invalid_query` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials` or `invalid_api_key`: no API key, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: this operation needs a platform admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_tenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTenant"];
            };
        };
        responses: {
            /** @description The new tenant */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantView"];
                };
            };
            /** @description `invalid_slug`, `invalid_name` or a malformed body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials` or `invalid_api_key` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A tenant key was used */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `tenant_exists` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_tenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant and its settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantView"];
                };
            };
            /** @description `missing_credentials`, `invalid_api_key` or `invalid_token`: no credentials, or ones that are not valid; `step_up_required`: a sensitive action by a user whose last sign-in with the second factor is over 10 minutes old */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not), or one where a platform key or an owner is needed; `insufficient_scope`: a tenant key without the `admin` scope; `insufficient_role`: a user without the role this needs; `mfa_required`: a user's session that did not pass a second factor; `owner_protected`: an admin acting on an owner's account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist; a user of another tenant gets the same answer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_tenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTenant"];
            };
        };
        responses: {
            /** @description The tenant as it is after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantView"];
                };
            };
            /** @description `invalid_body`, `invalid_path` or a field's own code: the request does not fit; `message` says which rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials`, `invalid_api_key` or `invalid_token`: no credentials, or ones that are not valid; `step_up_required`: a sensitive action by a user whose last sign-in with the second factor is over 10 minutes old */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not), or one where a platform key or an owner is needed; `insufficient_scope`: a tenant key without the `admin` scope; `insufficient_role`: a user without the role this needs; `mfa_required`: a user's session that did not pass a second factor; `owner_protected`: an admin acting on an owner's account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist; a user of another tenant gets the same answer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `two_factor_unavailable`: a second factor asked of an SSO tenant */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_api_keys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant's API keys (never the keys themselves) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyView"][];
                };
            };
            /** @description `missing_credentials`, `invalid_api_key` or `invalid_token`: no credentials, or ones that are not valid; `step_up_required`: a sensitive action by a user whose last sign-in with the second factor is over 10 minutes old */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not), or one where a platform key or an owner is needed; `insufficient_scope`: a tenant key without the `admin` scope; `insufficient_role`: a user without the role this needs; `mfa_required`: a user's session that did not pass a second factor; `owner_protected`: an admin acting on an owner's account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist; a user of another tenant gets the same answer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_api_key: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["CreateApiKey"];
            };
        };
        responses: {
            /** @description The new key: `secret` is shown this once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            /** @description `invalid_body`, `invalid_path` or a field's own code: the request does not fit; `message` says which rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials`, `invalid_api_key` or `invalid_token`: no credentials, or ones that are not valid; `step_up_required`: a sensitive action by a user whose last sign-in with the second factor is over 10 minutes old */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not), or one where a platform key or an owner is needed; `insufficient_scope`: a tenant key without the `admin` scope; `insufficient_role`: a user without the role this needs; `mfa_required`: a user's session that did not pass a second factor; `owner_protected`: an admin acting on an owner's account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist; a user of another tenant gets the same answer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    revoke_api_key: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
                /** @description API key id */
                key_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_path`: an id in the path is not a UUID, or a body that does not fit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials`, `invalid_api_key` or `invalid_token`: no credentials, or ones that are not valid; `step_up_required`: a sensitive action by a user whose last sign-in with the second factor is over 10 minutes old */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not), or one where a platform key or an owner is needed; `insufficient_scope`: a tenant key without the `admin` scope; `insufficient_role`: a user without the role this needs; `mfa_required`: a user's session that did not pass a second factor; `owner_protected`: an admin acting on an owner's account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist; a user of another tenant gets the same answer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    tenant_audit: {
        parameters: {
            query?: {
                /** @description Only this user's events. */
                user_id?: `${string}-${string}-${string}-${string}-${string}`;
                /** @description Only this event (e.g. `login.password`, `account.locked`). */
                event?: components["schemas"]["AuditEvent"];
                /** @description Events at or after this time (RFC 3339, e.g. `2026-11-01T00:00:00Z`). */
                since?: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
                /** @description Events at or before this time (RFC 3339). */
                until?: `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
                /** @description At most this many events (1–500, default 100). */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the tenant's audit trail, newest first; `next_cursor` fetches the next */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description `invalid_limit`, `invalid_id`, `invalid_event`, `invalid_time` or `invalid_cursor` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials`, `invalid_api_key` or `invalid_token`: no credentials, or ones that are not valid; `step_up_required`: a sensitive action by a user whose last sign-in with the second factor is over 10 minutes old */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key belongs to another tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_groups: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant's groups */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupView"][];
                };
            };
            /** @description `missing_credentials` or `invalid_api_key`: no API key, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_group: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateGroup"];
            };
        };
        responses: {
            /** @description The new group */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupView"];
                };
            };
            /** @description `invalid_name` or `invalid_two_factor` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials` or `invalid_api_key`: no API key, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `group_exists` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_group: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
                group_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_path`: an id in the path is not a UUID, or a body that does not fit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials` or `invalid_api_key`: no API key, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `group_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_group: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
                group_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateGroup"];
            };
        };
        responses: {
            /** @description The group as it is after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupView"];
                };
            };
            /** @description `invalid_body`, `invalid_path` or a field's own code: the request does not fit; `message` says which rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials` or `invalid_api_key`: no API key, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `group_not_found` (also a group of another tenant) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `group_exists` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_invitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant's pending invitations, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationView"][];
                };
            };
            /** @description `missing_credentials` or `invalid_api_key`: no API key, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_invitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInvitation"];
            };
        };
        responses: {
            /** @description The invitation; its link went to the user */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationView"];
                };
            };
            /** @description `invalid_email`, `invalid_username` or `invalid_expiry` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials` or `invalid_api_key`: no API key, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` or `group_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `email_taken`, `username_taken`, `public_url_required`, or `sso_required` (with `sso_url`): the tenant signs in through SSO, so nobody is invited to choose a password */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `too_many_messages` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    revoke_invitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
                invitation_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Withdrawn */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_path`: an id in the path is not a UUID, or a body that does not fit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials` or `invalid_api_key`: no API key, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `invitation_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_outbox: {
        parameters: {
            query?: {
                /** @description Only messages in this status. */
                status?: components["schemas"]["OutboxStatus"];
                /** @description At most this many, newest first (1-200, default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant's queued, sent and failed messages (never their codes) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxMessage"][];
                };
            };
            /** @description `invalid_query` or `invalid_limit` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials` or `invalid_api_key`: no API key, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    retry_outbox_message: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
                message_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message, queued again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxMessage"];
                };
            };
            /** @description `invalid_path`: an id in the path is not a UUID, or a body that does not fit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials` or `invalid_api_key`: no API key, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not a failed message, or its code expired */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    preview_settings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTenant"];
            };
        };
        responses: {
            /** @description Who would be asked to set up a second factor, be asked for one, no longer be asked, or lose their methods; up to 20 examples each */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsPreview"];
                };
            };
            /** @description `invalid_body`, `invalid_path` or a field's own code: the request does not fit; `message` says which rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials`, `invalid_api_key` or `invalid_token`: no credentials, or ones that are not valid; `step_up_required`: a sensitive action by a user whose last sign-in with the second factor is over 10 minutes old */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not), or one where a platform key or an owner is needed; `insufficient_scope`: a tenant key without the `admin` scope; `insufficient_role`: a user without the role this needs; `mfa_required`: a user's session that did not pass a second factor; `owner_protected`: an admin acting on an owner's account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist; a user of another tenant gets the same answer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `two_factor_unavailable`: a second factor asked of an SSO tenant */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_sms_budget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The SMS balance and the daily use */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmsBudget"];
                };
            };
            /** @description `missing_credentials` or `invalid_api_key`: no API key, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    top_up_sms_budget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TopUp"];
            };
        };
        responses: {
            /** @description The balance after the top-up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmsBudget"];
                };
            };
            /** @description `invalid_limits` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials` or `invalid_api_key`: no API key, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A tenant key was used */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `invalid_limits`: the budget is unlimited */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_users: {
        parameters: {
            query?: {
                q?: string;
                /** @description `true`: only users locked now; `false`: only users not locked. */
                locked?: boolean;
                /** @description `none`: users with no active second-factor method; `enrolled`: users with one. */
                two_factor?: "none" | "enrolled";
                group?: `${string}-${string}-${string}-${string}-${string}`;
                /** @description Only users holding exactly this role. */
                role?: "admin" | "owner";
                /** @description At most this many users (1-200, default 50). */
                limit?: number;
                after?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the tenant's users; `next_after` fetches the next */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            /** @description `invalid_limit`, `invalid_query` (`q` blank or over 100 characters, an unknown `two_factor`, a `group` that is not an id) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials`, `invalid_api_key` or `invalid_token`: no credentials, or ones that are not valid; `step_up_required`: a sensitive action by a user whose last sign-in with the second factor is over 10 minutes old */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not), or one where a platform key or an owner is needed; `insufficient_scope`: a tenant key without the `admin` scope; `insufficient_role`: a user without the role this needs; `mfa_required`: a user's session that did not pass a second factor; `owner_protected`: an admin acting on an owner's account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist; a user of another tenant gets the same answer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUser"];
            };
        };
        responses: {
            /** @description The new user */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description `invalid_email`, `password_too_short`, `password_too_long`, `password_equals_email`, `invalid_phone_number` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials`, `invalid_api_key` or `invalid_token`: no credentials, or ones that are not valid; `step_up_required`: a sensitive action by a user whose last sign-in with the second factor is over 10 minutes old */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key belongs to another tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `email_taken` or `username_taken` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
                /** @description User id */
                user_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user, with groups and lock state */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description `invalid_path`: an id in the path is not a UUID, or a body that does not fit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials`, `invalid_api_key` or `invalid_token`: no credentials, or ones that are not valid; `step_up_required`: a sensitive action by a user whose last sign-in with the second factor is over 10 minutes old */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not), or one where a platform key or an owner is needed; `insufficient_scope`: a tenant key without the `admin` scope; `insufficient_role`: a user without the role this needs; `mfa_required`: a user's session that did not pass a second factor; `owner_protected`: an admin acting on an owner's account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist; a user of another tenant gets the same answer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deactivate_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
                /** @description User id */
                user_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deactivated */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_path`: an id in the path is not a UUID, or a body that does not fit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials`, `invalid_api_key` or `invalid_token`: no credentials, or ones that are not valid; `step_up_required`: a sensitive action by a user whose last sign-in with the second factor is over 10 minutes old */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not), or one where a platform key or an owner is needed; `insufficient_scope`: a tenant key without the `admin` scope; `insufficient_role`: a user without the role this needs; `mfa_required`: a user's session that did not pass a second factor; `owner_protected`: an admin acting on an owner's account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist; a user of another tenant gets the same answer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `last_owner`: the tenant's last owner cannot be deactivated */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
                /** @description User id */
                user_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUser"];
            };
        };
        responses: {
            /** @description The user as they are after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description `invalid_body`, `invalid_path` or a field's own code: the request does not fit; `message` says which rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials`, `invalid_api_key` or `invalid_token`: no credentials, or ones that are not valid; `step_up_required`: a sensitive action by a user whose last sign-in with the second factor is over 10 minutes old */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not), or one where a platform key or an owner is needed; `insufficient_scope`: a tenant key without the `admin` scope; `insufficient_role`: a user without the role this needs; `mfa_required`: a user's session that did not pass a second factor; `owner_protected`: an admin acting on an owner's account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist; a user of another tenant gets the same answer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `email_taken` or `username_taken`; `last_owner`: deactivating the tenant's last owner */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_user_groups: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
                user_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetGroups"];
            };
        };
        responses: {
            /** @description The user with their new groups */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description `malformed_json` or `invalid_body`: the body is not valid JSON or does not fit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials` or `invalid_api_key`: no API key, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (user) or `group_not_found` (also a group of another tenant) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reset_methods: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
                /** @description User id */
                user_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reset */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_path`: an id in the path is not a UUID, or a body that does not fit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials`, `invalid_api_key` or `invalid_token`: no credentials, or ones that are not valid; `step_up_required`: a sensitive action by a user whose last sign-in with the second factor is over 10 minutes old */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not), or one where a platform key or an owner is needed; `insufficient_scope`: a tenant key without the `admin` scope; `insufficient_role`: a user without the role this needs; `mfa_required`: a user's session that did not pass a second factor; `owner_protected`: an admin acting on an owner's account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist; a user of another tenant gets the same answer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    send_password_reset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
                /** @description User id */
                user_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reset is open; its link is on its way to the user by email */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResetStarted"];
                };
            };
            /** @description `invalid_path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials`, `invalid_api_key` or `invalid_token`: no credentials, or ones that are not valid; `step_up_required`: a sensitive action by a user whose last sign-in with the second factor is over 10 minutes old */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key belongs to another tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such tenant or user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `public_url_required`, `user_inactive` or `invitation_pending` (invite the user again) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `too_many_messages` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    explain_user_policy: {
        parameters: {
            query?: {
                ip?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
                user_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether the user is asked for a second factor, and why */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyExplanation"];
                };
            };
            /** @description `invalid_ip` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials` or `invalid_api_key`: no API key, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_roles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
                /** @description User id */
                user_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetRoles"];
            };
        };
        responses: {
            /** @description The user with their roles */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description `invalid_body`, `invalid_path` or a field's own code: the request does not fit; `message` says which rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials`, `invalid_api_key` or `invalid_token`: no credentials, or ones that are not valid; `step_up_required`: a sensitive action by a user whose last sign-in with the second factor is over 10 minutes old */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not), or one where a platform key or an owner is needed; `insufficient_scope`: a tenant key without the `admin` scope; `insufficient_role`: a user without the role this needs; `mfa_required`: a user's session that did not pass a second factor; `owner_protected`: an admin acting on an owner's account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist; a user of another tenant gets the same answer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `last_owner`: the tenant's last owner cannot be demoted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    unlock_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
                /** @description User id */
                user_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unlocked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_path`: an id in the path is not a UUID, or a body that does not fit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials`, `invalid_api_key` or `invalid_token`: no credentials, or ones that are not valid; `step_up_required`: a sensitive action by a user whose last sign-in with the second factor is over 10 minutes old */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not), or one where a platform key or an owner is needed; `insufficient_scope`: a tenant key without the `admin` scope; `insufficient_role`: a user without the role this needs; `mfa_required`: a user's session that did not pass a second factor; `owner_protected`: an admin acting on an owner's account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist; a user of another tenant gets the same answer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_webhooks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant's webhooks with their last deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookList"];
                };
            };
            /** @description `missing_credentials`, `invalid_api_key` or `invalid_token`: no credentials, or ones that are not valid; `step_up_required`: a sensitive action by a user whose last sign-in with the second factor is over 10 minutes old */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not), or one where a platform key or an owner is needed; `insufficient_scope`: a tenant key without the `admin` scope; `insufficient_role`: a user without the role this needs; `mfa_required`: a user's session that did not pass a second factor; `owner_protected`: an admin acting on an owner's account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist; a user of another tenant gets the same answer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_webhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhook"];
            };
        };
        responses: {
            /** @description The webhook: its signing `secret` is shown this once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhook"];
                };
            };
            /** @description `invalid_webhook_url`, `invalid_event`, `invalid_name` or a malformed body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials`, `invalid_api_key` or `invalid_token`: no credentials, or ones that are not valid; `step_up_required`: a sensitive action by a user whose last sign-in with the second factor is over 10 minutes old */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key belongs to another tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `too_many_webhooks` (10 per tenant) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_webhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug */
                slug: string;
                /** @description The webhook's id */
                webhook_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials`, `invalid_api_key` or `invalid_token`: no credentials, or ones that are not valid; `step_up_required`: a sensitive action by a user whose last sign-in with the second factor is over 10 minutes old */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not), or one where a platform key or an owner is needed; `insufficient_scope`: a tenant key without the `admin` scope; `insufficient_role`: a user without the role this needs; `mfa_required`: a user's session that did not pass a second factor; `owner_protected`: an admin acting on an owner's account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found` (tenant) or `webhook_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    enroll: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description From the `enrollment_required` response */
                challenge_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnrollRequest"];
            };
        };
        responses: {
            /** @description The method being enrolled: a TOTP QR code and secret, where the code went, or the WebAuthn creation options (`webauthn`); confirm it at `/verify` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Enrollment"];
                };
            };
            /** @description `invalid_kind`, `phone_number_required`, `invalid_phone_number`, `invalid_body` (a field of another kind) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such challenge */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_enrolling`: the challenge asks for an existing method; `method_not_allowed`; `webauthn_unavailable`: no relying party a browser accepts (set the tenant's `webauthn_rp_id` or `web_origin`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `challenge_expired` or `challenge_used` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `account_locked` */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `resend_limit_reached`, or `too_many_messages` (the pumping guard) with `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `delivery_failed`: the destination refused the code for good (an invalid number or address): use another method. A gateway failure that Latchkey retries is not an error: the answer is a success with `code_sent: false` and `delivery_error: delivery_delayed` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    switch_method: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The open challenge */
                challenge_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SwitchMethod"];
            };
        };
        responses: {
            /** @description The challenge, now for the chosen method (a code went out for `sms` and `email`; `webauthn` request options for a key) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChallengeState"];
                };
            };
            /** @description `invalid_body`, `invalid_path` or a field's own code: the request does not fit; `message` says which rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `sms_budget_exhausted`: ask your administrator, or use another method */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such challenge or method */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_verifying`; `method_not_allowed`; `no_method`/`webauthn_unavailable` (no key works with the tenant's relying party) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `challenge_expired` or `challenge_used` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `account_locked` */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `resend_too_soon`, `resend_limit_reached` or `too_many_messages` (the pumping guard), with `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `delivery_failed`: the destination refused the code for good (an invalid number or address): use another method. A gateway failure that Latchkey retries is not an error: the answer is a success with `code_sent: false` and `delivery_error: delivery_delayed` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    resend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The open challenge */
                challenge_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new code went out; the earlier ones no longer work */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChallengeState"];
                };
            };
            /** @description `invalid_path`: an id in the path is not a UUID, or a body that does not fit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `sms_budget_exhausted`: ask your administrator, or use another method */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found`: no such challenge */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_resendable` (TOTP) or `no_method_chosen` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `challenge_expired` or `challenge_used` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `account_locked` */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `resend_too_soon`, `resend_limit_reached` or `too_many_messages` (the pumping guard), with `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `delivery_failed`: the destination refused the code for good (an invalid number or address): use another method. A gateway failure that Latchkey retries is not an error: the answer is a success with `code_sent: false` and `delivery_error: delivery_delayed` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    skip_enrollment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description From the `enrollment_suggested` response */
                challenge_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SkipRequest"];
            };
        };
        responses: {
            /** @description Signed in without a second factor (the policy lets the prompt be skipped) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description `invalid_body`, `invalid_path` or a field's own code: the request does not fit; `message` says which rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such challenge */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `enrollment_required` (policy requires a method) or `not_enrolling` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `challenge_expired` or `challenge_used` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `account_locked` */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is serving */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    invitation_info: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token from the invitation link */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the registration page shows: the tenant, the address and whether 2FA may be set up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationInfo"];
                };
            };
            /** @description `invitation_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `invitation_expired`: used, withdrawn or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    accept_invitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token from the invitation link */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInvitation"];
            };
        };
        responses: {
            /** @description The account is active; the answer is that of a login (signed in, or a second factor to set up) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description A password rule (`password_too_short`, `password_too_common`, …), `invalid_kind` or `invalid_phone_number` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `invitation_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `method_not_allowed` or `two_factor_unavailable` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `invitation_expired` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description `status` says what follows: `authenticated` (tokens), `second_factor_required`, `enrollment_required` or `enrollment_suggested` (a challenge) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description Malformed body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `invalid_credentials` (also while a lock caused by wrong passwords is in force) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `sso_required` (with `sso_url`), or `sms_country_not_allowed` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `account_locked` after too many wrong second-factor codes, with `retry_after` and `Retry-After` */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `rate_limited`: too many requests from this address or for this account (`Retry-After`); or `too_many_messages`: the code would exceed the tenant's message caps */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `overloaded`: retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    login_passkey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasskeyLoginRequest"];
            };
        };
        responses: {
            /** @description The challenge and the options for the browser */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasskeyLoginStarted"];
                };
            };
            /** @description Malformed body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `passkey_sign_in_disabled`: the tenant does not offer it (also for an unknown tenant) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `sso_required` (with `sso_url`), or `webauthn_unavailable`: the tenant has no relying party a browser accepts */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `rate_limited`: too many requests from this address (`Retry-After`) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session is revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `missing_credentials` or `invalid_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    me: {
        parameters: {
            query?: never;
            header?: {
                /** @description Expected tenant slug */
                "X-Latchkey-Tenant"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description `missing_credentials` or `invalid_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    my_activity: {
        parameters: {
            query?: {
                /** @description At most this many events (1–500, default 100). */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's recent sign-ins and security events, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description `invalid_limit` or `invalid_cursor` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials` or `invalid_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_devices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's remembered devices */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceView"][];
                };
            };
            /** @description `missing_credentials` or `invalid_token`: no access token, or one that is invalid, expired or of a revoked session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    revoke_device: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The device */
                device_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Forgotten */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_path`: an id in the path is not a UUID, or a body that does not fit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials` or `invalid_token`: no access token, or one that is invalid, expired or of a revoked session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found`: the caller has no such item */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_methods: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's second-factor methods and how many recovery codes are left */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MethodList"];
                };
            };
            /** @description `missing_credentials` or `invalid_token`: no access token, or one that is invalid, expired or of a revoked session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    add_method: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnrollRequest"];
            };
        };
        responses: {
            /** @description The method, pending until confirmed: a TOTP QR code and secret, where the code went, or the WebAuthn creation options (`webauthn`) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Enrollment"];
                };
            };
            /** @description `invalid_kind`, `phone_number_required`, `invalid_phone_number`, `invalid_body` (a field of another kind) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials` or `invalid_token`: no access token, or one that is invalid, expired or of a revoked session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `method_not_allowed`, `two_factor_unavailable` (SSO), `webauthn_unavailable` (no relying party a browser accepts: set the tenant's `webauthn_rp_id` or `web_origin`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `account_locked` */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `too_many_messages` (the pumping guard), with `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `delivery_failed`: the destination refused the code for good (an invalid number or address): use another method. A gateway failure that Latchkey retries is not an error: the answer is a success with `code_sent: false` and `delivery_error: delivery_delayed` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    remove_method: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The method */
                method_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_path`: an id in the path is not a UUID, or a body that does not fit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials` or `invalid_token`: no access token, or one that is invalid, expired or of a revoked session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `second_factor_required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found`: the caller has no such item */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `last_method` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    confirm_method: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The pending method */
                method_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmMethod"];
            };
        };
        responses: {
            /** @description The method, now active */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MethodSummary"];
                };
            };
            /** @description `code_required`, `invalid_body` (both `code` and `credential`, or a `credential` that is not a WebAuthn registration response) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `invalid_code` or `invalid_credential` (the key's registration did not verify: origin, relying party, challenge) or `user_verification_required` (a passkey made without its PIN or fingerprint), with `attempts_remaining`; or a bad token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `second_factor_required`; `authenticator_not_allowed`: the tenant accepts only some models of key (`webauthn_allowed_aaguids`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found`: the caller has no such item */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `already_confirmed`; `wrong_proof`: a code for a key, or a key's answer for a code method; `method_not_allowed`; `webauthn_unavailable`: the tenant's relying party is gone (its `web_origin` or `webauthn_rp_id` was cleared) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `account_locked` */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    make_primary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An active method */
                method_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The method, now the one asked for first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MethodSummary"];
                };
            };
            /** @description `invalid_path`: an id in the path is not a UUID, or a body that does not fit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials` or `invalid_token`: no access token, or one that is invalid, expired or of a revoked session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_found`: the caller has no such item */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `method_not_active` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    change_password: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePassword"];
            };
        };
        responses: {
            /** @description Changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `password_too_short`, `password_too_long`, `password_equals_email`, `password_equals_username` or `password_too_common` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials` or `invalid_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `invalid_current_password` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `account_locked` */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    explain_my_policy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether the caller is asked for a second factor, and why */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyExplanation"];
                };
            };
            /** @description `missing_credentials` or `invalid_token`: no access token, or one that is invalid, expired or of a revoked session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    regenerate_recovery_codes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new recovery codes, shown this once; the old ones no longer work */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodes"];
                };
            };
            /** @description `missing_credentials` or `invalid_token`: no access token, or one that is invalid, expired or of a revoked session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `second_factor_required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `no_method` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    step_up: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A challenge for the signed-in user (a code went out for an SMS or email primary, or `delivery_error` says why not, and the user may switch method): `POST /verify` with it returns a session that passed a second factor */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecondFactorRequired"];
                };
            };
            /** @description `missing_credentials` or `invalid_token`: no access token, or one that is invalid, expired or of a revoked session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `no_method` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `account_locked` */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain; version=0.0.4": string;
                };
            };
            /** @description Missing or unknown key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `forbidden`: a tenant key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    start_reset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartReset"];
            };
        };
        responses: {
            /** @description Always this answer, whether or not the account exists: a code went out if it does */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResetStarted"];
                };
            };
            /** @description `invalid_slug` or a malformed body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `password_reset_disabled`: the tenant's `password_reset` is `admin_only` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `sso_required`: the tenant signs in elsewhere */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `rate_limited`: 30 resets per client address per hour (across instances), with `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    complete_reset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The reset */
                reset_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteReset"];
            };
        };
        responses: {
            /** @description The password is changed; every session of the user ended */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResetDone"];
                };
            };
            /** @description A password rule (`password_too_short`, `password_too_common`, …) or a malformed body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `password_reset_disabled`: the tenant's `password_reset` became `admin_only` since the reset began */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `password_reset_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `password_reset_incomplete`: a proof is missing */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `password_reset_expired` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `overloaded`: retry after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reset_switch_method: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The reset */
                reset_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetSwitchMethod"];
            };
        };
        responses: {
            /** @description A code went out to the chosen method */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResetMethodState"];
                };
            };
            /** @description `invalid_id` or a malformed body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `sms_budget_exhausted`: use another method */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `password_reset_disabled`: the tenant's `password_reset` became `admin_only` since the reset began */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `password_reset_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `password_reset_incomplete`, `already_confirmed`, `method_not_active` (not one of `methods`) or `sms_country_not_allowed` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `password_reset_expired` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `account_locked` */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `resend_too_soon`, `resend_limit_reached` or `too_many_messages`, with `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `delivery_failed`: the destination refused the code for good (an invalid number or address): use another method. A gateway failure that Latchkey retries is not an error: the answer is a success with `code_sent: false` and `delivery_error: delivery_delayed` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reset_second_factor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The reset */
                reset_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetSecondFactor"];
            };
        };
        responses: {
            /** @description `status: new_password_required` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResetProgress"];
                };
            };
            /** @description `code_required`, `invalid_body` (more than one proof, or a `credential` that is not a WebAuthn authentication response) or a malformed body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `invalid_code`, `invalid_credential` or `user_verification_required`, with `attempts_remaining` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `password_reset_disabled`: the tenant's `password_reset` became `admin_only` since the reset began */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `password_reset_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `password_reset_incomplete` (verify the reset code first; no second factor needed; no method chosen), `already_confirmed`, or `wrong_proof` (a code for a key, or a key's answer for a code) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `password_reset_expired` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `account_locked` with `retry_after` (and `Retry-After`) */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    verify_reset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id from `POST /password-reset` */
                reset_id: `${string}-${string}-${string}-${string}-${string}`;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetCode"];
            };
        };
        responses: {
            /** @description The code was right: the next step is the second factor, or the new password */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResetProgress"];
                };
            };
            /** @description `invalid_path` or a malformed body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `invalid_code` with `attempts_remaining` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `password_reset_disabled`: the tenant's `password_reset` became `admin_only` since the reset began */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `password_reset_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `already_confirmed`, or `two_factor_unavailable` (no factor left but the one that carried the code: ask the administrator) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `password_reset_expired`: ended, replaced or older than 15 minutes */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `account_locked` with `retry_after` (and `Retry-After`) */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    readyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is serving and its database accepts writes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The database is unreachable, or has no primary now */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    introspect: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IntrospectRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["IntrospectRequest"];
            };
        };
        responses: {
            /** @description `{"active": true, …}` with the token's claims, or only `{"active": false}` (unknown, expired, revoked or another tenant's) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Introspection"];
                };
            };
            /** @description Malformed body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `missing_credentials` (none, or Basic credentials that are not `<key id>:<key>`) or `invalid_api_key` (also a key sent with another key's id) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description A new access token and a new refresh token; the one sent is retired */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Authenticated"];
                };
            };
            /** @description Malformed body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `invalid_grant`: unknown, expired, used or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyRequest"];
            };
        };
        responses: {
            /** @description `status: authenticated` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description `code_required`; `invalid_body`: more than one of `code`, `recovery_code` and `credential`, a `credential` that is not a WebAuthn response, or `remember_device` with a passkey sign-in (it has no second factor to skip) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `invalid_code` with `attempts_remaining`; `invalid_credential`: the key's answer did not verify (signature, challenge, origin, relying party, a key of another account, a replay, a counter that went back); `user_verification_required`: the key signed without its PIN or fingerprint where one is needed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `authenticator_not_allowed`: a key enrolled at login is of a model the tenant does not accept; `passkey_sign_in_disabled` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such challenge */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `enrollment_incomplete`: enroll a method first; `wrong_proof`: the challenge's method takes the other kind of proof (a code, or a key's answer); `sso_required`; `webauthn_unavailable` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `challenge_expired` or `challenge_used` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `unsupported_media_type`: send JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `account_locked` with `retry_after` (and `Retry-After`) */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `internal_error`: nothing internal is disclosed; the cause is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `database_unavailable`: no database connection came free within the pool's wait; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
