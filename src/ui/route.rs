//! Reading a page's route: the id of `/terms/:id` and the like, by the one id rule
//! (`domain::ids`), as the type of the thing it names; or any other parameter, and
//! the query of the URL.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The route parameter `name`, read by `parse` (an id's: `TermId::parse` refuses
/// "abc", "0", "012", "+1"); None when it is missing or refused.
pub fn route_param<I: 'static>(
    name: &'static str,
    parse: fn(&str) -> Option<I>,
) -> impl Fn() -> Option<I> + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get(name).and_then(|s| parse(&s))
}

/// The `:id` of the route, read as an id.
pub fn route_id<I: 'static>(
    parse: fn(&str) -> Option<I>,
) -> impl Fn() -> Option<I> + Copy + Send + Sync + 'static {
    route_param("id", parse)
}

/// The parameter `name` of the query of the URL the page was asked for (`?saved=1`).
/// Read once, untracked: a page is rendered whole on the server for one request.
pub fn query(name: &str) -> Option<String> {
    use_query_map().read_untracked().get(name)
}
