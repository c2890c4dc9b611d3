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
    remembered["device_token"] = json!("lk_device_Qm4Tz8Wc1Ry6Vb3Nx0Ls5Kd9Hf2Jg7Pa4Ue1Io6");
    vec![
        ("authenticated", example("The code was right", authenticated())),
        ("remembered_device", example("With remember_device: true", remembered)),
    ]
}

/// An `ErrorBody`.
pub fn error(code: &str, message: &str, extra: Value) -> Example {
    let mut body = json!({"error": code, "message": message, "request_id": "0f4c8a2e6b1d4c5f9a3e7b2d1c6f8a90"});
    if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
        body.extend(extra.clone());
    }
    example(message, body)
}

/// Named examples of one answer: the operation's path (a POST), its status, the examples.
type Answer = (&'static str, &'static str, Vec<(&'static str, Example)>);

/// Puts the examples above on their answers.
pub struct MediaExamples;

impl utoipa::Modify for MediaExamples {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let locked =
            || error("account_locked", "too many wrong codes: the account is locked", json!({"retry_after": 1800}));
        let answers: Vec<Answer> = vec![
            ("/login", "200", login()),
            (
                "/login",
                "401",
                vec![(
                    "invalid_credentials",
                    error("invalid_credentials", "wrong tenant, identifier or password", json!({})),
                )],
            ),
            ("/login", "423", vec![("account_locked", locked())]),
            ("/verify", "200", verified()),
            (
                "/verify",
                "401",
                vec![(
                    "invalid_code",
                    error("invalid_code", "the code is not right", json!({"attempts_remaining": 3})),
                )],
            ),
            ("/verify", "423", vec![("account_locked", locked())]),
        ];
        for (path, status, examples) in answers {
            let Some(op) = openapi.paths.paths.get_mut(path).and_then(|item| item.post.as_mut()) else { continue };
            let Some(utoipa::openapi::RefOr::T(response)) = op.responses.responses.get_mut(status) else { continue };
            if let Some(content) = response.content.get_mut("application/json") {
                for (name, example) in examples {
                    content.examples.insert(name.to_owned(), utoipa::openapi::RefOr::T(example));
                }
            }
        }
    }
}
