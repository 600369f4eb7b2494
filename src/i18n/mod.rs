//! User-facing text. Every string a person reads comes from the locale files
//! (`vi.toml`, the default, and `en.toml`), looked up by key, so that a language can
//! be added without touching the pages.

mod explain;

pub use explain::Explainer;

/// Name of the cookie that remembers the reader's language.
pub const LANG_COOKIE: &str = "lang";

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Locale {
    #[default]
    Vi,
    En,
}

impl Locale {
    pub fn code(self) -> &'static str {
        match self {
            Locale::Vi => "vi",
            Locale::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Locale> {
        match code {
            "vi" => Some(Locale::Vi),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    fn source(self) -> &'static str {
        match self {
            Locale::Vi => include_str!("vi.toml"),
            Locale::En => include_str!("en.toml"),
        }
    }

    fn table(self) -> &'static HashMap<String, String> {
        static VI: OnceLock<HashMap<String, String>> = OnceLock::new();
        static EN: OnceLock<HashMap<String, String>> = OnceLock::new();
        let cell = match self {
            Locale::Vi => &VI,
            Locale::En => &EN,
        };
        cell.get_or_init(|| flatten(self.source()))
    }

    /// The text for `key`. A missing key shows itself (and a test keeps keys complete)
    /// rather than crashing a page.
    pub fn t(self, key: &str) -> &'static str {
        match self.table().get(key) {
            Some(text) => text.as_str(),
            None => {
                tracing::warn!(key, locale = self.code(), "missing translation");
                static MISSING: &str = "⟨?⟩";
                MISSING
            }
        }
    }

    /// The text for `key` with each `{name}` replaced by its value.
    pub fn tf(self, key: &str, args: &[(&str, &str)]) -> String {
        let mut text = self.t(key).to_string();
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// Every key of the locale, for tests.
    pub fn keys(self) -> Vec<&'static str> {
        let mut keys: Vec<&'static str> = self.table().keys().map(String::as_str).collect();
        keys.sort_unstable();
        keys
    }
}

/// `[status] exceeded = "…"` becomes `status.exceeded`.
fn flatten(source: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let table: toml::Table = match toml::from_str(source) {
        Ok(t) => t,
        Err(e) => {
            tracing::error!(error = %e, "locale file does not parse");
            return out;
        }
    };
    fn walk(prefix: &str, table: &toml::Table, out: &mut HashMap<String, String>) {
        for (k, v) in table {
            let key = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            match v {
                toml::Value::String(s) => {
                    out.insert(key, s.clone());
                }
                toml::Value::Table(t) => walk(&key, t, out),
                _ => {}
            }
        }
    }
    walk("", &table, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(name, _)| name))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn both_locales_have_the_same_keys_and_placeholders() {
        let vi = Locale::Vi.keys();
        assert!(vi.len() > 100, "vi.toml parsed to only {} keys", vi.len());
        assert_eq!(vi, Locale::En.keys());
        for key in vi {
            assert_eq!(
                placeholders(Locale::Vi.t(key)),
                placeholders(Locale::En.t(key)),
                "placeholders of {key}"
            );
        }
    }

    #[test]
    fn placeholders_are_filled_in() {
        assert_eq!(
            Locale::Vi.tf("period.year", &[("year", "2018")]),
            "Năm 2018"
        );
        assert_eq!(
            Locale::En.tf(
                "reason.years_reported",
                &[("reported", "2"), ("total", "5")]
            ),
            "2 of 5 years reported."
        );
    }

    /// Every action the database layer writes to the audit log, found in its source,
    /// has a label in the history tables of both languages.
    #[test]
    fn every_audited_action_has_a_history_label() {
        let sources = [
            include_str!("../db/entry.rs"),
            include_str!("../db/definitions.rs"),
            include_str!("../db/groups.rs"),
        ];
        let mut actions = Vec::new();
        for source in sources {
            for piece in source.split('"').skip(1).step_by(2) {
                let Some((what, verb)) = piece.split_once('.') else {
                    continue;
                };
                let known = ["value", "term", "indicator", "target", "group"];
                if known.contains(&what)
                    && !verb.is_empty()
                    && verb.chars().all(|c| c.is_ascii_lowercase())
                {
                    actions.push(piece.to_string());
                }
            }
        }
        assert!(actions.len() >= 15, "found only {actions:?}");
        for action in actions {
            let key = format!("history.{}", action.replace('.', "_"));
            for locale in [Locale::Vi, Locale::En] {
                assert!(locale.keys().contains(&key.as_str()), "{key} in {locale:?}");
            }
        }
    }

    #[test]
    fn vietnamese_text_keeps_its_diacritics() {
        assert_eq!(Locale::Vi.t("target.none"), "chưa có chỉ tiêu");
    }
}
