use std::collections::BTreeSet;

use latchkey::store::{migrations, DatabaseTarget, Db};

use crate::helpers::*;

fn versions(tree: &str) -> BTreeSet<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(tree);
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect()
}

#[test]
fn both_migration_trees_have_the_same_versions() {
    let sqlite = versions("sqlite");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, versions("postgres"));
}

/// Every migration's SQL, per version and direction, with the one type name the backends spell
/// differently (BLOB / BYTEA) normalised.
fn sql_of(tree: &str) -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(tree);
    let mut out = Vec::new();
    for version in versions(tree) {
        for file in ["up.sql", "down.sql"] {
            let sql = std::fs::read_to_string(dir.join(&version).join(file)).unwrap();
            out.push((format!("{version}/{file}"), sql.replace("BYTEA", "BLOB")));
        }
    }
    out
}

#[test]
fn both_migration_trees_hold_the_same_sql() {
    let (sqlite, postgres) = (sql_of("sqlite"), sql_of("postgres"));
    assert_eq!(sqlite.len(), postgres.len());
    for ((name, a), (_, b)) in sqlite.iter().zip(&postgres) {
        assert_eq!(a, b, "{name} differs between the SQLite and PostgreSQL trees");
    }
}

#[tokio::test]
async fn the_database_refuses_values_outside_the_closed_sets() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (url, _guard) = test_database(dir.path());
    tokio::task::spawn_blocking(move || -> Result<(), String> {
        use diesel::RunQueryDsl;
        let db = Db::connect(&DatabaseTarget::parse(&url)?, 1).map_err(|e| e.to_string())?;
        let mut conn = db.get().map_err(|e| e.to_string())?;
        migrations::run_pending(&mut conn).map_err(|e| e.to_string())?;
        let insert = |mode: &str| {
            format!(
                "INSERT INTO tenants (id, slug, name, created_at, updated_at, two_factor) \
                 VALUES ('t-{mode}', 's-{mode}', 'n', 0, 0, '{mode}')"
            )
        };
        assert!(diesel::sql_query(insert("prompted")).execute(&mut *conn).is_ok());
        assert!(diesel::sql_query(insert("sometimes")).execute(&mut *conn).is_err(), "CHECK on tenants.two_factor");
        Ok(())
    })
    .await??;
    Ok(())
}

#[tokio::test]
async fn migrations_run_up_down_and_up_again() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (url, _guard) = test_database(dir.path());
    tokio::task::spawn_blocking(move || -> Result<(), String> {
        let db = Db::connect(&DatabaseTarget::parse(&url)?, 1).map_err(|e| e.to_string())?;
        let mut conn = db.get().map_err(|e| e.to_string())?;
        let first = migrations::run_pending(&mut conn).map_err(|e| e.to_string())?;
        migrations::revert_all(&mut conn).map_err(|e| e.to_string())?;
        let second = migrations::run_pending(&mut conn).map_err(|e| e.to_string())?;
        assert_eq!(first, second);
        assert!(migrations::run_pending(&mut conn).map_err(|e| e.to_string())?.is_empty());
        Ok(())
    })
    .await??;
    Ok(())
}

#[tokio::test]
async fn the_bootstrap_admin_key_works_and_no_secret_is_stored_in_plaintext() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    app.user("acme", "alice@example.com").await;
    let tenant_key = app.tenant_key("acme").await;
    let session = app.logged_in("acme", "alice@example.com").await;
    if is_postgres() {
        return Ok(()); // the file scan below is SQLite's; the hashing code is the same on both
    }
    let mut bytes = Vec::new();
    for entry in std::fs::read_dir(app.dir.path())? {
        let path = entry?.path();
        if path.to_string_lossy().contains("latchkey.db") {
            bytes.extend(std::fs::read(path)?);
        }
    }
    let haystack = String::from_utf8_lossy(&bytes);
    assert!(haystack.contains("alice@example.com"), "the scan reads the database");
    for secret in [app.admin_key.as_str(), &tenant_key, PASSWORD, str_of(&session, "refresh_token")] {
        assert!(!haystack.contains(secret), "a secret is stored in plaintext");
    }
    Ok(())
}
