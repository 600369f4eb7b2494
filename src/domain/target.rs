//! Typed targets (chỉ tiêu). A resolution mixes several kinds, and each kind is
//! measured differently, so the kind is part of the target, not a display hint.

use super::VnDecimal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// Every year of the term must reach the value ("20%/năm").
    EachYear,
    /// The total over the term must reach the value (tasks managed).
    Cumulative,
    /// The level reached by the end of the term ("30%" share at term end).
    EndOfTerm,
    /// The average of the term's years.
    Average,
}

impl TargetKind {
    /// In the order a form offers them.
    pub const ALL: [TargetKind; 4] = [
        TargetKind::EachYear,
        TargetKind::Cumulative,
        TargetKind::EndOfTerm,
        TargetKind::Average,
    ];

    pub fn parse(text: &str) -> Option<TargetKind> {
        match text {
            "each_year" => Some(TargetKind::EachYear),
            "cumulative" => Some(TargetKind::Cumulative),
            "end_of_term" => Some(TargetKind::EndOfTerm),
            "average" => Some(TargetKind::Average),
            _ => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            TargetKind::EachYear => "each_year",
            TargetKind::Cumulative => "cumulative",
            TargetKind::EndOfTerm => "end_of_term",
            TargetKind::Average => "average",
        }
    }
}

/// Whether more is better (tasks, enterprises) or less (e.g. a poverty rate).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    HigherIsBetter,
    LowerIsBetter,
}

impl Direction {
    pub const ALL: [Direction; 2] = [Direction::HigherIsBetter, Direction::LowerIsBetter];

    pub fn parse(text: &str) -> Option<Direction> {
        match text {
            "higher" | "higher_is_better" => Some(Direction::HigherIsBetter),
            "lower" | "lower_is_better" => Some(Direction::LowerIsBetter),
            _ => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Direction::HigherIsBetter => "higher_is_better",
            Direction::LowerIsBetter => "lower_is_better",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub kind: TargetKind,
    pub value: VnDecimal,
    pub direction: Direction,
}
