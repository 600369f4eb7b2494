//! Reading plain HTML forms: a field's value, a field's trimmed text, the signed-in
//! author of a change made through a form.

/// A posted form's fields, in order.
pub type Fields = Vec<(String, String)>;

/// The value of `name` in a posted form (the first, if repeated).
pub fn field<'a>(form: &'a [(String, String)], name: &str) -> Option<&'a str> {
    form.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// A field's trimmed text; none when absent or blank.
pub fn text_field(form: &[(String, String)], name: &str) -> Option<String> {
    field(form, name)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// The signed-in user as the author of a change made through a form.
pub fn form_actor(s: &crate::web::state::SignedIn) -> crate::db::Actor {
    crate::db::Actor {
        user_id: s.user.id.get(),
        username: s.user.username.clone(),
        origin: crate::db::Origin::Form,
    }
}

/// A typed form's text field: trimmed, none when blank.
pub fn text(value: &str) -> Option<String> {
    Some(value.trim())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// The last part of `/…/{id}/archive` and `/…/{id}/restore`: anything else names
/// no address (404 before the handler runs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Archiving {
    Archive,
    Restore,
}

impl Archiving {
    pub fn archived(self) -> bool {
        self == Archiving::Archive
    }
}
