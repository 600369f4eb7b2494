use crate::ui::components::ErrorView;
use crate::ui::errors::PageError;
use leptos::prelude::*;

/// Any address that is not a page.
#[component]
pub fn NotFound() -> impl IntoView {
    view! { <ErrorView error=PageError::NotFound/> }
}
