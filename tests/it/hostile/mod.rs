//! Bad input never crashes and never stores garbage (issue #7, item 1): a corpus of
//! hostile and malformed inputs for every form, query parameter, path id, JSON body
//! and import file. Each must be answered 4xx with a clear message (a Vietnamese
//! sentence on pages, `{"error": {"code", "message"}}` on the API), and the database
//! must be the same before and after. Script payloads are stored as text and shown
//! escaped (`script.rs`).

mod accounts;
mod api;
mod bodies;
mod definitions;
mod files;
mod forms;
mod script;

use crate::common;

use common::TestApp;
use common::browser::{Visitor, csrf_of};
use reqwest::Method;

/// The sessions, tokens and ids the cases are written against.
pub struct Ctx {
    pub app: TestApp,
    pub anon: Visitor,
    pub admin: Visitor,
    pub editor: Visitor,
    pub approver: Visitor,
    /// Form tokens of anon, admin, editor, approver.
    csrf: [String; 4],
    pub editor_token: String,
    pub approver_token: String,
    pub viewer_token: String,
    /// The 2020–2025 term (no figures yet) and the 2015–2020 one.
    pub term: i64,
    pub old_term: i64,
    /// Indicators of the 2020–2025 term by unit kind, and one of the old term.
    pub count_id: i64,
    pub money_id: i64,
    pub percent_id: i64,
    pub old_id: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Anon,
    Admin,
    Editor,
    Approver,
}

pub enum Req {
    /// A form posted by `who` with its CSRF token first.
    Form {
        who: Who,
        path: String,
        fields: Vec<(String, String)>,
    },
    /// Any request with a raw body, sent with `who`'s cookies.
    Raw {
        who: Who,
        method: Method,
        path: String,
        content_type: Option<String>,
        body: Vec<u8>,
    },
    /// An API call with a bearer token (none: anonymous).
    Api {
        method: Method,
        path: String,
        token: Option<Who>,
        content_type: Option<String>,
        body: Vec<u8>,
    },
    /// A file uploaded to the import page by the editor.
    Upload {
        path: String,
        file_name: String,
        bytes: Vec<u8>,
    },
}

/// What the answer must say.
pub enum Expect {
    /// A page (or plain text) holding one of these Vietnamese phrases.
    Vi(&'static [&'static str]),
    /// A JSON error `{"error": {"code", "message"}}`.
    Json,
    /// Odd but valid input, read correctly: 200 with these phrases (a preview), and
    /// nothing stored either. Not counted as a refusal.
    Accepted(&'static [&'static str]),
}

pub struct Case {
    pub name: String,
    pub req: Req,
    pub expect: Expect,
}

pub fn case(name: impl Into<String>, req: Req, expect: Expect) -> Case {
    Case {
        name: name.into(),
        req,
        expect,
    }
}

pub fn form(who: Who, path: &str, fields: &[(&str, &str)]) -> Req {
    Req::Form {
        who,
        path: path.to_string(),
        fields: fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    }
}

pub fn get(who: Who, path: &str) -> Req {
    Req::Raw {
        who,
        method: Method::GET,
        path: path.to_string(),
        content_type: None,
        body: Vec::new(),
    }
}

pub fn api(method: Method, path: &str, token: Option<Who>, body: &[u8]) -> Req {
    Req::Api {
        method,
        path: path.to_string(),
        token,
        content_type: Some("application/json".into()),
        body: body.to_vec(),
    }
}

// Phrases of src/i18n/vi.toml the answers are checked for.
pub const NOT_FOUND: &[&str] = &["Không tìm thấy"];
pub const NUMBER: &[&str] = &[
    "Chưa nhập số.",
    "Không phải là số.",
    "Cách viết số không rõ ràng.",
    "Số quá lớn hoặc có quá nhiều chữ số thập phân.",
    "Số này nằm ngoài phạm vi của đơn vị tính",
];
pub const FIX_ERRORS: &[&str] = &["Biểu mẫu có chỗ cần sửa"];
pub const BAD_FORM: &[&str] = &["Biểu mẫu gửi lên không hợp lệ"];
pub const CSRF: &[&str] = &["Yêu cầu bị từ chối"];
pub const TOO_LARGE: &[&str] = &["quá lớn"];

fn id(list: &[serde_json::Value], code: &str) -> i64 {
    common::by_code(list, code)["id"].as_i64().expect("id")
}

impl Ctx {
    pub async fn new(app: TestApp) -> Ctx {
        let admin = app.admin().await;
        let editor = app.user(&admin, "vanthu", "editor").await;
        let approver = app.user(&admin, "lanhdao", "approver").await;
        let anon = app.visitor();
        let anon_csrf = csrf_of(&anon.get("/login").await.body);
        let csrf = [
            anon_csrf,
            admin.csrf().await,
            editor.csrf().await,
            approver.csrf().await,
        ];
        let editor_token = crate::common::api_token(&app, "robot", "editor").await;
        let approver_token = crate::common::api_token(&app, "robot-duyet", "approver").await;
        let viewer_token = crate::common::api_token(&app, "robot-xem", "viewer").await;
        let (term, list) = app.indicators_of(2020).await;
        let (old_term, old) = app.indicators_of(2015).await;
        Ctx {
            count_id: id(&list, "NV-01"),
            money_id: id(&list, "QP-02"),
            percent_id: id(&list, "DM-02"),
            old_id: id(&old, "NV-01"),
            term,
            old_term,
            editor_token,
            approver_token,
            viewer_token,
            csrf,
            anon,
            admin,
            editor,
            approver,
            app,
        }
    }

    fn visitor(&self, who: Who) -> (&Visitor, &str) {
        let (v, i) = match who {
            Who::Anon => (&self.anon, 0),
            Who::Admin => (&self.admin, 1),
            Who::Editor => (&self.editor, 2),
            Who::Approver => (&self.approver, 3),
        };
        (v, &self.csrf[i])
    }

    /// The form token to send as `who`. A visitor who is not signed in gets a new
    /// one with every page (sign-in and setup pages shown again), so it is read anew.
    async fn token(&self, who: Who) -> String {
        let (v, csrf) = self.visitor(who);
        match who {
            Who::Anon => csrf_of(&v.get("/login").await.body),
            _ => csrf.to_string(),
        }
    }

    /// Status, content type and body (HTML entities turned back) of the answer.
    /// A body over the limit may be answered (413) before it is all sent, and the
    /// connection closed under the sender: that is tried again, twice.
    pub async fn send(&self, req: &Req) -> Result<(u16, String, String), String> {
        let mut last = String::new();
        for _ in 0..3 {
            match self.send_once(req).await {
                Ok(answer) => return Ok(answer),
                Err(e) => last = e.to_string(),
            }
        }
        Err(last)
    }

    async fn send_once(&self, req: &Req) -> Result<(u16, String, String), reqwest::Error> {
        let res = match req {
            Req::Form { who, path, fields } => {
                let v = self.visitor(*who).0;
                let csrf = self.token(*who).await;
                let mut all = vec![("csrf".to_string(), csrf.to_string())];
                all.extend(fields.iter().cloned());
                v.client
                    .post(format!("{}{path}", v.base))
                    .form(&all)
                    .send()
                    .await
            }
            Req::Raw {
                who,
                method,
                path,
                content_type,
                body,
            } => {
                let v = self.visitor(*who).0;
                // "{csrf}" in a raw body stands for the sender's form token.
                let body = match body.windows(6).position(|w| w == b"{csrf}") {
                    Some(i) => [
                        &body[..i],
                        self.token(*who).await.as_bytes(),
                        &body[i + 6..],
                    ]
                    .concat(),
                    None => body.clone(),
                };
                let mut r = v
                    .client
                    .request(method.clone(), format!("{}{path}", v.base))
                    .body(body);
                if let Some(t) = content_type {
                    r = r.header("content-type", t);
                }
                r.send().await
            }
            Req::Api {
                method,
                path,
                token,
                content_type,
                body,
            } => {
                let mut r = self
                    .app
                    .client
                    .request(method.clone(), format!("{}{path}", self.app.base))
                    .body(body.clone());
                if let Some(t) = content_type {
                    r = r.header("content-type", t);
                }
                let token = match token {
                    Some(Who::Editor) => Some(&self.editor_token),
                    Some(Who::Approver) => Some(&self.approver_token),
                    Some(_) => Some(&self.viewer_token),
                    None => None,
                };
                if let Some(t) = token {
                    r = r.bearer_auth(t);
                }
                r.send().await
            }
            Req::Upload {
                path,
                file_name,
                bytes,
            } => {
                let (v, csrf) = self.visitor(Who::Editor);
                let form = reqwest::multipart::Form::new()
                    .text("csrf", csrf.to_string())
                    .part(
                        "file",
                        reqwest::multipart::Part::bytes(bytes.clone()).file_name(file_name.clone()),
                    );
                v.client
                    .post(format!("{}{path}", v.base))
                    .multipart(form)
                    .send()
                    .await
            }
        };
        let res = res?;
        let status = res.status().as_u16();
        let content_type = res
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let body = common::unescape(&res.text().await?);
        Ok((status, content_type, body))
    }

    /// Runs every case; returns one line per case that went wrong.
    pub async fn run(&self, cases: &[Case]) -> Vec<String> {
        let mut failures = Vec::new();
        for case in cases {
            let before = self.app.db.fingerprint().await.expect("fingerprint");
            let (status, content_type, body) = match self.send(&case.req).await {
                Ok(answer) => answer,
                Err(e) => {
                    failures.push(format!("{}: no answer ({e})", case.name));
                    continue;
                }
            };
            let after = self.app.db.fingerprint().await.expect("fingerprint");
            let mut wrong = Vec::new();
            let accepted = matches!(case.expect, Expect::Accepted(_));
            if !accepted && !(400..500).contains(&status) {
                wrong.push(format!("status {status}"));
            }
            if accepted && status != 200 {
                wrong.push(format!("status {status}, not 200"));
            }
            match case.expect {
                Expect::Accepted(phrases) => {
                    if !phrases.iter().all(|p| body.contains(p)) {
                        wrong.push(format!("not read as {phrases:?}"));
                    }
                }
                Expect::Vi(phrases) => {
                    if !phrases.iter().any(|p| body.contains(p)) {
                        wrong.push(format!("no Vietnamese message {phrases:?}"));
                    }
                }
                Expect::Json => {
                    let json: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
                    let ok = content_type.starts_with("application/json")
                        && json["error"]["code"]
                            .as_str()
                            .is_some_and(|c| !c.is_empty())
                        && json["error"]["message"]
                            .as_str()
                            .is_some_and(|m| !m.is_empty());
                    if !ok {
                        wrong.push(format!("not a JSON error ({content_type})"));
                    }
                }
            }
            if before != after {
                let changed: Vec<&str> = before
                    .iter()
                    .zip(&after)
                    .filter(|(b, a)| b != a)
                    .map(|(b, _)| b.0.as_str())
                    .collect();
                wrong.push(format!("database changed: {changed:?}"));
            }
            if !wrong.is_empty() {
                failures.push(format!(
                    "{}: {} — {}",
                    case.name,
                    wrong.join("; "),
                    gist(&body)
                ));
            }
        }
        failures
    }
}

/// The text of a page without its markup, shortened: enough to see the message.
fn gist(body: &str) -> String {
    let text = match body.find("<main") {
        Some(i) => &body[i..],
        None => body,
    };
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = out.split_whitespace().collect();
    words.join(" ").chars().take(300).collect()
}

/// Every case of the corpus, by area.
async fn corpus(ctx: &Ctx) -> Vec<(&'static str, Vec<Case>)> {
    vec![
        ("entry form", forms::entry(ctx)),
        ("sign-in, setup, accounts", accounts::accounts(ctx)),
        ("definitions", definitions::definitions(ctx)),
        ("review and lock", forms::review(ctx)),
        ("query parameters", api::queries(ctx)),
        ("path ids", api::paths(ctx)),
        ("write API bodies", bodies::bodies(ctx)),
        ("import files", files::imports(ctx).await),
    ]
}

async fn hostile_input_is_refused_with_a_message_and_changes_nothing(app: TestApp) {
    let ctx = Ctx::new(app).await;
    let areas = corpus(&ctx).await;
    let mut failures = Vec::new();
    let (mut total, mut accepted) = (0, 0);
    for (area, cases) in &areas {
        let valid = cases
            .iter()
            .filter(|c| matches!(c.expect, Expect::Accepted(_)))
            .count();
        eprintln!(
            "hostile corpus: {area}: {} refused, {valid} odd but valid",
            cases.len() - valid
        );
        total += cases.len() - valid;
        accepted += valid;
        failures.extend(ctx.run(cases).await);
    }
    eprintln!("hostile corpus: {total} cases refused in all (and {accepted} odd but valid)");
    assert!(
        failures.is_empty(),
        "{} of {total} hostile inputs were not refused cleanly:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(total >= 200, "the corpus has only {total} cases");
}

on_both_backends!(hostile_input_is_refused_with_a_message_and_changes_nothing);
