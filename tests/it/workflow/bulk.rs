//! The leader's review page: filtered by term, year and group, each card with what
//! the figure is weighed against, and several figures approved in one post.

use super::{enter_and_submit, id_of, office, review, save, state_of};
use crate::common;

use common::TestApp;
use common::browser::csrf_of;
use resolution_dashboard::domain::ValueState;

/// Every card anchor the page shows, in order.
fn cards(page: &str) -> Vec<String> {
    page.split("name=\"shown\" value=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

async fn a_leader_approves_many_figures_in_one_post_and_reads_which_could_not_be(app: TestApp) {
    let o = office(&app).await;
    let path = format!("/entry/{}/2021", o.term);
    let ids: Vec<i64> = ["NV-01", "NV-02", "QP-02"]
        .iter()
        .map(|c| id_of(&o.list, c))
        .collect();
    for id in &ids {
        enter_and_submit(&o, *id, "12").await;
    }
    // One figure the leader entered: the separation of duties keeps it back.
    let own = id_of(&o.list, "TK-01");
    assert_eq!(save(&o.leader, &path, own, "5").await.status, 303);
    let csrf = o.leader.csrf().await;
    assert_eq!(
        o.leader
            .post(&format!("{path}/submit"), &[("csrf", &csrf)])
            .await
            .status,
        303
    );

    let page = common::unescape(&o.leader.get("/review").await.body);
    let shown = cards(&page);
    assert_eq!(shown.len(), 4, "{page}");
    assert!(page.contains("Duyệt tất cả 4 số liệu đang hiện"));

    // Nothing ticked: said in words, nothing decided.
    let mut form = vec![("csrf", csrf_of(&page)), ("scope", "picked".to_string())];
    form.extend(shown.iter().map(|c| ("shown", c.clone())));
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let none = o.leader.post("/review/approve", &pairs).await;
    assert_eq!(none.status, 422);
    assert!(common::unescape(&none.body).contains("Chưa chọn số liệu nào"));
    assert_eq!(
        state_of(&app, o.term, ids[0]).await,
        Some(ValueState::Submitted)
    );

    // A card this page never wrote is a tampered form.
    let tampered = o
        .leader
        .post(
            "/review/approve",
            &[
                ("csrf", &csrf_of(&page)),
                ("scope", "picked"),
                ("pick", "card-x"),
            ],
        )
        .await;
    assert!((400..500).contains(&tampered.status), "{}", tampered.status);

    // Everything shown: one post, each decided alone.
    form[1].1 = "all".to_string();
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let answer = o.leader.post("/review/approve", &pairs).await;
    let body = common::unescape(&answer.body);
    assert_eq!(answer.status, 200, "{body}");
    assert!(
        body.contains("Đã duyệt 3 số liệu; 1 số liệu chưa duyệt được"),
        "{body}"
    );
    let own_card = format!("card-{own}-2021");
    let beside = body
        .split(&format!("id=\"{own_card}\""))
        .nth(1)
        .unwrap_or_default();
    assert!(
        beside.contains("không thể tự duyệt"),
        "the reason stands beside its card"
    );
    for id in &ids {
        assert_eq!(
            state_of(&app, o.term, *id).await,
            Some(ValueState::Approved)
        );
    }
    assert_eq!(
        state_of(&app, o.term, own).await,
        Some(ValueState::Submitted)
    );

    // Ticked ones only, and the same post again (Back, resend) decides nothing twice.
    let admin = app.signed_in("quantri", "mat-khau-quan-tri").await;
    let other = app.user(&admin, "lanhdao2", "approver").await;
    let page = other.get("/review").await.body;
    let ticked = [
        ("csrf", csrf_of(&page)),
        ("scope", "picked".to_string()),
        ("pick", own_card.clone()),
        ("back", "year=2021".to_string()),
    ];
    let ticked: Vec<(&str, &str)> = ticked.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let done = other.post("/review/approve", &ticked).await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(
        done.location.as_deref(),
        Some("/review?year=2021&approved=1")
    );
    let again = other.post("/review/approve", &ticked).await;
    assert_eq!(again.status, 409, "already decided: {}", again.body);
    assert!(
        common::unescape(&again.body).contains("không còn chờ duyệt"),
        "a figure decided meanwhile is off the page: the reason stands above it"
    );
    assert_eq!(
        state_of(&app, o.term, own).await,
        Some(ValueState::Approved)
    );
}

async fn the_review_page_filters_and_each_card_shows_the_figure_it_replaces(app: TestApp) {
    let o = office(&app).await;
    let nv = id_of(&o.list, "NV-01");
    enter_and_submit(&o, nv, "10").await;
    assert_eq!(review(&o.leader, nv, "approve", "").await.status, 303);
    enter_and_submit(&o, nv, "12").await;

    let page = common::unescape(&o.leader.get("/review").await.body);
    assert!(page.contains("Số đã duyệt: 10 nhiệm vụ (+20%)"), "{page}");
    assert!(page.contains("vanthu</p>"), "who entered it");

    let filtered = common::unescape(&o.leader.get("/review?year=2021").await.body);
    assert_eq!(cards(&filtered).len(), 1);
    let other_year = common::unescape(&o.leader.get("/review?year=2022").await.body);
    assert_eq!(cards(&other_year).len(), 0);
    assert!(other_year.contains("Đang hiện 0 trong 1 số liệu chờ duyệt."));
    // A filter no page writes is no filter.
    let odd = common::unescape(&o.leader.get("/review?year=abc&term=x").await.body);
    assert_eq!(cards(&odd).len(), 1);
}

on_both_backends!(
    a_leader_approves_many_figures_in_one_post_and_reads_which_could_not_be,
    the_review_page_filters_and_each_card_shows_the_figure_it_replaces,
);
