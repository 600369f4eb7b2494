//! `copy` moves a whole installation between databases and loses nothing: a round
//! trip SQLite → PostgreSQL (when available) → SQLite gives back the same record.

use crate::common;

use common::{TestApp, by_code, spawn_app};
use resolution_dashboard::db::{Actor, Db, Decision, Figures, Origin, ValueChange};
use resolution_dashboard::domain::{Figure, Period, Qualifier, Role, VnDecimal};

/// Everything a reader or an auditor can see, as comparable text.
async fn record(db: &Db) -> String {
    let mut out = String::new();
    for (term, archived) in db.all_terms().await.expect("terms") {
        out += &format!("{term:?} {archived}\n");
        for figures in [Figures::Approved, Figures::Working] {
            let data = db
                .term_data_as(term.id.get(), figures)
                .await
                .expect("data")
                .expect("term");
            for i in &data.indicators {
                out += &format!("{:?} {:?} {:?}\n", i.definition, i.target, i.values);
                out += &format!(
                    "{:?}\n",
                    db.indicator_history(i.id.get()).await.expect("history")
                );
                out += &format!(
                    "{:?}\n",
                    db.target_history(i.id.get()).await.expect("targets")
                );
            }
        }
    }
    out += &format!("{:?}\n", db.users().await.expect("users"));
    out += &format!("{:?}\n", db.data_version().await.expect("version"));
    out
}

async fn busy_installation(app: &TestApp) {
    let admin = app
        .db
        .create_user("quantri", "$argon2id$v=19$x", Role::Admin)
        .await
        .expect("user");
    let actor = Actor {
        user_id: admin,
        username: "quantri".into(),
        origin: Origin::Form,
    };
    let (term, list) = app.indicators_of(2020).await;
    let id = by_code(&list, "QP-02")["id"].as_i64().expect("id");
    let change = |v: &str| ValueChange {
        indicator_id: id,
        period: Period::Year(2021),
        figure: Figure {
            value: VnDecimal::from_canonical(v).expect("number"),
            qualifier: Qualifier::About,
            note: Some("ghi chú có dấu".into()),
            source_document: None,
            quote: None,
        },
        expected_version: None,
    };
    app.db
        .save_values(term, &[change("1234.567891")], &actor)
        .await
        .expect("save");
    app.db
        .submit_period(term, Period::Year(2021), &actor)
        .await
        .expect("submit");
    app.db
        .review_value(
            id,
            Period::Year(2021),
            Decision::Approve,
            Some("ok"),
            &common::db_actor(app, "lanhdao", "approver").await,
        )
        .await
        .expect("approve");
    app.db
        .save_values(term, &[change("0.1")], &actor)
        .await
        .expect("draft");
    app.db
        .set_term_lock(term, true, &actor)
        .await
        .expect("lock");
}

#[tokio::test]
async fn a_round_trip_through_another_database_loses_nothing() {
    let app = spawn_app().await;
    busy_installation(&app).await;
    let before = record(&app.db).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let middle = match std::env::var("TEST_DATABASE_URL") {
        Ok(admin) => common::fresh_pg_database(&admin).await,
        Err(_) => format!("sqlite://{}/middle.db", dir.path().display()),
    };
    let middle = Db::connect(&middle).await.expect("middle");
    let report = app.db.copy_into(&middle).await.expect("copy out");
    assert!(
        report
            .tables
            .iter()
            .any(|(t, n)| t == "audit_log" && *n >= 4),
        "{report:?}"
    );
    assert_eq!(record(&middle).await, before, "the copy differs");
    let back = Db::connect(&format!("sqlite://{}/back.db", dir.path().display()))
        .await
        .expect("back");
    middle.copy_into(&back).await.expect("copy back");
    assert_eq!(record(&back).await, before, "the round trip differs");
    // Copying into a database that already holds data is refused.
    assert!(app.db.copy_into(&back).await.is_err());
}
