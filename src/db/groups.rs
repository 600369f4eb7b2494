//! Indicator groups (sections of the resolution such as "Đổi mới công nghệ"), shared by
//! every term: the admin creates, renames, archives and restores them (archiving is
//! `Db::set_archived`). Every change is audited and moves the data version, like any
//! other definition.

use super::audit::{Entry, commit_audited};
use super::read::GROUPS;
use super::rows::GroupRow;
use super::{Actor, Db, DbError, GroupRecord, on_pool, write_tx};

const INSERT: &str = "INSERT INTO indicator_groups (code, name, name_en, position) \
     VALUES ($1, $2, $3, (SELECT COALESCE(MAX(position), 0) + 1 FROM indicator_groups)) RETURNING id";
/// A group as the audit log names it (archiving it too).
pub(super) const CODE_AND_NAME: &str = "SELECT code, name FROM indicator_groups WHERE id = $1";
const RENAME: &str = "UPDATE indicator_groups SET name = $1, name_en = $2 WHERE id = $3";

impl Db {
    /// Every group, archived ones included, in display order.
    pub async fn all_groups(&self) -> Result<Vec<GroupRecord>, DbError> {
        let rows: Vec<GroupRow> = on_pool!(self, p => sqlx::query_as(GROUPS).fetch_all(p).await?);
        Ok(rows.into_iter().map(GroupRecord::from).collect())
    }

    pub async fn create_group(
        &self,
        code: &str,
        name: &str,
        name_en: Option<&str>,
        actor: &Actor,
    ) -> Result<i64, DbError> {
        write_tx!(self, tx, now => {
            let id: i64 = sqlx::query_scalar(INSERT).bind(code).bind(name).bind(name_en)
                .fetch_one(&mut *tx).await.map_err(|e| DbError::from_write(e, "group code"))?;
            let new = Some(format!("{code} {name}"));
            commit_audited!(tx, actor, &now, Entry { action: "group.create", new, ..Entry::default() });
            Ok(id)
        })
    }

    /// Renames a group (its code stays: imports and links use it). False when there
    /// is no such group.
    pub async fn rename_group(
        &self,
        id: i64,
        name: &str,
        name_en: Option<&str>,
        actor: &Actor,
    ) -> Result<bool, DbError> {
        write_tx!(self, tx, now => {
            let old: Option<(String, String)> = sqlx::query_as(CODE_AND_NAME).bind(id).fetch_optional(&mut *tx).await?;
            let Some((code, old_name)) = old else { return Ok(false) };
            sqlx::query(RENAME).bind(name).bind(name_en).bind(id).execute(&mut *tx).await?;
            let (old, new) = (Some(format!("{code} {old_name}")), Some(format!("{code} {name}")));
            commit_audited!(tx, actor, &now, Entry { action: "group.update", old, new, ..Entry::default() });
            Ok(true)
        })
    }
}
