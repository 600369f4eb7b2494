//! Indicator groups (sections of the resolution such as "Đổi mới công nghệ"), shared by
//! every term: the admin creates, renames, archives and restores them. Every change is
//! audited and moves the data version, like any other definition.

use super::BeginWrite;
use super::audit::{Entry, commit_audited};
use super::rows::GroupRow;
use super::{Actor, Db, DbError, GroupRecord, on_pool};

const ALL: &str =
    "SELECT id, code, name, name_en, archived FROM indicator_groups ORDER BY position, id";
const INSERT: &str = "INSERT INTO indicator_groups (code, name, name_en, position) \
     VALUES ($1, $2, $3, (SELECT COALESCE(MAX(position), 0) + 1 FROM indicator_groups)) RETURNING id";
const NOW: &str = "SELECT code, name FROM indicator_groups WHERE id = $1";
const RENAME: &str = "UPDATE indicator_groups SET name = $1, name_en = $2 WHERE id = $3";
const ARCHIVE: &str = "UPDATE indicator_groups SET archived = $1 WHERE id = $2";
// Indicators that still show the group: live ones of live terms.
const IN_USE: &str = "SELECT COUNT(*) FROM indicators i JOIN terms t ON t.id = i.term_id \
     WHERE i.group_id = $1 AND i.archived = 0 AND t.archived = 0";

impl Db {
    /// Every group, archived ones included, in display order.
    pub async fn all_groups(&self) -> Result<Vec<GroupRecord>, DbError> {
        let rows: Vec<GroupRow> = on_pool!(self, p => sqlx::query_as(ALL).fetch_all(p).await?);
        Ok(rows.into_iter().map(GroupRecord::from).collect())
    }

    pub async fn create_group(
        &self,
        code: &str,
        name: &str,
        name_en: Option<&str>,
        actor: &Actor,
    ) -> Result<i64, DbError> {
        let now = crate::clock::now_iso();
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
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
        let now = crate::clock::now_iso();
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let old: Option<(String, String)> = sqlx::query_as(NOW).bind(id).fetch_optional(&mut *tx).await?;
            let Some((code, old_name)) = old else { return Ok(false) };
            sqlx::query(RENAME).bind(name).bind(name_en).bind(id).execute(&mut *tx).await?;
            let (old, new) = (Some(format!("{code} {old_name}")), Some(format!("{code} {name}")));
            commit_audited!(tx, actor, &now, Entry { action: "group.update", old, new, ..Entry::default() });
            Ok(true)
        })
    }

    /// Archives or restores a group. Archiving is refused while a live indicator of a
    /// live term is still in it (its section heading would vanish from the
    /// dashboard); false when there is no such group.
    pub async fn set_group_archived(
        &self,
        id: i64,
        archived: bool,
        actor: &Actor,
    ) -> Result<bool, DbError> {
        let now = crate::clock::now_iso();
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let old: Option<(String, String)> = sqlx::query_as(NOW).bind(id).fetch_optional(&mut *tx).await?;
            let Some((code, name)) = old else { return Ok(false) };
            if archived {
                let in_use: i64 = sqlx::query_scalar(IN_USE).bind(id).fetch_one(&mut *tx).await?;
                if in_use > 0 {
                    return Err(DbError::Refused("admin.group_in_use"));
                }
            }
            sqlx::query(ARCHIVE).bind(i64::from(archived)).bind(id).execute(&mut *tx).await?;
            let action = if archived { "group.archive" } else { "group.restore" };
            let new = Some(format!("{code} {name}"));
            commit_audited!(tx, actor, &now, Entry { action, new, ..Entry::default() });
            Ok(true)
        })
    }
}
