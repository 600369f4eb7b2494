//! Copying a whole installation from one database to another (SQLite → PostgreSQL
//! when a department outgrows one machine, or back): every table that holds the
//! record — terms, groups, sources, indicators, targets, values, users, API tokens,
//! the audit history — with the same ids, in one transaction on the destination,
//! then counted on both sides. Sessions, throttling and setup links are not copied:
//! people sign in again on the new installation.

use super::{Backend, Db, DbError, on_pool, write_tx};

/// Tables in dependency order, with their columns; numeric columns are cast to and
/// from text so that both backends keep them exact.
const TABLES: &[(&str, &[&str], &[&str])] = &[
    (
        "terms",
        &[
            "id",
            "name",
            "name_en",
            "start_year",
            "end_year",
            "archived",
            "created_at",
            "locked",
        ],
        &[],
    ),
    (
        "indicator_groups",
        &["id", "code", "name", "name_en", "position", "archived"],
        &[],
    ),
    ("source_documents", &["id", "code", "title", "file"], &[]),
    (
        "users",
        &[
            "id",
            "username",
            "password_hash",
            "role",
            "disabled",
            "created_at",
        ],
        &[],
    ),
    (
        "indicators",
        &[
            "id",
            "term_id",
            "group_id",
            "parent_id",
            "code",
            "name",
            "name_en",
            "unit_kind",
            "unit",
            "unit_en",
            "direction",
            "position",
            "headline",
            "archived",
        ],
        &[],
    ),
    (
        "targets",
        &[
            "id",
            "indicator_id",
            "kind",
            "value",
            "source_id",
            "quote",
            "recorded_at",
            "superseded_at",
        ],
        &["value"],
    ),
    (
        "indicator_values",
        &[
            "id",
            "indicator_id",
            "period",
            "value",
            "qualifier",
            "source_id",
            "quote",
            "note",
            "state",
            "version",
            "updated_at",
            "updated_by",
            "review_comment",
            "source_document",
            "approved_value",
            "approved_qualifier",
            "approved_at",
        ],
        &["value", "approved_value"],
    ),
    (
        "api_tokens",
        &[
            "id",
            "user_id",
            "token_hash",
            "label",
            "created_at",
            "revoked_at",
        ],
        &[],
    ),
    (
        "audit_log",
        &[
            "id",
            "at",
            "user_id",
            "username",
            "origin",
            "action",
            "term_id",
            "indicator_id",
            "period",
            "old_value",
            "new_value",
            "note",
        ],
        &[],
    ),
];

/// Integer columns (everything else is text or decimal text).
const INTEGERS: &[&str] = &[
    "id",
    "start_year",
    "end_year",
    "archived",
    "locked",
    "position",
    "disabled",
    "term_id",
    "group_id",
    "parent_id",
    "headline",
    "indicator_id",
    "source_id",
    "version",
    "updated_by",
    "user_id",
];

/// One cell, carried as text or integer.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Int(Option<i64>),
    Text(Option<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyReport {
    /// (table, rows) copied, each checked equal on both sides.
    pub tables: Vec<(String, i64)>,
}

fn select_sql(table: &str, columns: &[&str], decimals: &[&str]) -> String {
    let cols: Vec<String> = columns
        .iter()
        .map(|c| {
            if decimals.contains(c) {
                format!("CAST({c} AS TEXT) AS {c}")
            } else {
                (*c).to_string()
            }
        })
        .collect();
    format!("SELECT {} FROM {table} ORDER BY id", cols.join(", "))
}

fn insert_sql(table: &str, columns: &[&str], decimals: &[&str], backend: Backend) -> String {
    let params: Vec<String> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if decimals.contains(c) && backend == Backend::Postgres {
                format!("CAST(${} AS NUMERIC)", i + 1)
            } else {
                format!("${}", i + 1)
            }
        })
        .collect();
    format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        columns.join(", "),
        params.join(", ")
    )
}

impl Db {
    async fn read_table(
        &self,
        table: &str,
        columns: &[&str],
        decimals: &[&str],
    ) -> Result<Vec<Vec<Cell>>, DbError> {
        use sqlx::Row;
        // Table and column names come from the constant list above, never from input.
        let sql = sqlx::AssertSqlSafe(select_sql(table, columns, decimals));
        on_pool!(self, p => {
            let rows = sqlx::query(sql).fetch_all(p).await?;
            rows.iter()
                .map(|r| {
                    columns
                        .iter()
                        .map(|c| {
                            if INTEGERS.contains(c) {
                                r.try_get::<Option<i64>, _>(*c).map(Cell::Int)
                            } else {
                                r.try_get::<Option<String>, _>(*c).map(Cell::Text)
                            }
                        })
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(DbError::from)
                })
                .collect()
        })
    }

    async fn count(&self, table: &str) -> Result<i64, DbError> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}"));
        Ok(on_pool!(self, p => sqlx::query_scalar(sql).fetch_one(p).await?))
    }

    /// Every table of the record (those `copy` carries) with its row count and a
    /// checksum of all its rows, plus the data version: two equal fingerprints mean
    /// nothing was written in between. Sessions, throttling and setup links are left
    /// out, as in a copy.
    pub async fn fingerprint(&self) -> Result<Vec<(String, i64, u64)>, DbError> {
        use std::hash::{Hash, Hasher};
        let mut out = Vec::new();
        for (table, columns, decimals) in TABLES {
            let rows = self.read_table(table, columns, decimals).await?;
            let mut h = std::collections::hash_map::DefaultHasher::new();
            for row in &rows {
                format!("{row:?}").hash(&mut h);
            }
            let count = i64::try_from(rows.len()).unwrap_or(i64::MAX);
            out.push((table.to_string(), count, h.finish()));
        }
        let (version, changed_at) = self.data_version().await?;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        changed_at.hash(&mut h);
        out.push(("data_version".to_string(), version, h.finish()));
        Ok(out)
    }

    /// Copies everything from `self` into `to`, which must be freshly migrated and
    /// empty. All or nothing on the destination; counts verified afterwards.
    pub async fn copy_into(&self, to: &Db) -> Result<CopyReport, DbError> {
        for (table, _, _) in TABLES {
            if to.count(table).await? > 0 {
                return Err(DbError::Open(format!(
                    "the destination is not empty (table {table} has rows)"
                )));
            }
        }
        let mut data = Vec::new();
        for (table, columns, decimals) in TABLES {
            data.push(self.read_table(table, columns, decimals).await?);
        }
        let (version, changed_at) = self.data_version().await?;
        let backend = to.backend();
        write_tx!(to, tx => {
            for ((table, columns, decimals), rows) in TABLES.iter().zip(&data) {
                let sql = insert_sql(table, columns, decimals, backend);
                for row in rows {
                    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.clone()));
                    for cell in row {
                        q = match cell {
                            Cell::Int(v) => q.bind(*v),
                            Cell::Text(v) => q.bind(v.clone()),
                        };
                    }
                    q.execute(&mut *tx).await?;
                }
            }
            sqlx::query("UPDATE data_version SET version = $1, changed_at = $2 WHERE id = 1")
                .bind(version).bind(&changed_at).execute(&mut *tx).await?;
            if backend == Backend::Postgres {
                // Ids were copied as they were: move each sequence past them.
                for (table, _, _) in TABLES {
                    let sql = format!("SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST((SELECT MAX(id) FROM {table}), 1))");
                    sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut *tx).await?;
                }
            }
            tx.commit().await?;
            Ok::<(), DbError>(())
        })?;
        let mut tables = Vec::new();
        for (table, _, _) in TABLES {
            let (from, copied) = (self.count(table).await?, to.count(table).await?);
            if from != copied {
                return Err(DbError::Corrupt(format!(
                    "{table}: {from} rows in the source, {copied} in the destination"
                )));
            }
            tables.push((table.to_string(), copied));
        }
        Ok(CopyReport { tables })
    }
}
