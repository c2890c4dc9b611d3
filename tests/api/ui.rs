use crate::helpers::*;

/// `LATCHKEY_UI_DIR` serves a built sign-in app at `/ui/`: its files, and index.html for the
/// app's own pages (the links mailed for invitations and resets), under a strict CSP.
#[tokio::test]
async fn the_sign_in_app_is_served_at_ui_with_its_own_pages() -> TestResult {
    let dir = tempfile::tempdir()?;
    std::fs::write(dir.path().join("index.html"), "<!doctype html><title>app</title>")?;
    std::fs::create_dir(dir.path().join("assets"))?;
    std::fs::write(dir.path().join("assets/app.js"), "console.log(1)")?;
    let ui_dir = dir.path().to_string_lossy().into_owned();
    let app = spawn_app_with(&[("LATCHKEY_UI_DIR", &ui_dir)]).await;

    let r = app.client.get(app.url("/ui/")).send().await?;
    assert_eq!(r.status(), 200);
    let csp = r.headers().get("content-security-policy").map(|v| v.to_str().unwrap_or_default().to_owned());
    assert!(csp.unwrap_or_default().contains("default-src 'self'"));
    assert_eq!(r.headers().get("x-frame-options").map(|v| v.as_bytes().to_vec()), Some(b"DENY".to_vec()));
    assert!(r.text().await?.contains("<title>app</title>"));
    let r = app.client.get(app.url("/ui/assets/app.js")).send().await?;
    assert_eq!(r.text().await?, "console.log(1)");
    // An invitation link's page is the app's.
    let r = app.client.get(app.url("/ui/invitation")).send().await?;
    assert_eq!(r.status(), 200);
    assert!(r.text().await?.contains("<title>app</title>"));
    // The API around it is untouched.
    assert_eq!(app.client.get(app.url("/healthz")).send().await?.status(), 200);
    Ok(())
}

#[tokio::test]
async fn without_ui_dir_there_is_no_app() -> TestResult {
    let app = spawn_app().await;
    let r = app.client.get(app.url("/ui/")).send().await?;
    assert_eq!(r.status(), 404);
    assert_eq!(error_body(r).await["error"], "not_found");
    Ok(())
}
