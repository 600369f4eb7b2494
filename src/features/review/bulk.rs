//! POST /review/approve: several figures approved in one post, the ones ticked or
//! every one the filtered page shows. Each is decided as if approved alone (its own
//! transaction, the same checks); the answer says which could not be and why,
//! beside their cards, and keeps the page's filter.

use super::post::refused_because;
use crate::db::Decision;
use crate::features::review::view::{card_id, parse_card};
use crate::web::form::form_actor;
use crate::web::form_error::{FormError, Refusal};
use crate::web::guard::{Post, ReviewValues};
use crate::web::lang::Lang;
use crate::web::render::see_other;
use crate::web::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

/// The bulk form: the button pressed, the cards ticked, every card shown, and the
/// filter of the page (a query this page wrote).
#[derive(Debug, Default, Deserialize)]
#[serde(try_from = "Vec<(String, String)>")]
pub(super) struct BulkForm {
    every_shown: bool,
    picked: Vec<String>,
    shown: Vec<String>,
    back: String,
}

/// The fields as posted: `pick` and `shown` come once per card, which a derived
/// form cannot hold.
impl TryFrom<Vec<(String, String)>> for BulkForm {
    type Error = &'static str;

    fn try_from(fields: Vec<(String, String)>) -> Result<Self, &'static str> {
        let mut form = BulkForm::default();
        let mut scope = None;
        for (name, value) in fields {
            match name.as_str() {
                "scope" => scope = scope.or(Some(value)),
                "pick" => form.picked.push(value),
                "shown" => form.shown.push(value),
                "back" => form.back = value,
                _ => return Err("unknown field"),
            }
        }
        form.every_shown = match scope.as_deref() {
            Some("all") => true,
            Some("picked") => false,
            _ => return Err("unknown scope"),
        };
        Ok(form)
    }
}

impl BulkForm {
    /// The review page to come back to, filtered as it was (only the parts of a
    /// query this page writes), and that query.
    fn page(&self) -> (String, String) {
        let filter = filter_query(&self.back);
        match filter.is_empty() {
            true => ("/review".to_string(), filter),
            false => (format!("/review?{filter}"), filter),
        }
    }
}

fn filter_query(back: &str) -> String {
    back.split('&')
        .filter(|part| {
            part.split_once('=').is_some_and(|(k, v)| {
                matches!(k, "term" | "year" | "group")
                    && !v.is_empty()
                    && v.bytes().all(|b| b.is_ascii_digit())
            })
        })
        .collect::<Vec<_>>()
        .join("&")
}

pub(super) async fn approve_many(
    State(state): State<AppState>,
    Lang(l): Lang,
    post: Post<ReviewValues, BulkForm>,
) -> Result<Response, FormError> {
    let (page, filter) = post.form.page();
    let form = &post.form;
    let chosen = if form.every_shown {
        &form.shown
    } else {
        &form.picked
    };
    let mut cards = Vec::with_capacity(chosen.len());
    for c in chosen {
        let card = parse_card(c).ok_or(FormError::Tampered)?;
        if !cards.contains(&card) {
            cards.push(card);
        }
    }
    if cards.is_empty() {
        let none = Refusal::empty(&page).message(l.t("review.none_picked"));
        return Err(none.status(StatusCode::UNPROCESSABLE_ENTITY).into());
    }
    let actor = form_actor(&post.user);
    let (mut approved, mut refused) = (0, Vec::new());
    for (id, period) in cards {
        match state
            .db
            .review_value(id.get(), period, Decision::Approve, None, &actor)
            .await
        {
            Ok(()) => approved += 1,
            Err(e) => refused.push((card_id(id, period), refused_because(&e))),
        }
    }
    if refused.is_empty() {
        let sep = if filter.is_empty() { "?" } else { "&" };
        return Ok(see_other(&format!("{page}{sep}approved={approved}")));
    }
    let counts = [
        ("done", approved.to_string()),
        ("n", refused.len().to_string()),
    ];
    let counts: Vec<(&str, &str)> = counts.iter().map(|(k, v)| (*k, v.as_str())).collect();
    // The reasons are said above the cards too: a figure decided meanwhile by someone
    // else is no longer on the page to carry its own.
    let mut reasons: Vec<&str> = Vec::new();
    for (_, (key, _)) in &refused {
        if !reasons.contains(key) {
            reasons.push(key);
        }
    }
    let reasons: Vec<&str> = reasons.into_iter().map(|k| l.t(k)).collect();
    let message = format!(
        "{} {}",
        l.tf("review.bulk_refused", &counts),
        reasons.join(" ")
    );
    let mut answer = Refusal::empty(&page).message(message);
    // Some approved: the post did what it could (200); none: the first reason's status.
    let status = match (approved, refused.first()) {
        (0, Some((_, (_, status)))) => *status,
        _ => StatusCode::OK,
    };
    for (card, (key, _)) in refused {
        answer = answer.field(card, l.t(key));
    }
    Err(answer.status(status).into())
}
