//! The one door of every HTML form: [`Post<P, F>`] reads the posted form, checks that
//! someone is signed in, that the form carries their session's CSRF token and that
//! their role allows the permission `P`, then reads the form as the typed `F`. A
//! handler that takes a `Post` never runs for a request that fails any of these.

use crate::domain::Action;
use crate::i18n::Locale;
use crate::web::auth::csrf;
use crate::web::form::{Fields, field};
use crate::web::form_error::{FormError, Refusal};
use crate::web::lang::locale_from_headers;
use crate::web::rejection::{PageForm, page_refusal};
use crate::web::render::{is_plain_path, see_other};
use crate::web::state::SignedIn;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use std::marker::PhantomData;

/// What a form requires of the person who posts it.
pub trait Permission: Send + Sync + 'static {
    /// None: any signed-in user.
    const ACTION: Option<Action>;
}

macro_rules! permissions {
    ($($(#[$doc:meta])* $name:ident => $action:expr;)*) => {$(
        $(#[$doc])*
        pub struct $name;
        impl Permission for $name {
            const ACTION: Option<Action> = $action;
        }
    )*};
}

permissions! {
    /// Any signed-in user (signing out, one's own account).
    SignedInUser => None;
    /// Typing, importing and submitting figures.
    EnterValues => Some(Action::EnterValues);
    /// Submitting a year's figures for approval.
    SubmitValues => Some(Action::SubmitValues);
    /// Approving or returning figures.
    ReviewValues => Some(Action::ReviewValues);
    /// Locking and unlocking a term.
    LockTerm => Some(Action::LockTerm);
    /// Terms, groups, indicators and targets.
    ManageDefinitions => Some(Action::ManageDefinitions);
    /// Accounts.
    ManageUsers => Some(Action::ManageUsers);
}

/// A form posted by a signed-in user allowed `P`, read as `F`.
pub struct Post<P, F> {
    pub user: SignedIn,
    pub form: F,
    /// Every field as posted (the CSRF token left out), to fill a refused form in again.
    pub fields: Fields,
    _permission: PhantomData<P>,
}

/// A form that needs nothing more than its fields, for handlers that read them
/// through their own typed reader.
#[derive(serde::Deserialize)]
pub struct NoFields {}

/// 403 for a signed-in user whose role may not do this.
pub fn forbidden_role() -> Response {
    page_refusal(StatusCode::FORBIDDEN, "error.forbidden_action")
}

impl<S, P, F> FromRequest<S> for Post<P, F>
where
    S: Send + Sync,
    P: Permission,
    F: DeserializeOwned,
{
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        let signed_in = req.extensions().get::<SignedIn>().cloned();
        let lang = locale_from_headers(req.headers());
        let page = form_page(req.headers());
        let PageForm(fields) = PageForm::<Fields>::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let Some(user) = signed_in else {
            return Err(session_ended(lang, &page, &fields));
        };
        if !csrf::token_matches(&user.csrf, field(&fields, csrf::FIELD)) {
            return Err(csrf::forbidden());
        }
        if P::ACTION.is_some_and(|action| !user.user.role.may(action)) {
            return Err(forbidden_role());
        }
        let fields: Fields = fields
            .into_iter()
            .filter(|(k, _)| k != csrf::FIELD)
            .collect();
        let form = read_form(&fields).map_err(IntoResponse::into_response)?;
        Ok(Post {
            user,
            form,
            fields,
            _permission: PhantomData,
        })
    }
}

/// A form posted without a session (it expired while the clerk typed, or they
/// signed out in another tab): the sign-in page, 401, carrying what was typed (the
/// token and any password left out) and the form's page, so that signing in again
/// lands back on the form filled in. Nothing is written: the clerk checks the form
/// and saves again.
fn session_ended(l: Locale, page: &str, fields: &Fields) -> Response {
    // A password typed into a form (a new account's) is never carried back.
    let typed: Fields = fields
        .iter()
        .filter(|(k, _)| k != csrf::FIELD && !k.contains("password"))
        .cloned()
        .collect();
    let kept = serde_urlencoded::to_string(&typed).unwrap_or_default();
    let refusal = Refusal::empty("/login")
        .fill("next", page)
        .fill("kept", kept)
        .message(l.t("account.session_ended"))
        .status(StatusCode::UNAUTHORIZED);
    FormError::from(refusal).into_response()
}

/// The page that holds the posted form: the `Referer` (sent by browsers for this
/// site's own pages, under `Referrer-Policy: same-origin`) when it is on this host,
/// else the home page.
fn form_page(headers: &HeaderMap) -> String {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    headers
        .get(header::REFERER)
        .and_then(|r| r.to_str().ok())
        .and_then(|r| r.parse::<Uri>().ok())
        .filter(|uri| host.is_some() && uri.authority().map(|a| a.as_str()) == host)
        .and_then(|uri| uri.path_and_query().map(|p| p.as_str().to_string()))
        .filter(|path| is_plain_path(path))
        .unwrap_or_else(|| "/".to_string())
}

/// The posted `fields` read as the typed form `F`. For the forms that cannot take a
/// [`Post`] (sign-in and setup, posted by visitors who are not signed in): they are
/// read the same way. A field a page of this site never sends in that form (a hidden
/// id that is not a number, an unknown choice) is a tampered form.
pub fn read_form<F: DeserializeOwned>(fields: &[(String, String)]) -> Result<F, FormError> {
    F::deserialize(serde::de::value::MapDeserializer::<
        _,
        serde::de::value::Error,
    >::new(
        fields
            .iter()
            .map(|(k, v)| (k.as_str(), FieldValue(v.as_str()))),
    ))
    .map_err(|_| FormError::Tampered)
}

/// A posted value: text, read as a number or a choice when the form's type asks so.
struct FieldValue<'a>(&'a str);

impl<'de> serde::de::IntoDeserializer<'de, serde::de::value::Error> for FieldValue<'de> {
    type Deserializer = FieldDeserializer<'de>;
    fn into_deserializer(self) -> FieldDeserializer<'de> {
        FieldDeserializer(self.0)
    }
}

/// Deserializes one form value: numbers are parsed from the text, `Option`s are
/// `Some` (an empty field is an empty string, as browsers send it).
struct FieldDeserializer<'de>(&'de str);

macro_rules! parse_number {
    ($($method:ident => $visit:ident: $ty:ty),*) => {$(
        fn $method<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            let n = self.0.trim().parse::<$ty>().map_err(serde::de::Error::custom)?;
            visitor.$visit(n)
        }
    )*};
}

impl<'de> serde::Deserializer<'de> for FieldDeserializer<'de> {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_borrowed_str(self.0)
    }

    fn deserialize_option<V: serde::de::Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_some(self)
    }

    fn deserialize_enum<V: serde::de::Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_enum(serde::de::IntoDeserializer::<Self::Error>::into_deserializer(self.0))
    }

    parse_number!(
        deserialize_i32 => visit_i32: i32,
        deserialize_i64 => visit_i64: i64,
        deserialize_u32 => visit_u32: u32,
        deserialize_u64 => visit_u64: u64
    );

    serde::forward_to_deserialize_any! {
        bool i8 i16 i128 u8 u16 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct newtype_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// A signed-in user allowed `P`, for requests without a plain form: downloads of a
/// template, and the multipart upload (which checks its CSRF token in the body).
pub struct Allowed<P> {
    pub user: SignedIn,
    _permission: PhantomData<P>,
}

impl<S: Send + Sync, P: Permission> axum::extract::FromRequestParts<S> for Allowed<P> {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Response> {
        let user = parts
            .extensions
            .get::<SignedIn>()
            .cloned()
            .ok_or_else(|| see_other("/login"))?;
        if P::ACTION.is_some_and(|action| !user.user.role.may(action)) {
            return Err(forbidden_role());
        }
        Ok(Allowed {
            user,
            _permission: PhantomData,
        })
    }
}
