//! Reading: the home, term and indicator pages everyone sees, and the change history
//! shown to staff on them.

pub mod data;
pub mod history;
pub mod history_data;
pub mod home;
pub mod indicator;
pub mod term;

pub use home::HomePage;
pub use indicator::IndicatorPage;
pub use term::TermPage;
