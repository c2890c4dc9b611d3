//! Examples of whole answers, shown at the media level of the document (where OpenAPI 3.1 wants
//! them) for the two calls every sign-in page makes. Redocly's lint checks them against the schemas.

use serde_json::{json, Value};
use utoipa::openapi::example::{Example, ExampleBuilder};

fn example(summary: &str, value: Value) -> Example {
    ExampleBuilder::new().summary(summary).value(Some(value)).build()
}

fn user() -> Value {
    json!({
        "id": "5b8f0c52-3f1e-4f57-9a43-0d1c2b7e9a10",
        "tenant": "acme",
        "email": "alice@example.com",
        "email_verified": true,
        "active": true,
        "two_factor_exempt": false,
        "enrollment_prompt_dismissed": false,
        "roles": [],
        "created_at": "2026-11-02T08:15:00Z",
        "updated_at": "2026-11-20T14:02:11Z"
    })
}

fn authenticated() -> Value {
    json!({
        "status": "authenticated",
        "access_token": "eyJhbGciOiJFZERTQSIsImtpZCI6IjEifQ.eyJzdWIiOiI1YjhmIn0.c2ln",
        "token_type": "Bearer",
        "expires_in": 900,
        "refresh_token": "lk_refresh_Yx3vQ0d2Jm8rTq5LwZp1Nc7Ks4Hb6Gf9Ae2Ud8Rv0Xo",
        "session_id": "a0c3e7d1-6b2f-4e59-8f13-2c9d4b7a1e66",
        "user": user()
    })
}

fn sms_method() -> Value {
    json!({
        "id": "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98",
        "kind": "sms",
        "hint": "+358 ••• •• 67",
        "primary": true,
        "status": "active",
        "created_at": "2026-11-02T08:20:00Z"
    })
}

/// `POST /login`, 200.
pub fn login() -> Vec<(&'static str, Example)> {
    vec![
        (
            "authenticated",
            example("No second factor asked (policy, trusted network or remembered device)", authenticated()),
        ),
        (
            "second_factor_required",
            example(
                "A code went to the primary method",
                json!({
                    "status": "second_factor_required",
                    "challenge_id": "9d1e2f3a-4b5c-4d6e-8f70-81a2b3c4d5e6",
                    "expires_at": "2026-11-25T09:35:00Z",
                    "method": sms_method(),
                    "methods": [sms_method()],
                    "recovery_codes_available": true,
                    "code_sent": true,
                    "resend_available_at": "2026-11-25T09:30:30Z"
                }),
            ),
        ),
        (
            "enrollment_required",
            example(
                "Policy asks for a second factor and the user has none yet",
                json!({
                    "status": "enrollment_required",
                    "challenge_id": "9d1e2f3a-4b5c-4d6e-8f70-81a2b3c4d5e6",
                    "expires_at": "2026-11-25T09:35:00Z",
                    "allowed_kinds": ["totp", "sms", "email"],
                    "phone_number_on_profile": false,
                    "phone_hint": null
                }),
            ),
        ),
    ]
}

/// `POST /verify`, 200.
pub fn verified() -> Vec<(&'static str, Example)> {
    let mut remembered = authenticated();
    remembered["device_token"] = json!("lk_dev_Qm4Tz8Wc1Ry6Vb3Nx0Ls5Kd9Hf2Jg7Pa4Ue1Io6");
    vec![
        ("authenticated", example("The code was right", authenticated())),
        ("remembered_device", example("With remember_device: true", remembered)),
    ]
}

/// `POST /token/refresh`, 200: a new pair.
fn refreshed() -> Vec<(&'static str, Example)> {
    let mut pair = authenticated();
    if let Some(fields) = pair.as_object_mut() {
        fields.remove("status");
    }
    vec![("rotated", example("The old refresh token is retired", pair))]
}

/// `POST /token/introspect`, 200.
fn introspected() -> Vec<(&'static str, Example)> {
    vec![
        (
            "active",
            example(
                "A live access token of the caller's tenant",
                json!({
                    "active": true,
                    "token_type": "access_token",
                    "sub": "5b8f0c52-3f1e-4f57-9a43-0d1c2b7e9a10",
                    "username": "alice@example.com",
                    "aud": "acme",
                    "iss": "https://auth.example.com",
                    "exp": 1795649378,
                    "iat": 1795648478,
                    "jti": "0c9b8a7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d",
                    "sid": "a0c3e7d1-6b2f-4e59-8f13-2c9d4b7a1e66",
                    "tenant": "acme",
                    "amr": ["pwd", "otp", "mfa"]
                }),
            ),
        ),
        ("inactive", example("Unknown, expired, revoked, or another tenant's", json!({"active": false}))),
    ]
}

/// `POST /challenges/{challenge_id}/enroll`, 200.
fn enrolling() -> Vec<(&'static str, Example)> {
    let method = |kind: &str, hint: &str| {
        json!({
            "id": "7e6d5c4b-3a29-4f18-8e07-d6c5b4a39281",
            "kind": kind,
            "hint": hint,
            "primary": true,
            "status": "pending",
            "created_at": "2026-11-25T09:30:05Z"
        })
    };
    vec![
        (
            "totp",
            example(
                "An authenticator app: the QR code (PNG, base64) and the secret to type instead",
                json!({
                    "method": method("totp", "authenticator app"),
                    "code_sent": false,
                    "totp": {
                        "secret": "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
                        "otpauth_uri": "otpauth://totp/Acme%20Clinic:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Acme%20Clinic&algorithm=SHA1&digits=6&period=30",
                        "qr_png_base64": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg=="
                    }
                }),
            ),
        ),
        (
            "sms",
            example(
                "A phone: a code went out",
                json!({
                    "method": method("sms", "+358 ••• •• 67"),
                    "code_sent": true,
                    "code_expires_at": "2026-11-25T09:40:05Z"
                }),
            ),
        ),
        (
            "sms_delayed",
            example(
                "A phone, while the SMS gateway fails in a way Latchkey retries: the code is on its way",
                json!({
                    "method": method("sms", "+358 ••• •• 67"),
                    "code_sent": false,
                    "code_expires_at": "2026-11-25T09:40:05Z",
                    "delivery_error": "delivery_delayed",
                    "delivery_message": "the code is on its way; it may take a minute"
                }),
            ),
        ),
    ]
}

/// `POST /challenges/{challenge_id}/resend`, 200.
fn resent() -> Vec<(&'static str, Example)> {
    vec![(
        "sent",
        example(
            "A new code went out; the next may be asked for in 30 seconds",
            json!({
                "challenge_id": "9d1e2f3a-4b5c-4d6e-8f70-81a2b3c4d5e6",
                "expires_at": "2026-11-25T09:35:00Z",
                "method": sms_method(),
                "code_expires_at": "2026-11-25T09:41:00Z",
                "sends_remaining": 3,
                "resend_available_at": "2026-11-25T09:31:30Z",
                "code_sent": true
            }),
        ),
    )]
}

/// `GET /me`, 200.
fn me() -> Vec<(&'static str, Example)> {
    vec![(
        "signed_in",
        example(
            "After a password and an authenticator app",
            json!({
                "user": user(),
                "session_id": "a0c3e7d1-6b2f-4e59-8f13-2c9d4b7a1e66",
                "amr": ["pwd", "otp", "mfa"],
                "exp": 1795649378
            }),
        ),
    )]
}

/// An `ErrorBody`.
pub fn error(code: &str, message: &str, extra: Value) -> Example {
    let mut body = json!({"error": code, "message": message, "request_id": "0f4c8a2e6b1d4c5f9a3e7b2d1c6f8a90"});
    if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
        body.extend(extra.clone());
    }
    example(message, body)
}

/// Named examples of one answer: the operation (method and path), its status, the examples.
type Answer = (&'static str, &'static str, &'static str, Vec<(&'static str, Example)>);

/// Puts the examples above on their answers.
pub struct MediaExamples;

impl utoipa::Modify for MediaExamples {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let locked =
            || error("account_locked", "too many wrong codes: the account is locked", json!({"retry_after": 1800}));
        let rate_limited = || error("rate_limited", "too many requests: try again later", json!({"retry_after": 12}));
        let answers: Vec<Answer> = vec![
            ("post", "/login", "200", login()),
            (
                "post",
                "/login",
                "401",
                vec![(
                    "invalid_credentials",
                    error("invalid_credentials", "wrong tenant, identifier or password", json!({})),
                )],
            ),
            ("post", "/login", "423", vec![("account_locked", locked())]),
            ("post", "/login", "429", vec![("rate_limited", rate_limited())]),
            (
                "post",
                "/login",
                "503",
                vec![(
                    "overloaded",
                    error("overloaded", "too many logins at once: retry shortly", json!({"retry_after": 1})),
                )],
            ),
            ("post", "/verify", "200", verified()),
            (
                "post",
                "/verify",
                "401",
                vec![(
                    "invalid_code",
                    error("invalid_code", "the code is not right", json!({"attempts_remaining": 3})),
                )],
            ),
            ("post", "/verify", "423", vec![("account_locked", locked())]),
            ("post", "/token/refresh", "200", refreshed()),
            ("post", "/token/introspect", "200", introspected()),
            ("post", "/challenges/{challenge_id}/enroll", "200", enrolling()),
            ("post", "/challenges/{challenge_id}/resend", "200", resent()),
            (
                "post",
                "/challenges/{challenge_id}/resend",
                "429",
                vec![(
                    "resend_too_soon",
                    error(
                        "resend_too_soon",
                        "wait 21 seconds before asking for a new code",
                        json!({"retry_after": 21}),
                    ),
                )],
            ),
            ("get", "/me", "200", me()),
        ];
        for (method, path, status, examples) in answers {
            let Some(item) = openapi.paths.paths.get_mut(path) else { continue };
            let op = if method == "get" { item.get.as_mut() } else { item.post.as_mut() };
            let Some(op) = op else { continue };
            let Some(utoipa::openapi::RefOr::T(response)) = op.responses.responses.get_mut(status) else { continue };
            if let Some(content) = response.content.get_mut("application/json") {
                for (name, example) in examples {
                    content.examples.insert(name.to_owned(), utoipa::openapi::RefOr::T(example));
                }
            }
        }
    }
}
