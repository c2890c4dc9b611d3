//! What each error code means to the person who meets it, and what they can do: the text of the
//! book's error-code page (`latchkey reference error-codes`), kept beside the codes so that a new
//! code cannot be added without it (the match is exhaustive).

use super::ErrorCode;

impl ErrorCode {
    /// The usual HTTP status of an answer with this code.
    pub fn usual_status(self) -> u16 {
        match self {
            // Requests that do not fit
            ErrorCode::MalformedJson => 400,
            ErrorCode::InvalidBody => 400,
            ErrorCode::InvalidPath => 400,
            ErrorCode::InvalidQuery => 400,
            ErrorCode::InvalidCursor => 400,
            ErrorCode::InvalidEvent => 400,
            ErrorCode::InvalidTime => 400,
            ErrorCode::InvalidAuditRetention => 400,
            ErrorCode::InvalidWebhookUrl => 400,
            ErrorCode::WebhookNotFound => 404,
            ErrorCode::TooManyWebhooks => 409,
            ErrorCode::PayloadTooLarge => 413,
            ErrorCode::UnsupportedMediaType => 415,
            ErrorCode::NotFound => 404,
            ErrorCode::HttpMethodNotAllowed => 405,
            ErrorCode::OriginNotAllowed => 400,
            ErrorCode::InvalidId => 400,
            ErrorCode::InvalidSlug => 400,
            ErrorCode::InvalidUsername => 400,
            ErrorCode::InvalidName => 400,
            ErrorCode::InvalidDisplayName => 400,
            ErrorCode::InvalidEmail => 400,
            ErrorCode::InvalidPhoneNumber => 400,
            ErrorCode::InvalidLimit => 400,
            ErrorCode::InvalidKind => 400,
            ErrorCode::InvalidTwoFactor => 400,
            ErrorCode::InvalidTotpAlgorithm => 400,
            ErrorCode::InvalidTotpDigits => 400,
            ErrorCode::InvalidTotpPeriod => 400,
            ErrorCode::InvalidLockoutThreshold => 400,
            ErrorCode::InvalidLockoutDuration => 400,
            ErrorCode::InvalidRememberDeviceDays => 400,
            ErrorCode::InvalidCidr => 400,
            ErrorCode::InvalidIp => 400,
            ErrorCode::InvalidSignIn => 400,
            ErrorCode::InvalidUrl => 400,
            ErrorCode::InvalidAllowedMethods => 400,
            ErrorCode::InvalidPasswordResetMode => 400,
            ErrorCode::PasswordTooShort => 400,
            ErrorCode::PasswordTooLong => 400,
            ErrorCode::PasswordEqualsEmail => 400,
            ErrorCode::PasswordEqualsUsername => 400,
            ErrorCode::PasswordTooCommon => 400,
            ErrorCode::InvalidCurrentPassword => 403,
            ErrorCode::CodeRequired => 400,
            ErrorCode::PhoneNumberRequired => 400,
            // Who is calling
            ErrorCode::MissingCredentials => 401,
            ErrorCode::InvalidCredentials => 401,
            ErrorCode::InvalidToken => 401,
            ErrorCode::InvalidApiKey => 401,
            ErrorCode::InvalidGrant => 401,
            ErrorCode::Forbidden => 403,
            ErrorCode::SecondFactorRequired => 403,
            ErrorCode::InsufficientRole => 403,
            ErrorCode::InsufficientScope => 403,
            ErrorCode::MfaRequired => 403,
            ErrorCode::StepUpRequired => 401,
            ErrorCode::OwnerProtected => 403,
            ErrorCode::LastOwner => 409,
            // Second factor
            ErrorCode::InvalidCode => 401,
            ErrorCode::AccountLocked => 423,
            ErrorCode::InvalidCredential => 401,
            ErrorCode::UserVerificationRequired => 401,
            ErrorCode::AuthenticatorNotAllowed => 403,
            ErrorCode::WebauthnUnavailable => 409,
            ErrorCode::PasskeySignInDisabled => 403,
            ErrorCode::WrongProof => 409,
            ErrorCode::MalformedCredential => 400,
            ErrorCode::LastAdminKey => 409,
            ErrorCode::ChallengeExpired => 410,
            ErrorCode::ChallengeUsed => 410,
            ErrorCode::EnrollmentIncomplete => 409,
            ErrorCode::EnrollmentRequired => 409,
            ErrorCode::NotEnrolling => 409,
            ErrorCode::NotVerifying => 409,
            ErrorCode::NotResendable => 409,
            ErrorCode::NoMethod => 409,
            ErrorCode::NoMethodChosen => 409,
            ErrorCode::MethodNotActive => 409,
            ErrorCode::MethodNotAllowed => 409,
            ErrorCode::AlreadyConfirmed => 409,
            ErrorCode::LastMethod => 409,
            ErrorCode::ResendTooSoon => 429,
            ErrorCode::ResendLimitReached => 429,
            ErrorCode::DeliveryFailed => 502,
            ErrorCode::DeliveryDelayed => 200,
            ErrorCode::TooManyMessages => 429,
            ErrorCode::SmsBudgetExhausted => 402,
            ErrorCode::SmsCountryNotAllowed => 409,
            ErrorCode::InvalidCountry => 400,
            ErrorCode::InvalidWebauthnRpId => 400,
            ErrorCode::InvalidLimits => 400,
            // Policy
            ErrorCode::GroupNotFound => 404,
            ErrorCode::GroupExists => 409,
            ErrorCode::SsoRequired => 409,
            ErrorCode::TwoFactorUnavailable => 409,
            // Admin
            ErrorCode::TenantExists => 409,
            ErrorCode::EmailTaken => 409,
            ErrorCode::UsernameTaken => 409,
            ErrorCode::PublicUrlRequired => 409,
            ErrorCode::InvitationNotFound => 404,
            ErrorCode::InvitationExpired => 410,
            ErrorCode::InvalidExpiry => 400,
            // Password reset
            ErrorCode::PasswordResetDisabled => 403,
            ErrorCode::PasswordResetNotFound => 404,
            ErrorCode::PasswordResetExpired => 410,
            ErrorCode::PasswordResetIncomplete => 409,
            ErrorCode::UserInactive => 409,
            ErrorCode::InvitationPending => 409,
            // The server
            ErrorCode::RateLimited => 429,
            ErrorCode::Overloaded => 503,
            ErrorCode::DatabaseUnavailable => 503,
            ErrorCode::InternalError => 500,
        }
    }

    /// What the code means to whoever meets it (a person at a sign-in page, an administrator, an
    /// integrator), and what to do: one or two plain sentences.
    pub fn meaning(self) -> &'static str {
        match self {
            // Requests that do not fit
            ErrorCode::MalformedJson => {
                "The request body is not valid JSON (a stray comma, an unclosed quote, a body cut short). This is \
                 a fault of the calling program, not of the person using it: its developer should check what it \
                 sends."
            }
            ErrorCode::InvalidBody => {
                "The body is JSON but does not fit this endpoint: a field is missing, has the wrong type, or does \
                 not go with the others; the message names it. Also 409 when retrying an outbox message that is \
                 not a failed one whose code is still valid."
            }
            ErrorCode::InvalidPath => {
                "A value in the URL path has the wrong form, for example a webhook ID that is not a UUID. Check \
                 the URL the program calls."
            }
            ErrorCode::InvalidQuery => {
                "A query-string parameter does not fit, for example an outbox `status` other than queued, \
                 sending, sent, failed or expired. The message names the parameter."
            }
            ErrorCode::InvalidCursor => {
                "The `cursor` is not one this endpoint gave out. Pass the `next_cursor` of the previous page \
                 unchanged, or leave it out to start again from the newest entries."
            }
            ErrorCode::InvalidEvent => {
                "An event name is not one Latchkey knows: the audit filter `event` takes a name such as \
                 login.password, and a webhook's `events` must name at least one known event (or be left out to \
                 get them all)."
            }
            ErrorCode::InvalidTime => {
                "A time in the query (`since` or `until` of the audit trail) is not an RFC 3339 time. Write it \
                 like 2026-11-01T00:00:00Z."
            }
            ErrorCode::InvalidAuditRetention => {
                "The tenant's `audit_retention_days` must be between 1 and 3650. Older audit entries are deleted \
                 once they pass it."
            }
            ErrorCode::InvalidWebhookUrl => {
                "The webhook URL cannot be used: it must start with https://, carry no user name or password, and \
                 point at a public address, not this machine or a private network (unless the operator sets \
                 `LATCHKEY_WEBHOOKS_ALLOW_PRIVATE`). The message says which rule it broke."
            }
            ErrorCode::WebhookNotFound => {
                "The tenant has no webhook with this ID: it was deleted already, or belongs to another tenant. \
                 List the tenant's webhooks to see their IDs."
            }
            ErrorCode::TooManyWebhooks => {
                "The tenant already has the most webhooks allowed (10). Delete one it no longer needs before \
                 registering another; one webhook can receive several events."
            }
            ErrorCode::PayloadTooLarge => {
                "The request body is larger than the server accepts. No Latchkey request needs a large body: \
                 check what the program sends."
            }
            ErrorCode::UnsupportedMediaType => {
                "The request body is not marked as JSON. Send it with the header `Content-Type: application/json`."
            }
            ErrorCode::NotFound => {
                "There is nothing at this address, or the thing it names (a tenant, user, challenge, message) does \
                 not exist or is not visible to the caller. Check the URL and the IDs in it."
            }
            ErrorCode::HttpMethodNotAllowed => {
                "The address is an endpoint, but it does not take this HTTP method (for example GET where it \
                 takes POST). The `Allow` header lists the methods it takes."
            }
            ErrorCode::OriginNotAllowed => {
                "A web page on an origin Latchkey was not told about tried to call it from a browser. The \
                 operator adds the page's origin to `LATCHKEY_CORS_ORIGINS` (or the page calls through its own \
                 server)."
            }
            ErrorCode::InvalidId => {
                "An ID in the request (a user, group, method or challenge ID) is not a valid one: Latchkey's IDs \
                 are UUIDs. Use an ID exactly as Latchkey gave it."
            }
            ErrorCode::InvalidSlug => {
                "The company ID (tenant slug) is not of the right form: 2-63 characters of a-z, 0-9 and '-', not \
                 starting or ending with '-'. Check it for typing mistakes."
            }
            ErrorCode::InvalidUsername => {
                "The username must be 3-64 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or \
                 digit. Choose one of that form."
            }
            ErrorCode::InvalidName => {
                "A name (of a tenant, group or API key, or a webhook's description) is empty, too long, or \
                 contains control or invisible characters. Use a single line of ordinary text."
            }
            ErrorCode::InvalidDisplayName => {
                "The display name is too long (over 200 characters) or contains control or invisible characters. \
                 Use a single line of ordinary text, or leave it blank for none."
            }
            ErrorCode::InvalidEmail => {
                "The email address is not valid. Check it for typing mistakes, such as a missing @ or a space."
            }
            ErrorCode::InvalidPhoneNumber => {
                "The phone number is not valid. Write it in international form with the country code, for \
                 example +358401234567."
            }
            ErrorCode::InvalidLimit => {
                "The `limit` of a list is out of range: 1-200 for users, tenants and outbox messages, 1-500 for \
                 audit entries. Ask for fewer and page through with the next-page value the answer gives."
            }
            ErrorCode::InvalidKind => {
                "A second-factor kind is not one Latchkey knows: it must be `totp`, `sms` or `email` (in \
                 `allowed_methods`, a method's `kind`, or an invitation's `enroll`)."
            }
            ErrorCode::InvalidTwoFactor => {
                "A group's `two_factor` must be `inherit`, `optional`, `prompted` or `required`."
            }
            ErrorCode::InvalidTotpAlgorithm => {
                "The tenant's TOTP algorithm must be SHA1, SHA256 or SHA512. SHA1 is the one every authenticator \
                 app supports."
            }
            ErrorCode::InvalidTotpDigits => {
                "The tenant's TOTP codes must have 6, 7 or 8 digits. Six is the one every authenticator app \
                 supports."
            }
            ErrorCode::InvalidTotpPeriod => {
                "The tenant's TOTP period must be 15-120 seconds. Thirty is the one every authenticator app \
                 supports."
            }
            ErrorCode::InvalidLockoutThreshold => {
                "A lockout threshold is out of range: `second_factor_lockout_threshold` must be 1-100 wrong codes, \
                 `password_lockout_threshold` 1-1000 wrong passwords."
            }
            ErrorCode::InvalidLockoutDuration => {
                "The tenant's `lockout_duration_secs` must be between 60 seconds and 30 days (2592000 seconds)."
            }
            ErrorCode::InvalidRememberDeviceDays => {
                "The tenant's `remember_device_days` must be between 0 (never remember a device) and 365."
            }
            ErrorCode::InvalidCidr => {
                "A network in the list is not a CIDR such as 203.0.113.0/24 or 2001:db8::/32, or the list has \
                 more than 100 networks. The message quotes the entry at fault."
            }
            ErrorCode::InvalidIp => {
                "The `ip` to explain the policy for is not an IPv4 or IPv6 address. Give a single address such as \
                 203.0.113.7, not a network."
            }
            ErrorCode::InvalidSignIn => {
                "The tenant's `sign_in` must be `password` or `sso`, and `sso` needs an `sso_url` where the users sign \
                 in. Set both together."
            }
            ErrorCode::InvalidUrl => {
                "A URL in the tenant's settings is not usable: `sso_url` must be an http(s) URL, `public_url` an \
                 https URL (http only for localhost), and `web_origin` an origin such as https://app.example.com \
                 with no path."
            }
            ErrorCode::InvalidAllowedMethods => {
                "The tenant's `allowed_methods` must name at least one kind (`totp`, `sms` or `email`). To ask for no \
                 second factor at all, set `two_factor` to `off` instead."
            }
            ErrorCode::InvalidPasswordResetMode => {
                "The tenant's `password_reset` must be `self_service`, `self_service_without_second_factor_users` or \
                 `admin_only`."
            }
            ErrorCode::PasswordTooShort => {
                "The new password is too short: it needs at least 8 characters. A few unrelated words make a long \
                 password that is easy to remember."
            }
            ErrorCode::PasswordTooLong => {
                "The new password is too long: it may have at most 256 characters. Choose a shorter one."
            }
            ErrorCode::PasswordEqualsEmail => {
                "The new password is the account's email address, which anyone may know. Choose another password."
            }
            ErrorCode::PasswordEqualsUsername => {
                "The new password is the account's username, which anyone may know. Choose another password."
            }
            ErrorCode::PasswordTooCommon => {
                "The new password is one of the most common passwords, the first ones an attacker tries. Choose \
                 another, such as a few unrelated words."
            }
            ErrorCode::InvalidCurrentPassword => {
                "The current password typed to change the password is not right, so the password was not changed. \
                 Try again; like a wrong password at sign-in, it counts toward locking the account."
            }
            ErrorCode::CodeRequired => {
                "Send exactly one of `code` (from the method) and `recovery_code`: none or both were sent."
            }
            ErrorCode::PhoneNumberRequired => {
                "SMS needs a phone number and the profile has none. Enter the phone number the codes should go to."
            }
            // Who is calling
            ErrorCode::MissingCredentials => {
                "The request carries no credentials, or they are not in a form Latchkey reads. Send \
                 `Authorization: Bearer <token or API key>`; token introspection also takes HTTP Basic of \
                 `<key id>:<key>`."
            }
            ErrorCode::InvalidCredentials => {
                "The company ID, user name or password is wrong (the answer never says which, so that nobody can \
                 find out who has an account). Check them and try again; after too many wrong passwords the \
                 account locks for a while."
            }
            ErrorCode::InvalidToken => {
                "The access token is invalid, expired or revoked (signed out), or belongs to another tenant. Get a \
                 new one with the refresh token, or sign in again."
            }
            ErrorCode::InvalidApiKey => {
                "The API key is not valid: mistyped, revoked, or sent with another key's ID. Check the key, or ask \
                 for a new one."
            }
            ErrorCode::InvalidGrant => {
                "The refresh token is unknown, expired, already used or revoked, so no new tokens were issued. \
                 Sign in again."
            }
            ErrorCode::Forbidden => {
                "The API key may not do this: a tenant key was used on an endpoint for platform admins, or on \
                 another tenant. Use a key that may."
            }
            ErrorCode::InsufficientRole => {
                "Your role does not allow this. Users without a role cannot use the admin API; an `admin` \
                 manages users, an `owner` also the tenant's security settings, API keys and roles. Ask an owner."
            }
            ErrorCode::InsufficientScope => {
                "This tenant API key may only check tokens (`scopes: [\"introspect\"]`). Create a key with \
                 `scopes: [\"introspect\", \"admin\"]` for the admin API."
            }
            ErrorCode::MfaRequired => {
                "Administrators must sign in with a second factor, and this session did not (it may be older \
                 than the role). Sign in again: the second factor will be asked."
            }
            ErrorCode::StepUpRequired => {
                "This action needs a sign-in with the second factor in the last 10 minutes (a refresh does not \
                 count). Confirm it with `POST /me/step-up` and `/verify`, then use the new access token."
            }
            ErrorCode::OwnerProtected => {
                "An admin may not change an owner's account (second factor, reset link, deactivation, email or \
                 phone). Ask an owner."
            }
            ErrorCode::LastOwner => {
                "This is the tenant's last owner: it cannot be demoted, deactivated or deleted. Make another user \
                 an owner first."
            }
            ErrorCode::SecondFactorRequired => {
                "This change needs a session that passed a second factor, and this one did not. Confirm with a \
                 code first (`POST /me/step-up`), or sign in again with your code, then retry."
            }
            // Second factor
            ErrorCode::InvalidCode => {
                "The code is wrong or has expired. Check it (a new one from the app, or the latest message) and \
                 try again; `attempts_remaining` says how many wrong codes are left before the account locks. \
                 (In a password reset the answer does not say.)"
            }
            ErrorCode::InvalidCredential => {
                "The security key's or passkey's answer did not verify: a signature, origin or challenge that does \
                 not match, a key of another account, a replayed answer or a counter that went back. Try again \
                 with the key; at a second-factor step `attempts_remaining` says how many failures are left \
                 before the account locks."
            }
            ErrorCode::UserVerificationRequired => {
                "The key signed without checking who holds it. Set a PIN (or fingerprint) on the key, or use \
                 another one, and try again."
            }
            ErrorCode::AuthenticatorNotAllowed => {
                "Your organisation accepts only some models of security key (`webauthn_allowed_aaguids`), and \
                 this one is not among them. Use an approved key."
            }
            ErrorCode::WebauthnUnavailable => {
                "Security keys and passkeys need a relying party that is a domain name: set the tenant's \
                 `webauthn_rp_id` (or `web_origin`), or serve Latchkey under a domain name \
                 (`LATCHKEY_ISSUER`), such as http://localhost:8080."
            }
            ErrorCode::PasskeySignInDisabled => {
                "This organisation does not let its users sign in with a passkey alone (`passkey_sign_in`). Sign \
                 in with your password."
            }
            ErrorCode::MalformedCredential => {
                "`credential` is shaped like the browser's `credential.toJSON()` but does not read as a WebAuthn \
                 response (its base64url, CBOR or client data). Send what the browser returned, unchanged."
            }
            ErrorCode::LastAdminKey => {
                "This is the platform's last live admin key: revoking it would leave nobody able to manage \
                 tenants. Create another first (`latchkey admin-key create`, or `POST` with a second key), then \
                 revoke this one."
            }
            ErrorCode::WrongProof => {
                "The method in play takes another kind of proof: a `code` for an authenticator app, SMS or \
                 email, a key's answer (`credential`) for a security key or passkey. Send that one, or switch \
                 method."
            }
            ErrorCode::AccountLocked => {
                "The account is locked for a while after too many wrong codes (or passwords). Wait: `retry_after` \
                 and the `Retry-After` header give the seconds left. An administrator can unlock it sooner."
            }
            ErrorCode::ChallengeExpired => {
                "The sign-in step has expired, or changed meanwhile (its method was removed, or a method was set \
                 up elsewhere). Sign in again from the start."
            }
            ErrorCode::ChallengeUsed => {
                "This sign-in step was already completed, perhaps in another tab or by a second click. Sign in \
                 again if you are not signed in."
            }
            ErrorCode::EnrollmentIncomplete => {
                "A second-factor method has to be set up before a code can be checked here, and a recovery code \
                 cannot stand in for one. Choose a method and set it up first."
            }
            ErrorCode::EnrollmentRequired => {
                "Your organisation requires a second factor, so this step cannot be skipped. Set up a method (an \
                 authenticator app, SMS or email) to continue."
            }
            ErrorCode::NotEnrolling => {
                "This sign-in step asks for a code of a method you already have, not for setting up a new one \
                 (nor can it be skipped). Enter the code instead."
            }
            ErrorCode::NotVerifying => {
                "This sign-in step is for setting up a method, so there is no other method to switch to. Set up a \
                 method instead."
            }
            ErrorCode::NotResendable => {
                "Authenticator app codes are not sent: they are shown in the app. Open the app and enter the code \
                 it shows now."
            }
            ErrorCode::NoMethod => {
                "There is no active second-factor method for this (confirming a session, or making recovery \
                 codes). Set up and confirm a method first."
            }
            ErrorCode::NoMethodChosen => {
                "This sign-in step has no method yet, so no code can be sent. Set up a method first."
            }
            ErrorCode::MethodNotActive => {
                "The method cannot be used for this: it is not confirmed yet (confirm it with a code before making \
                 it primary), or in a password reset it is not one of the offered `methods`."
            }
            ErrorCode::MethodNotAllowed => {
                "Your organisation does not allow this kind of second factor. Choose another of the kinds it \
                 offers."
            }
            ErrorCode::AlreadyConfirmed => {
                "This was already done: the method is already confirmed, or this reset's code or second factor was \
                 already proven. Go on to the next step."
            }
            ErrorCode::LastMethod => {
                "Your organisation requires a second factor and this is your only method, so it cannot be removed. \
                 Add another method first, then remove this one."
            }
            ErrorCode::ResendTooSoon => {
                "A code was sent moments ago; a new one can be asked for 30 seconds after the last. Wait the \
                 seconds in `retry_after` (and `Retry-After`), and check for the first code meanwhile."
            }
            ErrorCode::ResendLimitReached => {
                "No more codes can be sent for this sign-in (or reset): five is the most. Start again (sign in, or \
                 a new reset), or use another method."
            }
            ErrorCode::DeliveryFailed => {
                "The code could not be delivered to this destination and will not be (an invalid number or \
                 address). Use another method, or correct the number or address. Also the `delivery_error` of an \
                 answer with `code_sent: false`."
            }
            ErrorCode::DeliveryDelayed => {
                "Not an error: the code is on its way but late, as the message gateway failed for a moment and \
                 Latchkey keeps retrying. It is the `delivery_error` of a successful answer with `code_sent: \
                 false`. Wait a minute before asking for another code."
            }
            ErrorCode::TooManyMessages => {
                "Too many codes were sent to this user, number or organisation in a short time, so no more are \
                 sent for now (a guard against abuse). Wait the seconds in `Retry-After`, or use another method."
            }
            ErrorCode::SmsBudgetExhausted => {
                "Your organisation's SMS budget is used up, so no code can be sent by SMS. Use another method, or \
                 ask your administrator. Also the `delivery_error` of a sign-in answer, with your other methods \
                 offered."
            }
            ErrorCode::SmsCountryNotAllowed => {
                "Your organisation does not send SMS to this phone number's country. Use another method, or a \
                 number in a country it allows."
            }
            ErrorCode::InvalidWebauthnRpId => {
                "`webauthn_rp_id` must be a domain name (not an IP address), and every origin in \
                 `webauthn_origins` must be on that domain or under it. Fix the setting and send it again."
            }
            ErrorCode::InvalidCountry => {
                "An entry of `sms_allowed_countries` is not an ISO 3166 alpha-2 country code. Use two capital \
                 letters, such as FI or SE."
            }
            ErrorCode::InvalidLimits => {
                "A number limit is out of range: message limits 1-1000000, `sms_budget` 0 or more (or null), a \
                 top-up 1-1000000. Also 409 when topping up a tenant whose SMS budget is unlimited: set \
                 `sms_budget` first."
            }
            // Policy
            ErrorCode::GroupNotFound => {
                "The tenant has no group with this ID (it was deleted, or belongs to another tenant). List the \
                 tenant's groups to see their IDs."
            }
            ErrorCode::GroupExists => {
                "The tenant already has a group with this name. Choose another name, or change the existing group."
            }
            ErrorCode::SsoRequired => {
                "Your organisation signs in through single sign-on, not a Latchkey password. Continue at `sso_url`. \
                 For an administrator: users of such a tenant cannot be invited or sent a password reset."
            }
            ErrorCode::TwoFactorUnavailable => {
                "A second factor is not available here: the organisation signs in through SSO (set `two_factor` \
                 to `off`), or in a password reset no factor is left but the one that got the code. Ask your \
                 administrator."
            }
            // Admin
            ErrorCode::TenantExists => {
                "A tenant with this slug exists already. Choose another slug; slugs are unique across the server."
            }
            ErrorCode::EmailTaken => {
                "Another user of the tenant has this email address (or it was invited a moment ago). Use another \
                 address, or find the existing user or pending invitation."
            }
            ErrorCode::UsernameTaken => "Another user of the tenant has this username. Choose another one.",
            ErrorCode::PublicUrlRequired => {
                "The tenant has no `public_url` (where its users sign in), which the links in invitations and \
                 password resets need. Set it on the tenant, then try again."
            }
            ErrorCode::InvitationNotFound => {
                "There is no such invitation: the link is mistyped or incomplete. Open the link from the email \
                 exactly, or ask your administrator for a new invitation."
            }
            ErrorCode::InvitationExpired => {
                "This invitation has expired, was already used, or was withdrawn. If you have not made your \
                 account yet, ask your administrator for a new invitation."
            }
            ErrorCode::InvalidExpiry => "An invitation's `expires_in_days` must be between 1 and 30.",
            // Password reset
            ErrorCode::PasswordResetDisabled => {
                "Your organisation lets only an administrator reset passwords. Ask your administrator to send you \
                 a reset link."
            }
            ErrorCode::PasswordResetNotFound => {
                "There is no such password reset: the link or ID is mistyped or incomplete. Open the link exactly, \
                 or start a new reset."
            }
            ErrorCode::PasswordResetExpired => {
                "This password reset has ended: it was finished, replaced by a newer one, or is older than 15 \
                 minutes. Start a new reset."
            }
            ErrorCode::PasswordResetIncomplete => {
                "A step of the password reset is missing or out of order, for example a new password before the \
                 code is verified. The message says which step comes next."
            }
            ErrorCode::UserInactive => {
                "The user is deactivated, so no password reset is sent. Activate the user first."
            }
            ErrorCode::InvitationPending => {
                "The user has not accepted their invitation yet, so there is no password to reset. Invite them \
                 again instead."
            }
            // The server
            ErrorCode::RateLimited => {
                "Too many requests came from this address or for this account in a short time. Wait the seconds in \
                 `retry_after` (and `Retry-After`), then try again."
            }
            ErrorCode::Overloaded => {
                "The server is busy checking passwords right now. Try again in a moment (`retry_after`, \
                 `Retry-After`); if it keeps happening, the operator should add capacity."
            }
            ErrorCode::DatabaseUnavailable => {
                "The database did not answer in time: no connection came free within the pool's 10 s wait, or \
                 the readiness check (`GET /readyz`) could not reach it. Retry after `Retry-After`; if it lasts, \
                 the operator checks the database, the connection to it and `LATCHKEY_DB_POOL_SIZE`."
            }
            ErrorCode::InternalError => {
                "Something went wrong in the server, not in the request. Try again later; if it persists, give the \
                 operator the `request_id` so they can find the cause in the logs."
            }
        }
    }
}
