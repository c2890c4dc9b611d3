//! Sessions and the tokens that carry them: issuing a session after a successful login,
//! refresh-token rotation with reuse detection, logout, bearer authentication and
//! RFC 7662 introspection.

use serde::Serialize;
use utoipa::ToSchema;

use super::api_keys::Principal;
use super::views::UserView;
use crate::auth::jwt::{AccessClaims, KeyRing};
use crate::crypto::{hash_token, OpaqueToken, TokenKind};
use crate::domain::{ErrorCode, SessionId, UnixTime};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::refresh_tokens::{self, RefreshToken};
use crate::store::sessions::{self as rows, Session};
use crate::store::tenants::{self, Tenant};
use crate::store::users::{self, User};
use crate::store::{new_id, AnyConnection};

/// Where a request came from, for the session record and the audit trail.
#[derive(Debug, Clone, Default)]
pub struct ClientInfo {
    pub ip: Option<std::net::IpAddr>,
    pub user_agent: Option<String>,
}

/// The body of every successful login, second-factor verification and refresh.
#[derive(Debug, Serialize, ToSchema)]
pub struct Authenticated {
    /// A JWT signed with EdDSA; verify it with the keys at `/.well-known/jwks.json`.
    pub access_token: String,
    #[schema(schema_with = crate::domain::schema::bearer_token_type)]
    pub token_type: String,
    /// Seconds until the access token expires.
    #[schema(example = 900)]
    pub expires_in: i64,
    /// Single-use: each refresh returns a new one and retires the old.
    pub refresh_token: String,
    #[schema(format = Uuid)]
    pub session_id: String,
    pub user: UserView,
    /// With `remember_device: true` at `/verify`: send it with the next `/login` to skip the
    /// second factor on this device. Shown only here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_token: Option<String>,
    /// Things the user should know or fix, e.g. a profile with no phone number.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct Warning {
    pub code: WarningCode,
    pub message: String,
}

/// What a signed-in user should know or fix: a closed set of stable codes.
#[derive(Debug, Clone, Copy, Serialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// The tenant allows SMS codes and the profile has no phone number.
    PhoneNumberMissing,
    /// Two or fewer recovery codes remain.
    RecoveryCodesLow,
    /// A recovery code was just used.
    RecoveryCodeUsed,
    /// The user has a method but no recovery codes.
    NoRecoveryCodes,
    /// The policy is optional or prompted and the user has no second factor.
    NoSecondFactor,
    /// The user's only methods are of a kind the tenant no longer allows.
    MethodNotAllowed,
}

impl Warning {
    pub fn new(code: WarningCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into() }
    }
}

/// An authenticated bearer of an access token.
#[derive(Debug, Clone)]
pub struct AccessContext {
    pub claims: AccessClaims,
    pub session: Session,
    pub user: User,
    pub tenant: Tenant,
}

fn invalid_token() -> AppError {
    AppError::unauthorized(ErrorCode::InvalidToken, "the access token is invalid, expired or revoked")
}

fn new_refresh_token(session_id: &SessionId, now: UnixTime, ttl: i64) -> (OpaqueToken, RefreshToken) {
    let token = OpaqueToken::generate(TokenKind::RefreshToken);
    let row = RefreshToken {
        id: new_id(),
        session_id: session_id.clone(),
        token_hash: token.hash(),
        created_at: now,
        expires_at: now + ttl,
        used_at: None,
    };
    (token, row)
}

fn sign_access_token(
    state: &AppState,
    session: &Session,
    (tenant, user): (&Tenant, &User),
    now: UnixTime,
) -> Result<String, AppError> {
    let claims = AccessClaims {
        iss: state.settings.issuer.clone(),
        sub: session.user_id.to_string(),
        aud: tenant.slug.to_string(),
        exp: (now + state.settings.access_token_ttl_secs).secs(),
        iat: now.secs(),
        jti: new_id(),
        sid: session.id.to_string(),
        tenant: tenant.slug.to_string(),
        amr: session.amr.split(' ').map(str::to_owned).collect(),
        roles: user.role.iter().map(|r| r.as_str().to_owned()).collect(),
    };
    state.keys.signing_ring(now)?.sign(&claims).map_err(AppError::internal)
}

/// Inserts a session and its first refresh token. Call inside a transaction.
pub fn create_session_rows(
    conn: &mut AnyConnection,
    state: &AppState,
    tenant: &Tenant,
    user: &User,
    amr: &[&str],
    client: &ClientInfo,
) -> Result<(Session, OpaqueToken), AppError> {
    let now = state.now();
    let session = Session {
        id: SessionId::new(),
        tenant_id: tenant.id.clone(),
        user_id: user.id.clone(),
        amr: amr.join(" "),
        ip: client.ip.map(|ip| ip.to_string()),
        user_agent: client.user_agent.as_ref().map(|ua| ua.chars().take(512).collect()),
        created_at: now,
        expires_at: now + state.settings.refresh_token_ttl_secs,
        revoked_at: None,
        revoked_reason: None,
    };
    let (refresh, refresh_row) = new_refresh_token(&session.id, now, state.settings.refresh_token_ttl_secs);
    rows::insert(conn, &session)?;
    refresh_tokens::insert(conn, &refresh_row)?;
    let ctx = super::webhooks::EventContext {
        tenant_id: &tenant.id,
        user_id: Some(&user.id),
        detail: Some(&session.amr),
        ip: session.ip.as_deref(),
        user_agent: session.user_agent.as_deref(),
        at: now,
    };
    // The tenant's row says whether anyone listens: no read on the sign-in path when nobody does.
    if tenant.event_webhooks > 0 {
        super::webhooks::emit(conn, crate::domain::WebhookEvent::LoginSucceeded, ctx)?;
    }
    Ok((session, refresh))
}

/// Signs the access token of a session created by `create_session_rows`.
pub fn authenticated(
    state: &AppState,
    session: &Session,
    tenant: &Tenant,
    user: &User,
    refresh: &OpaqueToken,
) -> Result<Authenticated, AppError> {
    Ok(Authenticated {
        access_token: sign_access_token(state, session, (tenant, user), state.now())?,
        token_type: "Bearer".into(),
        expires_in: state.settings.access_token_ttl_secs,
        refresh_token: refresh.reveal().to_owned(),
        session_id: session.id.to_string(),
        user: UserView::new(user, &tenant.slug),
        device_token: None,
        warnings: Vec::new(),
    })
}

/// What a successful rotation hands back; `None` when the token is refused.
type Rotation = Option<(Session, Tenant, User, OpaqueToken)>;

/// Exchanges a refresh token for a new pair. A token presented a second time revokes its
/// whole session: whoever holds a copy (the thief or the user) is logged out.
pub fn refresh(state: &AppState, presented: &str) -> Result<Authenticated, AppError> {
    let now = state.now();
    let ttl = state.settings.refresh_token_ttl_secs;
    let mut conn = state.db.get()?;
    let rotation = state.db.transaction_on(&mut conn, |c| -> Result<Rotation, AppError> {
        let Some(row) = refresh_tokens::find_by_hash(c, &hash_token(presented))? else {
            return Ok(None);
        };
        if row.used_at.is_some() || !refresh_tokens::mark_used(c, &row.id, now)? {
            if rows::revoke(c, &row.session_id, "refresh_token_reuse", now)? {
                tracing::warn!(session_id = %row.session_id, "refresh token reused: session revoked");
            }
            return Ok(None);
        }
        let Some(session) = rows::find(c, &row.session_id)?.filter(|s| s.is_live(now)) else {
            return Ok(None);
        };
        if row.expires_at <= now {
            return Ok(None);
        }
        let user = users::find_in_tenant(c, &session.tenant_id, &session.user_id)?.filter(|u| u.active);
        let tenant = tenants::find_by_id(c, &session.tenant_id)?;
        let (Some(user), Some(tenant)) = (user, tenant) else {
            return Ok(None);
        };
        let (token, next_row) = new_refresh_token(&session.id, now, ttl.min(session.expires_at - now));
        refresh_tokens::insert(c, &next_row)?;
        Ok(Some((session, tenant, user, token)))
    })?;
    drop(conn); // signing may reload keys: never hold two pooled connections at once
    match rotation {
        None => Err(AppError::InvalidGrant),
        Some((session, tenant, user, token)) => authenticated(state, &session, &tenant, &user, &token),
    }
}

/// Verifies an access token and the session behind it (not revoked, user still active).
pub fn authenticate(state: &AppState, token: &str) -> Result<AccessContext, AppError> {
    let now = state.now();
    let kid = KeyRing::kid_of(token).map_err(|_| invalid_token())?;
    let ring = state.keys.ring_for(&kid, now)?;
    let claims = ring.verify(token, &state.settings.issuer, now).map_err(|e| {
        tracing::debug!(reason = %e, "access token refused");
        invalid_token()
    })?;
    let mut conn = state.db.get()?;
    let sid = SessionId::parse(&claims.sid).map_err(|_| invalid_token())?;
    let session = rows::find(&mut conn, &sid)?.filter(|s| s.is_live(now)).ok_or_else(invalid_token)?;
    let tenant = tenants::find_by_id(&mut conn, &session.tenant_id)?.ok_or_else(invalid_token)?;
    if session.user_id.as_str() != claims.sub || tenant.slug.as_str() != claims.tenant {
        return Err(invalid_token());
    }
    let user = users::find_in_tenant(&mut conn, &tenant.id, &session.user_id)?
        .filter(|u| u.active)
        .ok_or_else(invalid_token)?;
    Ok(AccessContext { claims, session, user, tenant })
}

/// Adds factors to a session's method references (after a step-up such as confirming a method).
pub fn add_factors(conn: &mut AnyConnection, session: &Session, factors: &[&str]) -> Result<(), AppError> {
    let mut amr: Vec<&str> = session.amr.split(' ').filter(|a| !a.is_empty()).collect();
    for f in factors {
        if !amr.contains(f) {
            amr.push(f);
        }
    }
    rows::set_amr(conn, &session.id, &amr.join(" "))?;
    Ok(())
}

/// Sensitive changes need a session that passed a second factor.
pub fn require_second_factor(ctx: &AccessContext) -> Result<(), AppError> {
    if ctx.session.amr.split(' ').any(|a| a == "mfa") {
        Ok(())
    } else {
        Err(AppError::Forbidden {
            code: ErrorCode::SecondFactorRequired,
            message: "this needs a session that passed a second factor: log in again with your code".into(),
        })
    }
}

pub fn logout(state: &AppState, ctx: &AccessContext) -> Result<(), AppError> {
    let mut conn = state.db.get()?;
    rows::revoke(&mut conn, &ctx.session.id, "logout", state.now())?;
    Ok(())
}

/// RFC 7662 introspection response. Inactive tokens carry only `active: false`.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct Introspection {
    pub active: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::domain::schema::introspected_token_type)]
    pub token_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = Uuid)]
    pub sub: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aud: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = "uri")]
    pub iss: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exp: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iat: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = Uuid)]
    pub jti: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = Uuid)]
    pub sid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amr: Option<Vec<String>>,
}

pub fn introspect(state: &AppState, principal: &Principal, token: &str) -> Result<Introspection, AppError> {
    let inactive = Introspection::default();
    if token.starts_with(TokenKind::RefreshToken.prefix()) {
        return introspect_refresh(state, principal, token);
    }
    let ctx = match authenticate(state, token) {
        Ok(ctx) => ctx,
        Err(AppError::Unauthorized { .. }) => return Ok(inactive),
        Err(other) => return Err(other),
    };
    if !principal.may_introspect(&ctx.tenant.id) {
        return Ok(inactive);
    }
    let c = ctx.claims;
    Ok(Introspection {
        active: true,
        token_type: Some("access_token".into()),
        username: Some(ctx.user.email.to_string()),
        sub: Some(c.sub),
        aud: Some(c.aud),
        iss: Some(c.iss),
        exp: Some(c.exp),
        iat: Some(c.iat),
        jti: Some(c.jti),
        sid: Some(c.sid),
        tenant: Some(c.tenant),
        amr: Some(c.amr),
    })
}

fn introspect_refresh(state: &AppState, principal: &Principal, token: &str) -> Result<Introspection, AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    let Some(row) = refresh_tokens::find_by_hash(&mut conn, &hash_token(token))? else {
        return Ok(Introspection::default());
    };
    let session = rows::find(&mut conn, &row.session_id)?.filter(|s| s.is_live(now));
    let tenant = match &session {
        Some(s) => tenants::find_by_id(&mut conn, &s.tenant_id)?,
        None => None,
    };
    match (session, tenant) {
        (Some(s), Some(t)) if row.used_at.is_none() && row.expires_at > now && principal.may_introspect(&t.id) => {
            Ok(Introspection {
                active: true,
                token_type: Some("refresh_token".into()),
                sub: Some(s.user_id.to_string()),
                exp: Some(row.expires_at.secs()),
                iat: Some(row.created_at.secs()),
                sid: Some(s.id.to_string()),
                aud: Some(t.slug.to_string()),
                iss: Some(state.settings.issuer.clone()),
                tenant: Some(t.slug.to_string()),
                ..Introspection::default()
            })
        }
        _ => Ok(Introspection::default()),
    }
}
