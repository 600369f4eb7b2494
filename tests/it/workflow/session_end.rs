//! A form posted after its session ended (expired, or signed out in another tab)
//! keeps what was typed: the sign-in page carries it, and signing in again shows
//! the form filled in, saved only when the clerk saves again.

use super::{id_of, office, shown};
use crate::common;

use common::TestApp;
use common::browser::{Answer, Visitor, csrf_of};

/// A post from a page the browser still shows, as a browser sends it: with the
/// page as its Referer.
async fn post_from(who: &Visitor, page: &str, form: &[(&str, &str)]) -> Answer {
    let res = who
        .client
        .post(format!("{}{page}", who.base))
        .header(reqwest::header::REFERER, format!("{}{page}", who.base))
        .form(form)
        .send()
        .await
        .expect("post");
    Answer {
        status: res.status().as_u16(),
        location: None,
        body: common::unescape(&res.text().await.unwrap_or_default()),
    }
}

async fn a_form_posted_after_the_session_ended_comes_back_filled_in_after_signing_in(app: TestApp) {
    let o = office(&app).await;
    let path = format!("/entry/{}/2021", o.term);
    let nv01 = id_of(&o.list, "NV-01");
    let page = o.clerk.get(&path).await.body;
    let version = shown(&page, &format!("ver_{nv01}"));
    // The session ends while the page is open (here: signed out in another tab).
    let out = o.clerk.post("/logout", &[("csrf", &csrf_of(&page))]).await;
    assert_eq!(out.status, 303);
    let audits = app.db.audit_count().await.expect("count");

    let (value, note) = (format!("v_{nv01}"), format!("n_{nv01}"));
    let typed = [
        ("csrf", csrf_of(&page)),
        (value.as_str(), "17".to_string()),
        (note.as_str(), "Số ước tính, chờ báo cáo quý IV".to_string()),
        (&format!("ver_{nv01}"), version),
    ];
    let form: Vec<(&str, &str)> = typed.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let sign_in = post_from(&o.clerk, &path, &form).await;
    assert_eq!(sign_in.status, 401, "{}", sign_in.body);
    assert!(
        sign_in.body.contains("Phiên đăng nhập đã hết hạn")
            && shown(&sign_in.body, "next") == path
            && shown(&sign_in.body, "kept").contains("17"),
        "the sign-in page says why and carries the form: {}",
        sign_in.body
    );
    assert_eq!(app.db.audit_count().await.expect("count"), audits);

    let kept = shown(&sign_in.body, "kept");
    let back = o
        .clerk
        .post(
            "/login",
            &[
                ("csrf", &csrf_of(&sign_in.body)),
                ("username", "vanthu"),
                ("password", "mat-khau-dai-du"),
                ("next", &path),
                ("kept", &kept),
            ],
        )
        .await;
    let body = common::unescape(&back.body);
    assert_eq!(back.status, 200, "{body}");
    assert!(body.contains("Bạn đã đăng nhập lại"), "{body}");
    assert_eq!(shown(&body, &value), "17", "the figure typed is back");
    assert!(
        body.contains("Số ước tính, chờ báo cáo quý IV"),
        "the note too"
    );
    assert_eq!(
        app.db.audit_count().await.expect("count"),
        audits,
        "nothing is saved before the clerk saves again"
    );

    // Saving again, under the new session, stores it.
    let again = [
        ("csrf", csrf_of(&body)),
        (value.as_str(), shown(&body, &value)),
        (&format!("ver_{nv01}"), shown(&body, &format!("ver_{nv01}"))),
    ];
    let again: Vec<(&str, &str)> = again.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let saved = o.clerk.post(&path, &again).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(app.db.audit_count().await.expect("count"), audits + 1);
}

async fn a_post_without_a_session_from_elsewhere_lands_on_the_home_page_after_signing_in(
    app: TestApp,
) {
    let o = office(&app).await;
    let stranger = app.visitor();
    let path = format!("/entry/{}/2021", o.term);
    // No Referer on this site: the page the form came from is unknown.
    let answer = stranger.post(&path, &[("v_1", "5")]).await;
    assert_eq!(answer.status, 401);
    let body = common::unescape(&answer.body);
    assert_eq!(shown(&body, "next"), "/");
    // A new account's password typed when the session ended is not carried.
    let form = [("username", "moi"), ("password", "mat-khau-bi-mat-2026")];
    let answer = stranger.post("/admin/users", &form).await;
    assert_eq!(answer.status, 401);
    let kept = shown(&common::unescape(&answer.body), "kept");
    assert!(
        kept.contains("moi") && !kept.contains("mat-khau-bi-mat"),
        "{kept}"
    );
    assert_eq!(app.db.audit_count().await.expect("count"), 0);
}

on_both_backends!(
    a_form_posted_after_the_session_ended_comes_back_filled_in_after_signing_in,
    a_post_without_a_session_from_elsewhere_lands_on_the_home_page_after_signing_in,
);
