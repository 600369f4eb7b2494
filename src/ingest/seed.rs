//! The seed file (`seed/bao-cao-2015-2020.toml`): the figures of the 2015–2020 term
//! report, each with the sentence it is quoted from. Parsed into domain types, so a
//! typo in the file is caught before anything is written.

use crate::db::{
    NewGroup, NewIndicator, NewSource, NewTarget, NewTerm, NewValue, SeedPlan, TermEdit,
};
use crate::domain::{
    Direction, Indicator, IndicatorCode, Period, Qualifier, TargetKind, Term, Unit, UnitKind,
    VnDecimal,
};
use serde::Deserialize;

/// The seed shipped inside the binary, so a fresh install needs no other file.
pub const BUILTIN_SEED: &str = include_str!("../../seed/bao-cao-2015-2020.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedFile {
    pub source: SeedSource,
    pub terms: Vec<SeedTerm>,
    pub groups: Vec<SeedGroup>,
    pub indicators: Vec<SeedIndicator>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedSource {
    pub id: String,
    pub title: String,
    pub file: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedTerm {
    pub name: String,
    pub name_en: Option<String>,
    pub start_year: i32,
    pub end_year: i32,
    /// Whether the report's targets and values belong to this term; the other terms
    /// get the indicator list only.
    pub with_figures: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedGroup {
    pub code: String,
    pub name: String,
    pub name_en: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedIndicator {
    pub code: String,
    pub group: String,
    pub parent: Option<String>,
    pub name: String,
    pub name_en: Option<String>,
    pub unit: String,
    pub unit_en: Option<String>,
    pub unit_kind: String,
    #[serde(default)]
    pub direction: Option<String>,
    /// Shown as a headline card on the overview page.
    #[serde(default)]
    pub headline: bool,
    pub target: Option<SeedFigure>,
    pub values: Vec<SeedFigure>,
}

/// A figure as the report writes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedFigure {
    /// Values only: "term" or a year.
    pub period: Option<String>,
    /// Targets only: the target type.
    pub kind: Option<String>,
    pub value: String,
    /// The figure exactly as the report writes it, e.g. "09 nhiệm vụ", "trên 140 tỷ đồng".
    pub written: String,
    pub qualifier: Option<String>,
    pub quote: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("seed file is not valid TOML: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("seed indicator {code}: {problem}")]
    Invalid { code: String, problem: String },
}

fn invalid(code: &str, problem: impl Into<String>) -> SeedError {
    SeedError::Invalid {
        code: code.to_string(),
        problem: problem.into(),
    }
}

impl SeedFile {
    pub fn parse(text: &str) -> Result<SeedFile, SeedError> {
        Ok(toml::from_str(text)?)
    }

    /// Checks every field against the domain rules and builds the plan to write.
    pub fn plan(&self) -> Result<SeedPlan, SeedError> {
        let mut terms = Vec::new();
        for t in &self.terms {
            Term::new(t.start_year, t.end_year).map_err(|e| invalid(&t.name, e.to_string()))?;
            let indicators = self
                .indicators
                .iter()
                .map(|i| self.indicator(i, t.with_figures))
                .collect::<Result<Vec<_>, _>>()?;
            terms.push(NewTerm {
                term: TermEdit {
                    name: t.name.clone(),
                    name_en: t.name_en.clone(),
                    start_year: t.start_year,
                    end_year: t.end_year,
                },
                indicators,
            });
        }
        Ok(SeedPlan {
            source: NewSource {
                code: self.source.id.clone(),
                title: self.source.title.clone(),
                file: Some(self.source.file.clone()),
            },
            groups: self
                .groups
                .iter()
                .map(|g| NewGroup {
                    code: g.code.clone(),
                    name: g.name.clone(),
                    name_en: g.name_en.clone(),
                })
                .collect(),
            terms,
        })
    }

    fn indicator(&self, i: &SeedIndicator, with_figures: bool) -> Result<NewIndicator, SeedError> {
        let unit_kind =
            UnitKind::parse(&i.unit_kind).ok_or_else(|| invalid(&i.code, "unknown unit_kind"))?;
        let direction = match i.direction.as_deref() {
            None => Direction::HigherIsBetter,
            Some(d) => Direction::parse(d).ok_or_else(|| invalid(&i.code, "unknown direction"))?,
        };
        let code = |c: &str| IndicatorCode::parse(c).map_err(|e| invalid(&i.code, e.to_string()));
        let (parent_code, code) = (i.parent.as_deref().map(code).transpose()?, code(&i.code)?);
        if let Some(parent) = &i.parent
            && !self.indicators.iter().any(|p| &p.code == parent)
        {
            return Err(invalid(&i.code, format!("unknown parent {parent}")));
        }
        if !self.groups.iter().any(|g| g.code == i.group) {
            return Err(invalid(&i.code, format!("unknown group {}", i.group)));
        }
        let target = match (&i.target, with_figures) {
            (Some(t), true) => {
                let kind = t
                    .kind
                    .as_deref()
                    .and_then(TargetKind::parse)
                    .ok_or_else(|| invalid(&i.code, "target needs a valid kind"))?;
                Some(NewTarget {
                    kind,
                    value: number(&i.code, &t.value)?,
                    quote: Some(t.quote.clone()),
                })
            }
            _ => None,
        };
        let values = if with_figures {
            i.values
                .iter()
                .map(|v| {
                    let period = v
                        .period
                        .as_deref()
                        .and_then(Period::parse)
                        .ok_or_else(|| invalid(&i.code, "value needs a valid period"))?;
                    let qualifier = Qualifier::parse(v.qualifier.as_deref().unwrap_or("exact"))
                        .ok_or_else(|| invalid(&i.code, "unknown qualifier"))?;
                    let value = number(&i.code, &v.value)?;
                    if !unit_kind.accepts(value) {
                        return Err(invalid(&i.code, "value out of range for its unit"));
                    }
                    Ok(NewValue {
                        period,
                        value,
                        qualifier,
                        quote: Some(v.quote.clone()),
                    })
                })
                .collect::<Result<Vec<_>, _>>()?
        } else {
            Vec::new()
        };
        Ok(NewIndicator {
            definition: Indicator {
                code,
                name: i.name.clone(),
                name_en: i.name_en.clone(),
                unit: Unit {
                    kind: unit_kind,
                    label: i.unit.clone(),
                    label_en: i.unit_en.clone(),
                },
                direction,
            },
            group_code: Some(i.group.clone()),
            parent_code,
            headline: i.headline,
            target,
            values,
        })
    }
}

fn number(code: &str, text: &str) -> Result<VnDecimal, SeedError> {
    VnDecimal::from_canonical(text)
        .map_err(|_| invalid(code, format!("{text:?} is not a plain decimal")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_seed_parses_into_a_plan_with_both_terms() -> Result<(), SeedError> {
        let plan = SeedFile::parse(BUILTIN_SEED)?.plan()?;
        assert_eq!(plan.terms.len(), 2);
        let first = &plan.terms[0];
        let second = &plan.terms[1];
        assert_eq!(first.indicators.len(), second.indicators.len());
        assert!(
            second
                .indicators
                .iter()
                .all(|i| i.values.is_empty() && i.target.is_none())
        );
        let codes = |t: &NewTerm| {
            t.indicators
                .iter()
                .map(|i| i.definition.code.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(codes(first), codes(second));
        Ok(())
    }

    #[test]
    fn a_seed_with_an_unknown_group_or_bad_number_is_refused() {
        let base = BUILTIN_SEED.replacen("group = \"NV\"", "group = \"NOPE\"", 1);
        assert!(SeedFile::parse(&base).and_then(|s| s.plan()).is_err());
        let bad_number = BUILTIN_SEED.replacen("value = \"101\"", "value = \"1,01\"", 1);
        assert!(SeedFile::parse(&bad_number).and_then(|s| s.plan()).is_err());
        let bad_code = BUILTIN_SEED.replacen("code = \"NV-01\"", "code = \"nv 01\"", 1);
        assert!(SeedFile::parse(&bad_code).and_then(|s| s.plan()).is_err());
        let orphan = BUILTIN_SEED.replacen("parent = \"NV-01\"", "parent = \"NV-99\"", 1);
        assert!(SeedFile::parse(&orphan).and_then(|s| s.plan()).is_err());
    }
}
