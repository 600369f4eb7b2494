//! The term data kept between requests (src/db/term_cache.rs) is never older than
//! the database: read again at the same data version it costs one query, and a
//! figure approved through another handle on the database — as another server
//! process would — is seen by the very next read.

use crate::common;

use common::{TestApp, by_code};
use resolution_dashboard::db::{Actor, Db, Decision, Figures, Origin, ValueChange};
use resolution_dashboard::domain::{Figure, Period, Qualifier, Role, VnDecimal};
use std::sync::Arc;

async fn figure_2021(db: &Db, term: i64, id: i64, figures: Figures) -> Option<VnDecimal> {
    let data = db
        .term_data_as(term, figures)
        .await
        .expect("read")
        .expect("term");
    data.indicator(resolution_dashboard::domain::IndicatorId::new(id))?
        .values
        .iter()
        .find(|v| v.observation.period == Period::Year(2021))
        .map(|v| v.observation.value)
}

async fn kept_term_data_is_reused_until_any_process_changes_the_record(app: TestApp) {
    let (term, list) = app.indicators_of(2020).await;
    let id = by_code(&list, "QP-02")["id"].as_i64().expect("id");
    let first = app.db.term_data(term).await.expect("read").expect("term");
    let before = app.db.queries_run();
    let again = app.db.term_data(term).await.expect("read").expect("term");
    assert_eq!(app.db.queries_run() - before, 1, "only the version is read");
    assert!(Arc::ptr_eq(&first, &again), "read again instead of kept");
    let working = app
        .db
        .term_data_as(term, Figures::Working)
        .await
        .expect("read")
        .expect("term");
    assert!(
        !Arc::ptr_eq(&first, &working),
        "working figures are kept apart"
    );

    // Another process saves a draft: staff see it at once, readers do not.
    let other = Db::connect(&app.database_url).await.expect("second handle");
    let user_id = other
        .create_user("lanh.dao", "$argon2id$v=19$x", Role::Approver)
        .await
        .expect("user");
    let actor = Actor {
        user_id,
        username: "lanh.dao".into(),
        origin: Origin::Cli,
    };
    let change = ValueChange {
        indicator_id: id,
        period: Period::Year(2021),
        figure: Figure {
            value: VnDecimal::from_i64(37),
            qualifier: Qualifier::Exact,
            note: None,
            source_document: None,
            quote: None,
        },
        expected_version: None,
    };
    other
        .save_values(term, &[change], &actor)
        .await
        .expect("save");
    let draft = Some(VnDecimal::from_i64(37));
    assert_eq!(
        figure_2021(&app.db, term, id, Figures::Working).await,
        draft
    );
    assert_eq!(
        figure_2021(&app.db, term, id, Figures::Approved).await,
        None
    );

    // Approved there: the next read here has it.
    other
        .submit_period(term, Period::Year(2021), &actor)
        .await
        .expect("submit");
    let approver = common::db_actor(&app, "lanhdao", "approver").await;
    other
        .review_value(id, Period::Year(2021), Decision::Approve, None, &approver)
        .await
        .expect("approve");
    assert_eq!(
        figure_2021(&app.db, term, id, Figures::Approved).await,
        draft
    );
    let after = app.db.term_data(term).await.expect("read").expect("term");
    assert!(!Arc::ptr_eq(&first, &after));
    other.close().await;
}

on_both_backends!(kept_term_data_is_reused_until_any_process_changes_the_record);
