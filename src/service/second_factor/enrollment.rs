//! Setting up a method: at login inside an enrollment challenge, or self-service with a session.
//! A new method is `pending` until a code proves the user has it.

use serde::Deserialize;
use utoipa::ToSchema;

use super::challenge::{self, ensure_unlocked, phone_for_sms, SecondFactorRequired};
use super::webauthn::registration;
use super::webauthn::wire::CreationOptions;
use super::{new_code_message, tenant_totp_params, Enrollment, MethodSummary, Pending, TotpSetup};
use crate::auth::codes::CODE_TTL_SECS;
use crate::auth::totp;
use crate::clock::rfc3339;
use crate::domain::{
    text, AuditEvent, AuditOutcome, ChallengeId, ChallengePurpose, Email, ErrorCode, MethodId, MethodKind,
    MethodStatus, TenantId, UnixTime, UserId,
};
use crate::error::AppError;
use crate::service::audit;
use crate::service::outbox::Queued;
use crate::service::sessions::{require_second_factor, AccessContext, ClientInfo};
use crate::state::AppState;
use crate::store::challenges;
use crate::store::methods::{self, Method};
use crate::store::tenants::Tenant;
use crate::store::users::User;
use crate::store::AnyConnection;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EnrollRequest {
    #[schema(value_type = MethodKind, example = "totp")]
    pub kind: String,
    /// For `sms`: the number to use. Required when the profile has none; when it has one,
    /// leaving this out confirms the profile's number.
    #[schema(schema_with = crate::domain::schema::phone_or_null)]
    pub phone_number: Option<String>,
    /// For `email`: the address to send codes to; default the profile's email.
    #[schema(schema_with = crate::domain::schema::email_or_null)]
    pub email: Option<String>,
    /// For `webauthn`: what to call the key (up to 64 characters), shown in the method list;
    /// blank means none.
    #[schema(schema_with = crate::domain::schema::method_name_or_null)]
    pub name: Option<String>,
    /// For `webauthn`: `true` makes a passkey (discoverable, user verification required: usable
    /// for passkey sign-in); `false` (default) a second-factor key (user verification preferred).
    pub passkey: Option<bool>,
}

impl EnrollRequest {
    pub fn parse_kind(&self) -> Result<MethodKind, AppError> {
        self.kind
            .parse()
            .map_err(|_| AppError::validation(ErrorCode::InvalidKind, "kind must be totp, sms, email or webauthn"))
    }
}

/// What the user needs next to confirm a new method.
enum Setup {
    /// Nothing to show: a code was (or will be) sent.
    None,
    /// The authenticator app's secret and QR code.
    Totp(TotpSetup),
    /// The options for the browser to create a key with.
    Key(CreationOptions),
}

/// A new pending method, and what the user needs to confirm it. `existing`: the user's methods
/// (a key registered once is not registered again).
fn new_pending_method(
    state: &AppState,
    (tenant, user): (&Tenant, &User),
    req: &EnrollRequest,
    existing: &[Method],
    now: UnixTime,
) -> Result<(Method, Setup), AppError> {
    challenge::refuse_if_sso(tenant)?;
    let kind = req.parse_kind()?;
    challenge::refuse_unless_allowed(tenant, kind)?;
    if req.email.is_some() && kind != MethodKind::Email {
        return Err(AppError::validation(ErrorCode::InvalidBody, "email is only for the email kind"));
    }
    if (req.name.is_some() || req.passkey.is_some()) && kind != MethodKind::Webauthn {
        return Err(AppError::validation(ErrorCode::InvalidBody, "name and passkey are only for the webauthn kind"));
    }
    if req.phone_number.is_some() && kind != MethodKind::Sms {
        return Err(AppError::validation(ErrorCode::InvalidBody, "phone_number is only for sms"));
    }
    let mut method = Method {
        id: MethodId::new(),
        tenant_id: tenant.id.clone(),
        user_id: user.id.clone(),
        kind,
        status: MethodStatus::Pending,
        is_primary: false,
        destination: None,
        totp_secret: None,
        totp_algorithm: None,
        totp_digits: None,
        totp_period: None,
        last_used_step: None,
        code_hash: None,
        code_expires_at: None,
        created_at: now,
        confirmed_at: None,
        follows_profile: false,
        name: None,
        webauthn_state: None,
        credential_id: None,
        credential: None,
        rp_id: None,
        sign_count: None,
        aaguid: None,
        backup_eligible: None,
        backup_state: None,
        transports: None,
        discoverable: None,
        passkey: false,
        last_used_at: None,
    };
    match kind {
        MethodKind::Totp => {
            let params = tenant_totp_params(tenant)?;
            let secret = totp::generate_secret(params);
            let setup = totp::provisioning(&secret, params, &tenant.name, user.email.as_str())?;
            method.totp_secret = Some(state.secrets.seal(method.id.as_str().as_bytes(), &secret)?);
            method.totp_algorithm = Some(params.algorithm.as_str().into());
            let (digits, period) = params.stored();
            method.totp_digits = Some(digits);
            method.totp_period = Some(period);
            let setup = TotpSetup {
                secret: setup.secret_base32,
                otpauth_uri: setup.otpauth_uri,
                qr_png_base64: setup.qr_png_base64,
            };
            Ok((method, Setup::Totp(setup)))
        }
        MethodKind::Sms => {
            method.destination = Some(phone_for_sms(user, req.phone_number.as_deref())?.to_string());
            method.follows_profile = req.phone_number.is_none();
            Ok((method, Setup::None))
        }
        MethodKind::Webauthn => {
            let name = req.name.as_deref().filter(|n| !n.trim().is_empty());
            let name = name.map(|n| text::line(n, 64, ErrorCode::InvalidBody, "name")).transpose()?;
            method.name = name;
            method.passkey = req.passkey.unwrap_or(false);
            let started = registration::start(state, tenant, user, method.passkey, existing)?;
            method.webauthn_state = Some(started.state);
            Ok((method, Setup::Key(CreationOptions(started.options))))
        }
        MethodKind::Email => {
            // The address the codes go to: the profile's, or one the user types; the code
            // sent to it proves it.
            let address = match req.email.as_deref() {
                Some(given) => Email::parse(given)?,
                None => user.email.clone(),
            };
            method.destination = Some(address.to_string());
            Ok((method, Setup::None))
        }
    }
}

/// Enrollment inside a login challenge ("enrollment_required"); `/verify` then confirms it
/// and completes the login. Choosing again replaces the earlier pending choice.
pub fn enroll_at_login(
    state: &AppState,
    challenge_id: &ChallengeId,
    req: EnrollRequest,
    client: &ClientInfo,
) -> Result<Pending<Enrollment>, AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    state.db.transaction_on(&mut conn, |c| {
        let open = challenge::open(c, challenge_id, now)?;
        open.refuse_if_locked(now)?;
        if !open.challenge.purpose.is_enrollment() {
            return Err(AppError::conflict(
                ErrorCode::NotEnrolling,
                "this challenge asks for a code of an existing method",
            ));
        }
        refuse_if_enrolled_since(c, &open.user.id)?;
        if let Some(previous) = open.challenge.method_id.as_ref() {
            if methods::find_for_user(c, &open.user.id, previous)?.is_some_and(|m| !m.is_active()) {
                methods::delete(c, &open.user.id, previous)?;
            }
        }
        let existing = methods::list_for_user(c, &open.user.id)?;
        let (method, setup) = new_pending_method(state, (&open.tenant, &open.user), &req, &existing, now)?;
        methods::insert(c, &method)?;
        challenges::set_method(c, &open.challenge.id, &method.id)?;
        let (message, code_expires_at) = match super::channel_of(method.kind) {
            Some(_) => {
                let (message, expires) = challenge::send_first_code(c, state, &open, &method, now)?;
                (Some(message), Some(rfc3339(expires)))
            }
            None => (None, None),
        };
        let started = Started { method, setup, code_expires_at, message };
        started.audited(c, &open.tenant.id, &open.user.id, client, now)
    })
}

/// "When there is nothing to choose": under `required`, a tenant that allows exactly one kind
/// needing no input from the user (SMS with a number on the profile, or email) gets that method
/// set up at the first login and its code sent at once; the code proves the destination, and
/// `/verify` activates the method. `None` when there is a choice to make or something to type.
#[allow(clippy::too_many_arguments)]
pub fn enroll_the_only_choice(
    c: &mut AnyConnection,
    state: &AppState,
    tenant: &Tenant,
    user: &User,
    kinds: &[MethodKind],
    client: &ClientInfo,
    now: UnixTime,
) -> Result<Option<Pending<SecondFactorRequired>>, AppError> {
    let kind = match kinds {
        [MethodKind::Sms] if user.phone_number.is_some() => MethodKind::Sms,
        [MethodKind::Email] => MethodKind::Email,
        _ => return Ok(None),
    };
    remove_stale_pending(c, &user.id, kind)?;
    let req =
        EnrollRequest { kind: kind.as_str().to_owned(), phone_number: None, email: None, name: None, passkey: None };
    let (method, _) = new_pending_method(state, (tenant, user), &req, &[], now)?;
    methods::insert(c, &method)?;
    let purpose = ChallengePurpose::Enroll;
    let started = challenge::start_challenge(c, state, (tenant, user), &[method], purpose, client, now)?;
    Ok(Some(started))
}

/// Self-service: adds a pending method for the signed-in user; confirm it with a code.
pub fn add_for_self(
    state: &AppState,
    ctx: &AccessContext,
    req: EnrollRequest,
    client: &ClientInfo,
) -> Result<Pending<Enrollment>, AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    state.db.transaction_on(&mut conn, |c| {
        ensure_unlocked(c, &ctx.user, now)?;
        // Adding a method to an account that has one is a sensitive change: it needs a session
        // that passed a second factor (otherwise a stolen password could add its own method).
        if !methods::active_for_user(c, &ctx.user.id)?.is_empty() {
            require_second_factor(ctx)?;
        }
        remove_stale_pending(c, &ctx.user.id, req.parse_kind()?)?;
        let existing = methods::list_for_user(c, &ctx.user.id)?;
        let (method, setup) = new_pending_method(state, (&ctx.tenant, &ctx.user), &req, &existing, now)?;
        methods::insert(c, &method)?;
        let (message, code_expires_at) = match super::channel_of(method.kind) {
            Some(_) => {
                let (message, hash) = new_code_message(c, state, method.id.as_str(), &method, &ctx.tenant, now)?;
                methods::set_pending_code(c, &method.id, &hash, now + CODE_TTL_SECS)?;
                (Some(message), Some(rfc3339(now + CODE_TTL_SECS)))
            }
            None => (None, None),
        };
        let started = Started { method, setup, code_expires_at, message };
        started.audited(c, &ctx.tenant.id, &ctx.user.id, client, now)
    })
}

/// A pending method just created, with what its user needs next.
struct Started {
    method: Method,
    setup: Setup,
    code_expires_at: Option<String>,
    message: Option<Queued>,
}

impl Started {
    /// Records the start of the enrollment and returns the answer and the message to send.
    fn audited(
        self,
        c: &mut AnyConnection,
        tenant_id: &TenantId,
        user_id: &UserId,
        client: &ClientInfo,
        now: UnixTime,
    ) -> Result<Pending<Enrollment>, AppError> {
        let kind = Some(self.method.kind.as_str());
        audit::entry(AuditEvent::EnrollmentStarted, AuditOutcome::Success)
            .tenant(tenant_id)
            .user(user_id)
            .by(client)
            .detail_opt(kind)
            .record(c, now)?;
        let (totp, webauthn) = match self.setup {
            Setup::None => (None, None),
            Setup::Totp(setup) => (Some(setup), None),
            Setup::Key(options) => (None, Some(options)),
        };
        let enrollment = Enrollment {
            method: MethodSummary::of(&self.method),
            totp,
            webauthn,
            code_sent: self.code_expires_at.is_some(),
            code_expires_at: self.code_expires_at,
            delivery_error: None,
            delivery_message: None,
        };
        Ok(Pending::new(enrollment, self.message))
    }
}

/// An enrollment challenge is only for a user with no method: once one exists (enrolled in
/// another challenge or by the user), an old enrollment challenge must not add another.
pub fn refuse_if_enrolled_since(c: &mut AnyConnection, user_id: &UserId) -> Result<(), AppError> {
    // Any active method counts, of an allowed kind or not (see auth::policy).
    if methods::active_for_user(c, user_id)?.is_empty() {
        Ok(())
    } else {
        Err(AppError::gone(ErrorCode::ChallengeExpired, "a method was set up meanwhile: log in again"))
    }
}

/// Unconfirmed methods of the same kind are abandoned attempts: the newest one replaces them.
fn remove_stale_pending(c: &mut AnyConnection, user_id: &UserId, kind: MethodKind) -> Result<(), AppError> {
    for m in methods::list_for_user(c, user_id)? {
        if !m.is_active() && m.kind == kind {
            methods::delete(c, user_id, &m.id)?;
        }
    }
    Ok(())
}
