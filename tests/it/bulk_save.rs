//! A save of many values at once (an import) reads what it checks in bulk; it must
//! decide exactly as a save of one value does: unknown indicators, stale versions,
//! unchanged values and the same value twice, all or nothing.

use crate::common;

use common::TestApp;
use resolution_dashboard::db::{Actor, Figures, Origin, ValueChange, WriteError};
use resolution_dashboard::domain::{Figure, Period, Qualifier, Role, VnDecimal};

async fn clerk(app: &TestApp) -> Actor {
    let user_id = app
        .db
        .create_user("nhap.lieu", "$argon2id$v=19$x", Role::Editor)
        .await
        .expect("user");
    Actor {
        user_id,
        username: "nhap.lieu".into(),
        origin: Origin::Import,
    }
}

fn change(indicator_id: i64, year: i32, n: i64) -> ValueChange {
    ValueChange {
        indicator_id,
        period: Period::Year(year),
        figure: Figure {
            value: VnDecimal::from_i64(n),
            qualifier: Qualifier::Exact,
            note: None,
            source_document: None,
            quote: None,
        },
        expected_version: None,
    }
}

/// The stored working value and version of one indicator and year.
async fn stored(app: &TestApp, term: i64, id: i64, year: i32) -> Option<(VnDecimal, i64)> {
    let data = app
        .db
        .term_data_as(term, Figures::Working)
        .await
        .expect("read")
        .expect("term");
    let indicator = data.indicators.iter().find(|i| i.id.get() == id)?;
    indicator
        .values
        .iter()
        .find(|v| v.observation.period == Period::Year(year))
        .map(|v| (v.observation.value, v.version))
}

async fn a_save_of_many_values_decides_each_as_a_save_of_one_would(app: TestApp) {
    let actor = clerk(&app).await;
    let (term, list) = app.indicators_of(2020).await;
    let ids: Vec<i64> = list.iter().filter_map(|i| i["id"].as_i64()).collect();
    let (_, other) = app.indicators_of(2015).await;
    let foreign = other[0]["id"].as_i64().expect("id");
    let mut many: Vec<ValueChange> = Vec::new();
    for (k, id) in ids.iter().enumerate() {
        many.push(change(*id, 2021, 100 + k as i64));
        many.push(change(*id, 2022, 200 + k as i64));
    }
    assert!(many.len() >= 40, "enough changes for the bulk path");

    let saved = app.db.save_values(term, &many, &actor).await.expect("save");
    assert_eq!(saved, many.len());
    assert_eq!(
        stored(&app, term, ids[3], 2022).await,
        Some((VnDecimal::from_i64(203), 1))
    );
    // The same figures again change nothing.
    let again = app.db.save_values(term, &many, &actor).await.expect("save");
    assert_eq!(again, 0);

    // Refused as a whole: one indicator of another term among many ...
    let before = app.db.fingerprint().await.expect("fingerprint");
    let mut with_foreign = many.clone();
    with_foreign
        .iter_mut()
        .for_each(|c| c.figure.value = VnDecimal::from_i64(7));
    with_foreign.push(change(foreign, 2021, 1));
    let refused = app.db.save_values(term, &with_foreign, &actor).await;
    assert!(matches!(refused, Err(WriteError::UnknownIndicator(id)) if id == foreign));
    assert_eq!(app.db.fingerprint().await.expect("fingerprint"), before);

    // ... or one stale version among many.
    let mut with_stale = with_foreign[..with_foreign.len() - 1].to_vec();
    with_stale[5].expected_version = Some(0);
    match app.db.save_values(term, &with_stale, &actor).await {
        Err(WriteError::Conflicts(c)) => {
            assert_eq!(c.len(), 1, "{c:?}");
            assert_eq!(c[0].indicator_id, with_stale[5].indicator_id);
            assert_eq!(c[0].current_version, 1);
        }
        other => panic!("a stale version was not a conflict: {other:?}"),
    }
    assert_eq!(app.db.fingerprint().await.expect("fingerprint"), before);

    // The same value twice in one save: the second sees the first, so the
    // repeat is no change.
    let mut twice = many.clone();
    twice[0].figure.value = VnDecimal::from_i64(1);
    twice.push(change(ids[0], 2021, 1));
    let saved = app
        .db
        .save_values(term, &twice, &actor)
        .await
        .expect("save");
    assert_eq!(saved, 1);
    assert_eq!(
        stored(&app, term, ids[0], 2021).await,
        Some((VnDecimal::from_i64(1), 2))
    );
    let mut expecting = many.clone();
    expecting[0] = change(ids[0], 2021, 5);
    expecting[0].expected_version = Some(2);
    let saved = app
        .db
        .save_values(term, &expecting, &actor)
        .await
        .expect("save");
    assert_eq!(saved, 1);
}

on_both_backends!(a_save_of_many_values_decides_each_as_a_save_of_one_would);
