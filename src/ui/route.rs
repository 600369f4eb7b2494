//! Reading a page's route: the numeric id of `/terms/:id` and the like.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The numeric `:id` of the route; None for anything that is not a positive integer.
pub fn route_id() -> impl Fn() -> Option<i64> + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i64>().ok())
            .filter(|id| *id > 0)
    }
}
