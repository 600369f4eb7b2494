//! Who is asking: sessions (cookie → signed-in user), API tokens, passwords,
//! login throttling, CSRF and Origin checks, and the private mode.

pub mod caller;
pub mod client_address;
pub mod csrf;
pub mod password;
pub mod secret;
pub mod session;
pub mod throttle;

pub use crate::web::state::SignedIn;
