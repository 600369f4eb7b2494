//! Pieces of the pages' plain forms (they post without JavaScript).

use crate::ui::session::CsrfField;
use leptos::either::Either;
use leptos::prelude::*;

/// A form that is one small button, for an action on one row of a list (archive,
/// restore, enable, disable): it posts the CSRF token and the `hidden` field, if any,
/// to `action`. The button's words are the children.
#[component]
pub fn ButtonForm(
    action: String,
    csrf: String,
    #[prop(optional_no_strip)] hidden: Option<(&'static str, &'static str)>,
    children: Children,
) -> impl IntoView {
    // No hidden field leaves nothing in the HTML: an `Option` view would leave the
    // empty comment that marks a missing node, and the page would not be the same
    // as the form written out.
    let hidden = match hidden {
        Some((name, value)) => Either::Left(view! { <input type="hidden" name=name value=value/> }),
        None => Either::Right([(); 0]),
    };
    view! {
        <form method="post" action=action>
            <CsrfField token=csrf/>
            {hidden}
            <button type="submit" class="button secondary small">{children()}</button>
        </form>
    }
}
