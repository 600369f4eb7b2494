use crate::app::components::ErrorView;
use crate::app::errors::PageError;
use leptos::prelude::*;

/// Any address that is not a page.
#[component]
pub fn NotFound() -> impl IntoView {
    view! { <ErrorView error=PageError::NotFound/> }
}
