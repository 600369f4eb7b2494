//! The server function behind the review page; it checks the role first.

use crate::features::review::view::ReviewItemView;
use crate::i18n::Locale;
use crate::ui::errors::PageError;
use leptos::prelude::*;

#[server(prefix = "/fn", endpoint = "review_page")]
pub async fn get_review_items(locale: Locale) -> Result<Vec<ReviewItemView>, PageError> {
    let (_, db) = crate::ui::session::require(crate::domain::Action::ReviewValues)?;
    let mut items = Vec::new();
    for t in db.terms().await? {
        let working = db
            .term_data_as(t.id.get(), crate::db::Figures::Working)
            .await?;
        let approved = db.term_data(t.id.get()).await?;
        if let (Some(w), Some(a)) = (working, approved) {
            let returns = db.open_returns(t.id.get()).await?;
            items.extend(crate::features::review::build::review_items(
                &w, &a, &returns, locale,
            ));
        }
    }
    Ok(items)
}
