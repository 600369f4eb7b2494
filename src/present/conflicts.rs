//! The words for a figure someone else changed since the writer read it, the same
//! on the entry form and the import preview.

use crate::db::Conflict;
use crate::domain::{Unit, VnDecimal};
use crate::i18n::{Explainer, Locale};

/// The sentence `key` (with `{who}` and `{theirs}`, and `more`): who changed the
/// figure and to what.
pub fn conflict_text(
    key: &str,
    conflict: &Conflict,
    unit: &Unit,
    l: Locale,
    more: &[(&str, &str)],
) -> String {
    let ex = Explainer { locale: l, unit };
    let theirs = conflict
        .current_value
        .as_deref()
        .and_then(|v| VnDecimal::from_canonical(v).ok())
        .map(|v| ex.amount(v))
        .unwrap_or_else(|| "—".into());
    let who = conflict.current_by.clone().unwrap_or_else(|| "?".into());
    let mut args = vec![("who", who.as_str()), ("theirs", theirs.as_str())];
    args.extend_from_slice(more);
    l.tf(key, &args)
}
