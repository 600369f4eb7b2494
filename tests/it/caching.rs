//! What a browser or a proxy may keep: every answer that depends on a session or a
//! token is `no-store` (Back after signing out on a shared office PC shows nothing
//! private), every answer but the build's assets varies with the cookie, and the
//! assets stay cacheable for everyone.

use crate::common;

use common::TestApp;
use common::browser::Visitor;

/// (Cache-Control, Vary) of a GET by `visitor`.
async fn caching_of(visitor: &Visitor, path: &str) -> (String, String) {
    let res = visitor
        .client
        .get(format!("{}{path}", visitor.base))
        .send()
        .await
        .expect("request");
    let header = |name: &str| {
        res.headers()
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect::<Vec<_>>()
            .join(", ")
    };
    (header("cache-control"), header("vary"))
}

async fn signed_in_pages_and_downloads_are_never_stored_and_public_ones_vary_with_the_cookie(
    app: TestApp,
) {
    let admin = app.admin().await;
    let clerk = app.user(&admin, "vanthu", "editor").await;
    let reader = app.visitor();
    let (term, _) = app.indicators_of(2020).await;
    let personal = [
        "/".to_string(),
        format!("/terms/{term}"),
        format!("/entry/{term}/2021"),
        "/review".to_string(),
        format!("/export/terms/{term}.csv"),
        format!("/api/v1/terms/{term}/indicators"),
    ];
    for path in &personal {
        let (cache, vary) = caching_of(&clerk, path).await;
        assert!(
            cache.contains("no-store"),
            "{path} for a signed-in clerk: Cache-Control {cache:?}"
        );
        assert!(
            vary.to_lowercase().contains("cookie"),
            "{path}: Vary {vary:?}"
        );
    }
    for path in ["/".to_string(), format!("/terms/{term}")] {
        let (cache, vary) = caching_of(&reader, &path).await;
        assert!(
            !cache.contains("no-store"),
            "{path} for a reader is the same for everyone: Cache-Control {cache:?}"
        );
        assert!(
            vary.to_lowercase().contains("cookie"),
            "{path}: Vary {vary:?}"
        );
    }
    let (cache, _) = caching_of(&clerk, "/assets/app.css").await;
    assert!(
        cache.contains("immutable") && !cache.contains("no-store"),
        "the stylesheet is the same for everyone: {cache:?}"
    );
}

async fn after_signing_out_the_old_page_is_not_kept_and_the_old_cookie_opens_nothing(app: TestApp) {
    let admin = app.admin().await;
    let clerk = app.user(&admin, "vanthu", "editor").await;
    let (term, _) = app.indicators_of(2020).await;
    let entry = format!("/entry/{term}/2021");
    let cookie = clerk.cookies();
    assert_eq!(clerk.get(&entry).await.status, 200);
    let home = clerk.get("/").await;
    let out = clerk
        .client
        .post(format!("{}/logout", clerk.base))
        .form(&[("csrf", common::browser::csrf_of(&home.body).as_str())])
        .send()
        .await
        .expect("sign out");
    assert_eq!(out.status().as_u16(), 303);
    assert!(
        out.headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("no-store")),
        "the sign-out answer is personal too"
    );
    // The cookie a shared PC's browser may still hold no longer opens the form.
    let again = app
        .client
        .get(format!("{}{entry}", app.base))
        .header("cookie", cookie)
        .send()
        .await
        .expect("request");
    let status = again.status().as_u16();
    let body = again.text().await.unwrap_or_default();
    assert!(
        status != 200 || !body.contains("vanthu"),
        "the old session still shows the clerk's form ({status})"
    );
}

async fn an_api_answer_to_a_token_is_never_stored(app: TestApp) {
    let token = common::api_token(&app, "robot", "editor").await;
    let (term, _) = app.indicators_of(2020).await;
    let res = app
        .client
        .get(format!("{}/api/v1/terms/{term}/indicators", app.base))
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    assert_eq!(res.status().as_u16(), 200);
    let cache = res
        .headers()
        .get("cache-control")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(cache.contains("no-store"), "Cache-Control {cache:?}");
}

on_both_backends!(
    signed_in_pages_and_downloads_are_never_stored_and_public_ones_vary_with_the_cookie,
    after_signing_out_the_old_page_is_not_kept_and_the_old_cookie_opens_nothing,
    an_api_answer_to_a_token_is_never_stored,
);
