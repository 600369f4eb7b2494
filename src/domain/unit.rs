//! Units of measure and how a value is written with its unit in Vietnamese or English:
//! "101 nhiệm vụ", "15 tỷ đồng", "30%", "20%/năm".

use super::VnDecimal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// Whole things counted: tasks, enterprises, people.
    Count,
    /// Money, in the unit named by the label (e.g. "tỷ đồng").
    Money,
    /// A share or level in percent.
    Percent,
    /// A rate in percent per year.
    PercentPerYear,
}

impl UnitKind {
    /// In the order a form offers them.
    pub const ALL: [UnitKind; 4] = [
        UnitKind::Count,
        UnitKind::Money,
        UnitKind::Percent,
        UnitKind::PercentPerYear,
    ];

    pub fn parse(text: &str) -> Option<UnitKind> {
        match text {
            "count" => Some(UnitKind::Count),
            "money" => Some(UnitKind::Money),
            "percent" => Some(UnitKind::Percent),
            "percent_per_year" => Some(UnitKind::PercentPerYear),
            _ => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            UnitKind::Count => "count",
            UnitKind::Money => "money",
            UnitKind::Percent => "percent",
            UnitKind::PercentPerYear => "percent_per_year",
        }
    }

    /// Whether a value makes sense for this kind: counts are whole and not negative;
    /// percentages stay within a sane bound.
    /// Percent and percent per year: the units a "%" may be typed for.
    pub fn is_percent(self) -> bool {
        matches!(self, UnitKind::Percent | UnitKind::PercentPerYear)
    }

    pub fn accepts(self, value: VnDecimal) -> bool {
        let d = value.get();
        match self {
            UnitKind::Count => !d.is_sign_negative() && d.fract().is_zero(),
            UnitKind::Money => !d.is_sign_negative(),
            UnitKind::Percent | UnitKind::PercentPerYear => {
                d >= rust_decimal::Decimal::from(-1000) && d <= rust_decimal::Decimal::from(1000)
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    pub kind: UnitKind,
    /// Vietnamese label: "nhiệm vụ", "tỷ đồng", "%", "%/năm".
    pub label: String,
    pub label_en: Option<String>,
}

impl Unit {
    /// "101 nhiệm vụ", "15 tỷ đồng", "30%", "20%/năm", "1.234,5 tỷ đồng".
    pub fn format_vi(&self, value: VnDecimal) -> String {
        join(&value.format_vi(), self.kind, &self.label)
    }

    pub fn format_en(&self, value: VnDecimal) -> String {
        let label = self.label_en.as_deref().unwrap_or(&self.label);
        join(&value.format_en(), self.kind, label)
    }
}

fn join(number: &str, kind: UnitKind, label: &str) -> String {
    match kind {
        UnitKind::Percent | UnitKind::PercentPerYear => format!("{number}{label}"),
        UnitKind::Count | UnitKind::Money => format!("{number} {label}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(kind: UnitKind, label: &str) -> Unit {
        Unit {
            kind,
            label: label.to_string(),
            label_en: None,
        }
    }

    fn n(s: &str) -> VnDecimal {
        VnDecimal::from_canonical(s).expect("valid test number")
    }

    #[test]
    fn values_are_written_with_their_unit_the_vietnamese_way() {
        assert_eq!(
            unit(UnitKind::Count, "nhiệm vụ").format_vi(n("101")),
            "101 nhiệm vụ"
        );
        assert_eq!(
            unit(UnitKind::Money, "tỷ đồng").format_vi(n("15")),
            "15 tỷ đồng"
        );
        assert_eq!(
            unit(UnitKind::Money, "tỷ đồng").format_vi(n("1234.5")),
            "1.234,5 tỷ đồng"
        );
        assert_eq!(unit(UnitKind::Percent, "%").format_vi(n("8.4")), "8,4%");
        assert_eq!(
            unit(UnitKind::PercentPerYear, "%/năm").format_vi(n("20")),
            "20%/năm"
        );
    }

    #[test]
    fn counts_refuse_negative_and_fractional_values() {
        assert!(UnitKind::Count.accepts(n("7")));
        assert!(!UnitKind::Count.accepts(n("-1")));
        assert!(!UnitKind::Count.accepts(n("1.5")));
        assert!(UnitKind::Percent.accepts(n("30")));
        assert!(!UnitKind::Percent.accepts(n("5000")));
        assert!(!UnitKind::Money.accepts(n("-3")));
    }
}
