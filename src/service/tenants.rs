//! Tenants: created and renamed by a platform admin.

use serde::Deserialize;
use utoipa::ToSchema;

use super::views::TenantView;
use crate::auth::validate;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::tenants::{self as rows, Tenant};
use crate::store::{new_id, AnyConnection};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTenant {
    #[schema(example = "acme")]
    pub slug: String,
    #[schema(example = "Acme Clinic")]
    pub name: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateTenant {
    pub name: Option<String>,
}

pub fn create(state: &AppState, input: CreateTenant) -> Result<TenantView, AppError> {
    let slug = input.slug.trim().to_owned();
    validate::tenant_slug(&slug)?;
    let name = validate::tenant_name(&input.name)?;
    let now = state.now();
    let tenant = Tenant {
        id: new_id(),
        slug,
        name,
        created_at: now,
        updated_at: now,
    };
    let mut conn = state.db.get()?;
    match rows::insert(&mut conn, &tenant) {
        Ok(()) => Ok(TenantView::from(&tenant)),
        Err(e) if e.is_unique_violation() => Err(AppError::conflict(
            "tenant_exists",
            "a tenant with this slug exists",
        )),
        Err(e) => Err(e.into()),
    }
}

pub fn list(state: &AppState) -> Result<Vec<TenantView>, AppError> {
    let mut conn = state.db.get()?;
    Ok(rows::list(&mut conn)?
        .iter()
        .map(TenantView::from)
        .collect())
}

pub fn require(conn: &mut AnyConnection, slug: &str) -> Result<Tenant, AppError> {
    rows::find_by_slug(conn, slug)?.ok_or(AppError::NotFound { what: "tenant" })
}

pub fn get(state: &AppState, slug: &str) -> Result<TenantView, AppError> {
    let mut conn = state.db.get()?;
    Ok(TenantView::from(&require(&mut conn, slug)?))
}

pub fn update(state: &AppState, slug: &str, input: UpdateTenant) -> Result<TenantView, AppError> {
    let mut conn = state.db.get()?;
    let mut tenant = require(&mut conn, slug)?;
    if let Some(name) = input.name {
        tenant.name = validate::tenant_name(&name)?;
        tenant.updated_at = state.now();
        rows::rename(&mut conn, &tenant.id, &tenant.name, tenant.updated_at)?;
    }
    Ok(TenantView::from(&tenant))
}
