//! The frame of a page that every page component shares: its title and heading, the
//! refusal of a reader who may not see it, and its data, fetched by a server function
//! and shown once it has come (or the error view when it failed). Written once here so
//! that each page says only what is its own.

use crate::domain::Action;
use crate::i18n::Locale;
use crate::ui::components::ErrorView;
use crate::ui::errors::PageError;
use crate::ui::session::UserView;
use crate::ui::use_locale;
use leptos::prelude::*;
use leptos_meta::Title;

/// What a page's server function answers, as the page waits for it.
pub type PageData<T> = AsyncDerived<Result<T, PageError>>;

/// What the server function `fetch` answers in the reader's language.
pub fn load<T, Fut>(fetch: impl Fn(Locale) -> Fut + Send + Sync + 'static) -> PageData<T>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<T, PageError>> + Send + 'static,
{
    let locale = use_locale();
    AsyncDerived::new(move || fetch(locale))
}

/// A page component that loads its view for what its address names (`key`, as
/// [`load_for`] takes it) and shows it with the component `body`, which takes the
/// view as its one prop: `loading_page!(IndicatorPage, route_id(IndicatorId::parse),
/// get_indicator_page, IndicatorBody);`.
#[macro_export]
macro_rules! loading_page {
    ($name:ident, $key:expr, $fetch:expr, $body:ident) => {
        #[leptos::component]
        pub fn $name() -> impl leptos::prelude::IntoView {
            use leptos::prelude::*;
            let data = $crate::ui::page::load_for($key, $fetch);
            $crate::ui::page::loaded(data, |view| view! { <$body view/> })
        }
    };
}

/// What the server function `fetch` answers, in the reader's language, for what the
/// route names (`key`: its id, e.g. [`crate::ui::route::route_id`], or the term and
/// year of a form); not found when the route names nothing valid.
pub fn load_for<K, T, Fut>(
    key: impl Fn() -> Option<K> + Send + Sync + 'static,
    fetch: impl Fn(K, Locale) -> Fut + Send + Sync + 'static,
) -> PageData<T>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<T, PageError>> + Send + 'static,
{
    let locale = use_locale();
    AsyncDerived::new(move || {
        let fetched = key().map(|key| fetch(key, locale));
        async move {
            match fetched {
                Some(fetched) => fetched.await,
                None => Err(PageError::NotFound),
            }
        }
    })
}

/// `body` of the page's data once it has come; the error view if it could not be had.
/// Nothing is shown while waiting: pages are rendered whole on the server
/// (`SsrMode::Async`), so no reader sees a half-loaded page.
pub fn loaded<T, V>(
    data: PageData<T>,
    body: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let body = body.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(data) => body(data).into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The error view for a reader (`me`) who may not do `action`: sign in first, or
/// forbidden. None when they may.
pub fn refusal(me: Option<&UserView>, action: Action) -> Option<AnyView> {
    let error = match me {
        Some(user) if user.role.may(action) => return None,
        Some(_) => PageError::Forbidden,
        None => PageError::SignInRequired,
    };
    Some(view! { <ErrorView error/> }.into_any())
}

/// The page's name, in the browser's tab and as its heading.
#[component]
pub fn Heading(text: &'static str) -> impl IntoView {
    view! {
        <Title text=text/>
        <h1>{text}</h1>
    }
}
