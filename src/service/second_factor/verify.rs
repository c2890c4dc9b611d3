//! `/verify`: the second step of a login. Wrong codes count towards the lockout of the
//! account (every method, every challenge, recovery codes included); a right one completes the
//! challenge exactly once and opens the session.

use serde::Deserialize;
use utoipa::ToSchema;

use super::challenge::{self, OpenChallenge};
use super::check::{check, Attempt, Presented, SentCode, Wrong};
use super::webauthn::{self, wire::CredentialResponse};
use super::{devices, recovery};
use crate::domain::{AuditEvent, AuditOutcome, ChallengeId, ErrorCode, LockReason, MethodKind, UnixTime};
use crate::error::AppError;
use crate::service::audit;
use crate::service::login::LoginResponse;
use crate::service::notices::{self, Notice};
use crate::service::sessions::{self, ClientInfo, Warning, WarningCode};
use crate::state::AppState;
use crate::store::challenges;
use crate::store::methods::{self, Method};
use crate::store::users::{self, User};
use crate::store::AnyConnection;
use webauthn_rs::prelude::{PublicKeyCredential, RegisterPublicKeyCredential};

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VerifyRequest {
    #[schema(schema_with = crate::domain::schema::uuid)]
    pub challenge_id: String,
    /// The code from the app, SMS or email.
    #[schema(example = "123456")]
    pub code: Option<String>,
    /// One of the user's recovery codes, instead of `code`.
    pub recovery_code: Option<String>,
    /// When the challenge's method is `webauthn`: the key's answer, `credential.toJSON()` (an
    /// authentication; while enrolling a key at login, its registration). Send exactly one of
    /// `code`, `recovery_code` and `credential`.
    #[schema(value_type = Option<webauthn::wire::CredentialJson>)]
    pub credential: Option<CredentialResponse>,
    /// Also return a `device_token` that skips the second factor on this device.
    #[serde(default)]
    pub remember_device: bool,
}

impl std::fmt::Debug for VerifyRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VerifyRequest").field("challenge_id", &self.challenge_id).finish_non_exhaustive()
    }
}

/// How the user proved the second factor.
enum Proof {
    Method(Box<Method>),
    RecoveryCode,
}

enum Verdict {
    Passed(Box<Passed>),
    Wrong(Wrong),
    Locked(UnixTime),
}

/// A key's answer, parsed for what the challenge's method expects.
enum KeyAnswer {
    /// A code or recovery code was sent.
    None,
    Assertion(Box<PublicKeyCredential>),
    Registration(Box<RegisterPublicKeyCredential>),
}

impl KeyAnswer {
    /// `credential` must come with a key, and a key must come with `credential` (409 `wrong_proof`
    /// otherwise: the body is valid, the challenge's method takes the other proof).
    fn of(proof: &Proof, credential: Option<&CredentialResponse>) -> Result<Self, AppError> {
        let key = match proof {
            Proof::Method(method) if method.kind == MethodKind::Webauthn => Some(method),
            _ => None,
        };
        match (key, credential) {
            (None, None) => Ok(KeyAnswer::None),
            (Some(_), None) => Err(AppError::conflict(
                ErrorCode::WrongProof,
                "this challenge asks for your security key: send its answer as credential",
            )),
            (None, Some(_)) => Err(AppError::conflict(
                ErrorCode::WrongProof,
                "this challenge asks for a code: send code, or switch to your key (POST /challenges/{id}/method)",
            )),
            (Some(method), Some(credential)) if method.is_active() => {
                Ok(KeyAnswer::Assertion(Box::new(webauthn::assertion::parse(&credential.0)?)))
            }
            (Some(_), Some(credential)) => {
                Ok(KeyAnswer::Registration(Box::new(webauthn::registration::parse(&credential.0)?)))
            }
        }
    }
}

struct Passed {
    open: OpenChallenge,
    session: crate::store::sessions::Session,
    refresh: crate::crypto::OpaqueToken,
    device_token: Option<String>,
    warnings: Vec<Warning>,
}

pub fn verify(state: &AppState, req: VerifyRequest, client: &ClientInfo) -> Result<LoginResponse, AppError> {
    super::check::one_proof(req.code.is_some(), req.recovery_code.is_some(), req.credential.is_some())?;
    let challenge_id = ChallengeId::parse_known(&req.challenge_id)?.ok_or(AppError::not_found("challenge"))?;
    if let Some(credential) = &req.credential {
        if webauthn::passkey_login::is_passkey_login(state, &challenge_id)? {
            if req.remember_device {
                return Err(AppError::validation(
                    ErrorCode::InvalidBody,
                    "a passkey sign-in has no second factor to remember a device for",
                ));
            }
            return webauthn::passkey_login::finish(state, &challenge_id, credential, client);
        }
    }
    let now = state.now();
    let mut conn = state.db.get()?;
    let verdict = state.db.transaction_on(&mut conn, |c| -> Result<Verdict, AppError> {
        let open = challenge::open(c, &challenge_id, now)?;
        // `open` read the lock after taking the user's row lock: a lock set by a concurrent failure
        // (on another challenge, or another process) is seen here.
        if let Some(lock) = &open.lock {
            count_verification("unknown", "locked");
            return Ok(Verdict::Locked(lock.until));
        }
        // A tenant switched to SSO since the challenge opened issues no more sessions here.
        challenge::refuse_if_sso(&open.tenant)?;
        if open.challenge.purpose.is_enrollment() {
            super::enrollment::refuse_if_enrolled_since(c, &open.user.id)?;
        }
        let (ch, user, tenant) = (&open.challenge, &open.user, &open.tenant);
        let proof = proof_asked(c, &open, &req)?;
        let answer = KeyAnswer::of(&proof, req.credential.as_ref())?;
        let active = match &answer {
            KeyAnswer::Assertion(_) => methods::active_for_user(c, &user.id)?,
            _ => Vec::new(),
        };
        let keys = webauthn::assertion::usable(state, tenant, &active);
        let presented = match (&proof, &answer) {
            (Proof::RecoveryCode, _) => Presented::RecoveryCode(req.recovery_code.as_deref().unwrap_or_default()),
            (Proof::Method(_), KeyAnswer::Assertion(response)) => {
                Presented::Assertion { keys: &keys, ceremony: ch.webauthn_state.as_deref(), response }
            }
            (Proof::Method(method), KeyAnswer::Registration(response)) => Presented::Registration { method, response },
            (Proof::Method(method), KeyAnswer::None) => Presented::Code {
                method,
                code: req.code.as_deref().unwrap_or_default(),
                sent: SentCode {
                    context: ch.id.as_str(),
                    hash: ch.code_hash.as_deref(),
                    expires_at: ch.code_expires_at,
                },
            },
        };
        let attempt = Attempt { tenant, user, client, event: AuditEvent::Verify };
        match check(c, state, &attempt, &presented, now)? {
            Err(wrong) => {
                count_verification(presented.kind(), if wrong.outcome.is_locked() { "locked" } else { "invalid" });
                Ok(Verdict::Wrong(wrong))
            }
            Ok(_) => {
                if !challenges::complete(c, &ch.id, now)? {
                    return Err(AppError::gone(
                        ErrorCode::ChallengeUsed,
                        "this challenge was already used: log in again",
                    ));
                }
                if user.failed_second_factor > 0 {
                    users::reset_failures(c, &user.id, LockReason::SecondFactor)?;
                }
                let mut warnings = Vec::new();
                let factor = match &proof {
                    Proof::Method(method) => {
                        if !method.is_active() {
                            methods::activate(c, &user.id, &method.id, now)?;
                            audit::entry(AuditEvent::MethodEnrolled, AuditOutcome::Success)
                                .tenant(&tenant.id)
                                .user(&user.id)
                                .by(client)
                                .detail(method.kind.as_str())
                                .record(c, now)?;
                            let added = Notice::MethodAdded(method.kind);
                            notices::send(c, state, (tenant, user), added, client, now)?;
                        }
                        super::mark_email_proven(c, user, method, now)?;
                        if !tenant.policy.allows(method.kind) {
                            warnings.push(Warning::new(
                                WarningCode::MethodNotAllowed,
                                "your organisation no longer allows this method: set up another one",
                            ));
                        }
                        if method.kind == MethodKind::Sms && user.phone_number.is_none() {
                            warnings.push(Warning::new(
                                WarningCode::PhoneNumberMissing,
                                "your profile has no phone number: ask your administrator to add it",
                            ));
                        }
                        method.kind.amr()
                    }
                    Proof::RecoveryCode => {
                        let left = recovery::remaining(c, &user.id)?;
                        warnings.push(Warning::new(
                            WarningCode::RecoveryCodeUsed,
                            format!(
                                "a recovery code was used; {left} left. Generate a new set if you lost your device"
                            ),
                        ));
                        "otp"
                    }
                };
                let left = recovery::remaining(c, &user.id)?;
                if left == 0 && !matches!(proof, Proof::RecoveryCode) {
                    warnings.push(Warning::new(
                        WarningCode::NoRecoveryCodes,
                        "you have no recovery codes: generate a set and keep it safe",
                    ));
                } else if (1..=2).contains(&left) {
                    warnings.push(Warning::new(
                        WarningCode::RecoveryCodesLow,
                        format!("{left} recovery codes left: generate a new set and keep it safe"),
                    ));
                }
                let device_token =
                    if req.remember_device { devices::remember(c, state, tenant, user, client, now)? } else { None };
                let (session, refresh) =
                    sessions::create_session_rows(c, state, tenant, user, &["pwd", factor, "mfa"], client)?;
                let detail = match &proof {
                    Proof::Method(m) => m.kind.as_str(),
                    Proof::RecoveryCode => "recovery_code",
                };
                count_verification(detail, "success");
                audit::entry(AuditEvent::Verify, AuditOutcome::Success)
                    .tenant(&tenant.id)
                    .user(&user.id)
                    .by(client)
                    .detail(detail)
                    .record(c, now)?;
                Ok(Verdict::Passed(Box::new(Passed { session, refresh, device_token, warnings, open })))
            }
        }
    })?;
    drop(conn); // signing may reload keys: never hold two pooled connections at once
    match verdict {
        Verdict::Locked(until) => Err(AppError::locked_until(until, now)),
        Verdict::Wrong(wrong) => Err(wrong.into_error(now)),
        Verdict::Passed(p) => {
            let mut body = sessions::authenticated(state, &p.session, &p.open.tenant, &p.open.user, &p.refresh)?;
            body.device_token = p.device_token;
            body.warnings = p.warnings;
            Ok(LoginResponse::Authenticated(body))
        }
    }
}

/// `latchkey_second_factor_verifications_total{kind, outcome}`.
fn count_verification(kind: &'static str, outcome: &'static str) {
    metrics::counter!("latchkey_second_factor_verifications_total", "kind" => kind, "outcome" => outcome).increment(1);
}

/// What the challenge asks to be proven: its method (checked by `check::check`), or, at a
/// challenge for an existing factor, a recovery code.
fn proof_asked(c: &mut AnyConnection, open: &OpenChallenge, req: &VerifyRequest) -> Result<Proof, AppError> {
    let user: &User = &open.user;
    let ch = &open.challenge;
    if req.recovery_code.is_some() {
        if ch.purpose.is_enrollment() {
            return Err(AppError::conflict(
                ErrorCode::EnrollmentIncomplete,
                "a recovery code cannot replace enrolling a method",
            ));
        }
        return Ok(Proof::RecoveryCode);
    }
    let method = match ch.method_id.as_ref() {
        Some(id) => methods::find_for_user(c, &user.id, id)?,
        None => None,
    };
    let Some(method) = method else {
        return if ch.purpose.is_enrollment() {
            Err(AppError::conflict(
                ErrorCode::EnrollmentIncomplete,
                "enroll a method first: POST /challenges/{id}/enroll",
            ))
        } else {
            Err(AppError::gone(ErrorCode::ChallengeExpired, "the method of this challenge was removed: log in again"))
        };
    };
    if !method.is_active() {
        // A method being enrolled must be of a kind the tenant (still) allows.
        challenge::refuse_unless_allowed(&open.tenant, method.kind)?;
    }
    Ok(Proof::Method(Box::new(method)))
}
