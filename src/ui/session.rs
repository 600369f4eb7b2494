//! What the pages know about the person using them, and the feedback of a form
//! that was sent back with errors. On the server these come from the request; a
//! browser bundle would see no one signed in.

use crate::domain::Role;
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserView {
    pub username: String,
    pub role: Role,
    pub csrf: String,
}

/// The signed-in user of the request being rendered.
pub fn current_user() -> Option<UserView> {
    #[cfg(feature = "ssr")]
    {
        crate::web::state::signed_in().map(|s| UserView {
            username: s.user.username,
            role: s.user.role,
            csrf: s.csrf,
        })
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

pub use crate::present::feedback::FormFeedback;

pub fn form_feedback() -> Option<FormFeedback> {
    use_context::<FormFeedback>()
}

/// Hidden field with the CSRF token of the signed-in user.
#[component]
pub fn CsrfField(token: String) -> impl IntoView {
    view! { <input type="hidden" name="csrf" value=token/> }
}

/// The signed-in user and the database, when that user may do `action`; the error
/// a page shows otherwise.
#[cfg(feature = "ssr")]
pub fn require(
    action: crate::domain::Action,
) -> Result<(crate::web::state::SignedIn, crate::db::Db), crate::ui::errors::PageError> {
    let signed_in =
        crate::web::state::signed_in().ok_or(crate::ui::errors::PageError::SignInRequired)?;
    if !signed_in.user.role.may(action) {
        return Err(crate::ui::errors::PageError::Forbidden);
    }
    let db = leptos::prelude::use_context::<crate::web::state::AppState>()
        .ok_or(crate::ui::errors::PageError::Internal)?
        .db;
    Ok((signed_in, db))
}
