//! "Skip" on the enrollment prompt (policy `prompted`): the login completes with the password
//! alone, and "do not show this again" is remembered on the user until an admin resets it.

use serde::Deserialize;
use utoipa::ToSchema;

use super::challenge;
use crate::auth::policy::{evaluate, Decision};
use crate::domain::{AuditEvent, AuditOutcome, ChallengeId, ChallengePurpose, ErrorCode};
use crate::error::AppError;
use crate::service::login::LoginResponse;
use crate::service::sessions::{self, ClientInfo};
use crate::service::{audit, policy};
use crate::state::AppState;
use crate::store::challenges;
use crate::store::users::{self, UserChanges};

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SkipRequest {
    /// "Do not show this again": the prompt stays away until an admin resets it.
    #[serde(default)]
    pub dont_show_again: bool,
}

pub fn skip(
    state: &AppState,
    challenge_id: &ChallengeId,
    req: SkipRequest,
    client: &ClientInfo,
) -> Result<LoginResponse, AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    let done = state.db.transaction_on(&mut conn, |c| {
        let open = challenge::open(c, challenge_id, now)?;
        open.refuse_if_locked(now)?;
        let required = || {
            AppError::conflict(ErrorCode::EnrollmentRequired, "your organisation requires a second factor: set one up")
        };
        match open.challenge.purpose {
            ChallengePurpose::EnrollSuggested => {}
            ChallengePurpose::Enroll => return Err(required()),
            ChallengePurpose::Verify => {
                return Err(AppError::conflict(ErrorCode::NotEnrolling, "this challenge asks for a code"))
            }
        }
        super::enrollment::refuse_if_enrolled_since(c, &open.user.id)?;
        // Decided again: the policy may have become `required` since the prompt was shown.
        let (facts, _) = policy::gather(c, &open.tenant, &open.user, client.ip, false)?;
        let evaluation = evaluate(&facts);
        match &evaluation.decision {
            Decision::Enroll { dismissible: true, .. } | Decision::Authenticate => {}
            Decision::Enroll { dismissible: false, .. } | Decision::SecondFactor { .. } => return Err(required()),
            Decision::Refuse { .. } => {
                return Err(AppError::SsoRequired { url: open.tenant.sso_url().unwrap_or_default().to_owned() })
            }
        }
        if !challenges::complete(c, &open.challenge.id, now)? {
            return Err(AppError::gone(ErrorCode::ChallengeUsed, "this challenge was already used: log in again"));
        }
        if req.dont_show_again {
            let changes = UserChanges { enrollment_prompt_dismissed: Some(true), ..UserChanges::default() };
            users::update(c, &open.user.id, &changes)?;
        }
        let detail = if req.dont_show_again { "dont_show_again" } else { "this_time" };
        let (tenant, user) = (&open.tenant, &open.user);
        audit::entry(AuditEvent::EnrollmentSkipped, AuditOutcome::Success)
            .tenant(&tenant.id)
            .user(&user.id)
            .by(client)
            .detail(detail)
            .record(c, now)?;
        let warnings = policy::login_warnings(c, tenant, user, &evaluation, &facts)?;
        let (session, refresh) = sessions::create_session_rows(c, state, tenant, user, &["pwd"], client)?;
        Ok((session, refresh, warnings, open))
    })?;
    drop(conn); // signing may reload keys: never hold two pooled connections at once
    let (session, refresh, warnings, open) = done;
    let mut body = sessions::authenticated(state, &session, &open.tenant, &open.user, &refresh)?;
    body.warnings = warnings;
    Ok(LoginResponse::Authenticated(body))
}
