//! The entry form's fields: one row per indicator, each part named `{part}_{id}`
//! ("v_12", "ver_12" …). The page writes the names with [`Part::name`] and the
//! handler reads them back as a typed [`EntryForm`], so the names live here only.

use crate::domain::{FigureInput, IndicatorId, Qualifier, Written};
use serde::Deserialize;
use std::collections::BTreeMap;

/// One part of an indicator's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Value,
    /// The version the page showed (hidden): a save over a newer one is a conflict.
    Version,
    Qualifier,
    Note,
    Document,
    Quote,
}

impl Part {
    const ALL: [Part; 6] = [
        Part::Value,
        Part::Version,
        Part::Qualifier,
        Part::Note,
        Part::Document,
        Part::Quote,
    ];

    fn prefix(self) -> &'static str {
        match self {
            Part::Value => "v",
            Part::Version => "ver",
            Part::Qualifier => "q",
            Part::Note => "n",
            Part::Document => "d",
            Part::Quote => "s",
        }
    }

    /// The field's name for indicator `id`.
    pub fn name(self, id: IndicatorId) -> String {
        format!("{}_{id}", self.prefix())
    }

    /// Reads a field name back: the part and the indicator id, exactly as written by
    /// [`Part::name`] ("v_007" is not "v_7").
    fn parse(name: &str) -> Option<(Part, IndicatorId)> {
        let (prefix, id) = name.split_once('_')?;
        let part = Part::ALL.into_iter().find(|p| p.prefix() == prefix)?;
        Some((part, IndicatorId::parse(id)?))
    }
}

/// One indicator's row as posted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryRow {
    pub indicator: IndicatorId,
    pub value: Option<String>,
    pub qualifier: Option<Qualifier>,
    pub note: Option<String>,
    pub document: Option<String>,
    pub quote: Option<String>,
    pub version: Option<i64>,
}

impl EntryRow {
    pub fn input(&self) -> FigureInput<'_> {
        FigureInput {
            value: self.value.as_deref().map(Written::Typed),
            qualifier: self.qualifier.map(Qualifier::key),
            note: self.note.as_deref(),
            source_document: self.document.as_deref(),
            quote: self.quote.as_deref(),
            expected_version: self.version,
        }
    }
}

/// The posted entry form: its rows, by indicator id. A field this form never sends
/// (an unknown name, a version that is not a whole number, a qualifier that is not
/// one of the choices) makes the whole form unreadable: it was tampered with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(try_from = "Vec<(String, String)>")]
pub struct EntryForm {
    pub rows: Vec<EntryRow>,
}

/// The fields as posted, in order: their names are made at run time (one per
/// indicator), which serde's derive cannot name.
impl TryFrom<Vec<(String, String)>> for EntryForm {
    type Error = &'static str;

    fn try_from(fields: Vec<(String, String)>) -> Result<Self, &'static str> {
        let mut rows: BTreeMap<IndicatorId, EntryRow> = BTreeMap::new();
        for (name, value) in fields {
            let (part, id) = Part::parse(&name).ok_or("unknown field")?;
            let row = rows.entry(id).or_insert_with(|| EntryRow {
                indicator: id,
                value: None,
                qualifier: None,
                note: None,
                document: None,
                quote: None,
                version: None,
            });
            let trimmed = value.trim();
            // The first of a repeated field counts, as a browser sends each once.
            match part {
                Part::Value => {
                    row.value.get_or_insert(value);
                }
                Part::Version if trimmed.is_empty() => {}
                Part::Version => {
                    let v = trimmed
                        .parse::<i64>()
                        .ok()
                        .filter(|v| *v >= 0)
                        .ok_or("bad version")?;
                    row.version.get_or_insert(v);
                }
                Part::Qualifier if trimmed.is_empty() => {}
                Part::Qualifier => {
                    let q = Qualifier::parse(trimmed).ok_or("bad qualifier")?;
                    row.qualifier.get_or_insert(q);
                }
                Part::Note => {
                    row.note.get_or_insert(value);
                }
                Part::Document => {
                    row.document.get_or_insert(value);
                }
                Part::Quote => {
                    row.quote.get_or_insert(value);
                }
            }
        }
        Ok(EntryForm {
            rows: rows.into_values().collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::value::{Error, MapDeserializer};

    fn read(fields: &[(&str, &str)]) -> Result<EntryForm, Error> {
        let map = MapDeserializer::<_, Error>::new(
            fields.iter().map(|(k, v)| (k.to_string(), v.to_string())),
        );
        EntryForm::deserialize(map)
    }

    #[test]
    fn the_names_the_page_writes_are_read_back_as_rows() {
        let form = read(&[
            (&Part::Value.name(IndicatorId::new(7)), "12,5"),
            (&Part::Version.name(IndicatorId::new(7)), "3"),
            (&Part::Qualifier.name(IndicatorId::new(7)), "about"),
            (&Part::Note.name(IndicatorId::new(7)), "ước tính"),
            (&Part::Value.name(IndicatorId::new(9)), ""),
        ])
        .expect("a form this page writes");
        assert_eq!(form.rows.len(), 2);
        let row = &form.rows[0];
        assert_eq!(row.indicator, IndicatorId::new(7));
        assert_eq!(row.value.as_deref(), Some("12,5"));
        assert_eq!(row.version, Some(3));
        assert_eq!(row.qualifier, Some(Qualifier::About));
        assert_eq!(row.note.as_deref(), Some("ước tính"));
    }

    #[test]
    fn a_field_this_form_never_sends_makes_it_unreadable() {
        for (name, value) in [
            ("x_7", "1"),
            ("v_007", "1"),
            ("v_-1", "1"),
            ("v_abc", "1"),
            ("v_1 OR 1=1", "1"),
            ("ver_7", "-1"),
            ("ver_7", "two"),
            ("q_7", "roughly"),
            ("v", "1"),
        ] {
            assert!(read(&[(name, value)]).is_err(), "{name}={value}");
        }
    }
}
