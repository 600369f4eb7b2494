//! The server function behind the review page; it checks the role first.

use crate::i18n::Locale;
use crate::present::views::ReviewItemView;
use crate::ui::errors::PageError;
use leptos::prelude::*;

#[server(prefix = "/fn", endpoint = "review_page")]
pub async fn get_review_items(locale: Locale) -> Result<Vec<ReviewItemView>, PageError> {
    let (_, db) = crate::ui::session::require(crate::domain::Action::ReviewValues)?;
    let mut items = Vec::new();
    for t in db.terms().await? {
        let working = db.term_data_as(t.id, crate::db::Figures::Working).await?;
        let approved = db.term_data(t.id).await?;
        if let (Some(w), Some(a)) = (working, approved) {
            items.extend(crate::features::entry::build::review_items(&w, &a, locale));
        }
    }
    Ok(items)
}
