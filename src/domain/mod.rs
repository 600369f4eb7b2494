//! Pure domain types and rules: terms, indicators, typed targets, values and the
//! progress/status computed from them. No I/O, no database or web types here, so that
//! the same rules run on the server, in tests and (later) in the browser bundle.

pub mod entry;
pub mod figure;
pub mod ids;
pub mod indicator;
pub mod number;
pub mod period;
pub mod progress;
pub mod role;
pub mod target;
pub mod term;
pub mod unit;
pub mod value;

pub use entry::{MAX_TEXT_CHARS, ValueError, has_control_chars, parse_value};
pub use figure::{CheckedFigure, Figure, FigureError, FigureInput, Written};
pub use ids::{GroupId, IndicatorId, TermId, UserId};
pub use indicator::{CodeError, Indicator, IndicatorCode};
pub use number::{NumberError, VnDecimal};
pub use period::Period;
pub use progress::{Progress, Reason, Status, evaluate};
pub use role::{Action, Role, ValueState};
pub use target::{Direction, Target, TargetKind};
pub use term::{Term, TermError};
pub use unit::{Unit, UnitKind};
pub use value::{Observation, Qualifier};

#[cfg(test)]
mod words {
    //! The words the database and the forms hold for each typed value.

    use super::*;

    /// Each typed value as (its word, the word read back), for every value.
    fn round_trips() -> Vec<(&'static str, Option<&'static str>)> {
        let mut out = Vec::new();
        out.extend(Role::ALL.map(|v| (v.key(), Role::parse(v.key()).map(Role::key))));
        out.extend(
            ValueState::ALL.map(|v| (v.key(), ValueState::parse(v.key()).map(ValueState::key))),
        );
        out.extend(UnitKind::ALL.map(|v| (v.key(), UnitKind::parse(v.key()).map(UnitKind::key))));
        out.extend(
            TargetKind::ALL.map(|v| (v.key(), TargetKind::parse(v.key()).map(TargetKind::key))),
        );
        out.extend(
            Direction::ALL.map(|v| (v.key(), Direction::parse(v.key()).map(Direction::key))),
        );
        out.extend(
            Qualifier::ALL.map(|v| (v.key(), Qualifier::parse(v.key()).map(Qualifier::key))),
        );
        out
    }

    #[test]
    fn every_typed_value_reads_back_from_the_word_it_is_stored_as() {
        for (word, read) in round_trips() {
            assert_eq!(read, Some(word), "{word:?}");
        }
    }

    #[test]
    fn a_word_that_names_no_value_is_refused_by_every_reader() {
        for word in [
            "",
            "Draft",
            "DRAFT",
            " draft",
            "draft ",
            "published",
            "kilograms",
            "up",
            "someday",
            "roughly",
            "superuser",
            "1",
        ] {
            assert_eq!(Role::parse(word), None, "role {word:?}");
            assert_eq!(ValueState::parse(word), None, "state {word:?}");
            assert_eq!(UnitKind::parse(word), None, "unit kind {word:?}");
            assert_eq!(TargetKind::parse(word), None, "target kind {word:?}");
            assert_eq!(Direction::parse(word), None, "direction {word:?}");
            assert_eq!(Qualifier::parse(word), None, "qualifier {word:?}");
        }
    }
}
