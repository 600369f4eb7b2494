//! Rows exactly as the SQL returns them. Private to `db`: `records` turns them into
//! domain types, refusing anything the domain rules do not accept.

#[derive(Debug, sqlx::FromRow)]
pub(super) struct TermRow {
    pub id: i64,
    pub name: String,
    pub name_en: Option<String>,
    pub start_year: i64,
    pub end_year: i64,
}

#[derive(Debug, sqlx::FromRow)]
pub(super) struct GroupRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub name_en: Option<String>,
    pub archived: i64,
}

#[derive(Debug, sqlx::FromRow)]
pub(super) struct IndicatorRow {
    pub id: i64,
    pub term_id: i64,
    pub group_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub code: String,
    pub name: String,
    pub name_en: Option<String>,
    pub unit_kind: String,
    pub unit: String,
    pub unit_en: Option<String>,
    pub direction: String,
    pub headline: i64,
}

/// Where a target or a figure comes from, the same two columns in both queries.
#[derive(Debug, sqlx::FromRow)]
pub(super) struct SourceRow {
    pub source_title: Option<String>,
    pub quote: Option<String>,
}

#[derive(Debug, sqlx::FromRow)]
pub(super) struct TargetRow {
    pub indicator_id: i64,
    pub kind: String,
    pub value: String,
    #[sqlx(flatten)]
    pub source: SourceRow,
}

#[derive(Debug, sqlx::FromRow)]
pub(super) struct ValueRow {
    pub id: i64,
    pub indicator_id: i64,
    pub period: String,
    pub value: String,
    pub qualifier: String,
    #[sqlx(flatten)]
    pub source: SourceRow,
    pub note: Option<String>,
    pub state: String,
    pub version: i64,
    pub updated_at: String,
    pub review_comment: Option<String>,
    pub updated_by: Option<String>,
}
