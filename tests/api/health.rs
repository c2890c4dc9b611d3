use crate::helpers::*;

#[tokio::test]
async fn liveness_and_readiness_answer_ok() -> TestResult {
    let app = spawn_app().await;
    for path in ["/healthz", "/readyz"] {
        let r = app.client.get(app.url(path)).send().await?;
        assert_eq!(r.status(), 200, "{path}");
        let body: serde_json::Value = r.json().await?;
        assert_eq!(body["status"], "ok");
    }
    Ok(())
}

#[tokio::test]
async fn unknown_routes_get_a_json_404() -> TestResult {
    let app = spawn_app().await;
    for path in ["/nope", "/admin/nope"] {
        let r = app.client.get(app.url(path)).send().await?;
        assert_eq!(r.status(), 404);
        let body: serde_json::Value = r.json().await?;
        assert_eq!(body["error"], "not_found");
    }
    Ok(())
}
