//! A returned figure stays returned until changed or sent back on purpose, its
//! return reaches the approver's card, and a refused decision is said beside its card.

use super::{enter_and_submit, id_of, office, review, save, shown, state_of};
use crate::common;

use common::TestApp;
use common::browser::csrf_of;
use resolution_dashboard::domain::ValueState;

async fn a_returned_figure_stays_returned_when_the_clerk_saves_the_other_figures(app: TestApp) {
    let o = office(&app).await;
    let (qp, nv) = (id_of(&o.list, "QP-02"), id_of(&o.list, "NV-01"));
    enter_and_submit(&o, qp, "10").await;
    let returned = review(&o.leader, qp, "return", "Thiếu nguồn số liệu").await;
    assert_eq!(returned.status, 303, "{}", returned.body);

    // The clerk saves another figure; the form sends QP-02's row as it shows it.
    let path = format!("/entry/{}/2021", o.term);
    let page = o.clerk.get(&path).await;
    assert!(
        common::unescape(&page.body).contains("Thiếu nguồn số liệu"),
        "the clerk sees why the figure came back"
    );
    let fields = [
        ("csrf".to_string(), csrf_of(&page.body)),
        (format!("v_{qp}"), shown(&page.body, &format!("v_{qp}"))),
        (format!("ver_{qp}"), shown(&page.body, &format!("ver_{qp}"))),
        (format!("q_{qp}"), "exact".to_string()),
        (format!("v_{nv}"), "5".to_string()),
        (format!("ver_{nv}"), "0".to_string()),
    ];
    assert_eq!(fields[1].1, "10", "the form shows the returned figure");
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let saved = o.clerk.post(&path, &pairs).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(state_of(&app, o.term, qp).await, Some(ValueState::Returned));
    assert!(
        common::unescape(&o.clerk.get(&path).await.body).contains("Thiếu nguồn số liệu"),
        "the return comment is still beside the figure"
    );

    // "Gửi duyệt" sends the new draft, not the returned figure nobody looked at again.
    let sent = o
        .clerk
        .post(
            &format!("{path}/submit"),
            &[("csrf", &o.clerk.csrf().await)],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    assert_eq!(
        state_of(&app, o.term, nv).await,
        Some(ValueState::Submitted)
    );
    assert_eq!(state_of(&app, o.term, qp).await, Some(ValueState::Returned));

    // Sent again on purpose with its own button (a small form of its own), it reaches
    // the leader with the earlier comment on its card.
    let page = o.clerk.get(&path).await;
    assert!(
        page.body.contains(&format!("form=\"resubmit-{qp}\"")),
        "the returned row has its own button"
    );
    let again = o
        .clerk
        .post(
            &format!("{path}/resubmit"),
            &[
                ("csrf", &csrf_of(&page.body)),
                ("indicator", &qp.to_string()),
                ("version", &shown(&page.body, "version")),
            ],
        )
        .await;
    assert_eq!(again.status, 303, "{}", again.body);
    assert_eq!(
        state_of(&app, o.term, qp).await,
        Some(ValueState::Submitted)
    );
    let cards = common::unescape(&o.leader.get("/review").await.body);
    assert!(
        cards.contains("Thiếu nguồn số liệu"),
        "the approver's card shows the earlier return"
    );
}

async fn a_changed_returned_figure_becomes_a_draft_again(app: TestApp) {
    let o = office(&app).await;
    let qp = id_of(&o.list, "QP-02");
    enter_and_submit(&o, qp, "10").await;
    assert_eq!(review(&o.leader, qp, "return", "Sai số").await.status, 303);
    let path = format!("/entry/{}/2021", o.term);
    let saved = save(&o.clerk, &path, qp, "11").await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(state_of(&app, o.term, qp).await, Some(ValueState::Draft));
}

async fn a_refused_review_is_said_beside_its_card_and_a_decision_comes_back_to_the_next_card(
    app: TestApp,
) {
    let o = office(&app).await;
    let (qp, nv) = (id_of(&o.list, "QP-02"), id_of(&o.list, "NV-01"));
    enter_and_submit(&o, qp, "10").await;
    enter_and_submit(&o, nv, "4").await;
    let page = o.leader.get("/review").await;
    assert!(
        page.body.contains(&format!("id=\"card-{qp}-2021\"")),
        "each card has its anchor"
    );
    // A return without a comment: refused beside that card, the page says which.
    let refused = review(&o.leader, qp, "return", "").await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused
            .body
            .contains(&format!("id=\"card-{qp}-2021-error\"")),
        "the reason stands beside its card: {}",
        refused.body
    );
    assert!(refused.body.contains(&format!("href=\"#card-{qp}-2021\"")));
    // A decision goes back to the card after it; an anchor the page did not write is
    // left out of the address.
    for (next, place) in [
        (format!("card-{nv}-2021"), format!("#card-{nv}-2021")),
        ("javascript:alert(1)".to_string(), String::new()),
    ] {
        enter_and_submit(&o, qp, if place.is_empty() { "12" } else { "11" }).await;
        let page = o.leader.get("/review").await;
        let answer = o
            .leader
            .post(
                &format!("/review/{qp}/2021"),
                &[
                    ("csrf", csrf_of(&page.body).as_str()),
                    ("decision", "return"),
                    ("comment", "Xem lại"),
                    ("next", next.as_str()),
                ],
            )
            .await;
        assert_eq!(answer.status, 303, "{}", answer.body);
        assert_eq!(
            answer.location.as_deref(),
            Some(format!("/review?done=1{place}").as_str())
        );
    }
}

on_both_backends!(
    a_returned_figure_stays_returned_when_the_clerk_saves_the_other_figures,
    a_changed_returned_figure_becomes_a_draft_again,
    a_refused_review_is_said_beside_its_card_and_a_decision_comes_back_to_the_next_card,
);
