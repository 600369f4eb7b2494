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
pub use figure::{Figure, FigureError, FigureInput, Written};
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
