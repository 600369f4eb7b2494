//! The people of the model walk and what each does over HTTP: two clerks with
//! browsers (the entry form, its "Gửi duyệt" and "Gửi lại" buttons, the import), a
//! program with an editor's token, a leader with a browser (review cards, the lock
//! button, the form), a leader with an approver's token, and the administrator.
//! Each action answers an [`Outcome`]: what the server said, and what that promises.

use super::Who;
use crate::common;
use crate::workflow::{review, shown};

use common::TestApp;
use common::browser::{Answer, Visitor, csrf_of};
use serde_json::{Value, json};

/// One action, planned in full before the round runs (values, stale versions).
#[derive(Debug, Clone)]
pub(super) enum Act {
    /// The entry form with these figures; `Some` version: the one seen earlier.
    Save(Vec<(usize, String, Option<String>)>),
    /// The same form posted twice, as a double click does.
    DoublePost(usize, String, Option<String>),
    /// "Gửi duyệt": every draft of the year.
    Submit,
    /// "Gửi lại để duyệt" of a returned figure.
    Resubmit(usize, Option<String>),
    /// A file of figures: upload, preview, confirm.
    Import(Vec<(usize, String)>),
    /// `PUT …/values/2021`; the version seen earlier, or none at all (a blind write).
    ApiSave(usize, String, Option<Option<i64>>),
    /// `POST …/submit` with the version seen earlier, or the current one.
    ApiSubmit(usize, Option<i64>),
    Approve(usize),
    Return(usize),
    Lock(bool),
}

/// A figure a save sent: the indicator, the value and the version it claimed to change.
#[derive(Debug, Clone)]
pub(super) struct Write {
    pub indicator: i64,
    pub value: String,
    pub expected: Option<i64>,
}

#[derive(Debug)]
pub(super) struct Outcome {
    pub who: Who,
    pub act: Act,
    pub statuses: Vec<u16>,
    /// Some answer said done.
    pub acked: bool,
    /// The history entry a change of this action writes.
    pub action: &'static str,
    /// How many changes the answers announced (`saved=n`, `submitted=n`, or one).
    pub changes: usize,
    pub writes: Vec<Write>,
    pub target: Option<i64>,
    /// Refused with "you changed this figure last".
    pub own_figure: bool,
    /// An answer no rule allows (a 500, a 400 to a well-formed request, …).
    pub unexpected: Option<String>,
    /// Versions the actor saw on the way (figure index, version).
    pub seen: Vec<(usize, i64)>,
}

pub(super) struct World<'a> {
    pub app: &'a TestApp,
    pub term: i64,
    /// The walk's figures: (indicator id, code), all of 2021.
    pub figs: Vec<(i64, String)>,
    pub clerks: [Visitor; 2],
    pub leader: Visitor,
    pub admin: Visitor,
    pub robot: String,
    pub leader2: String,
}

impl World<'_> {
    fn path(&self) -> String {
        format!("/entry/{}/2021", self.term)
    }

    fn visitor(&self, who: Who) -> &Visitor {
        match who {
            Who::Clerk1 => &self.clerks[0],
            Who::Clerk2 => &self.clerks[1],
            Who::Admin => &self.admin,
            _ => &self.leader,
        }
    }

    fn token(&self, who: Who) -> &str {
        if who == Who::Leader2 {
            &self.leader2
        } else {
            &self.robot
        }
    }

    pub async fn run(&self, who: Who, act: Act) -> Outcome {
        let mut o = Outcome {
            who,
            act: act.clone(),
            statuses: Vec::new(),
            acked: false,
            action: "value.save",
            changes: 0,
            writes: Vec::new(),
            target: None,
            own_figure: false,
            unexpected: None,
            seen: Vec::new(),
        };
        let v = self.visitor(who);
        let path = self.path();
        match act {
            Act::Save(rows) => {
                let page = v.get(&path).await;
                let mut fields = vec![("csrf".to_string(), csrf_of(&page.body))];
                for (fig, value, earlier) in rows {
                    let id = self.figs[fig].0;
                    let now = shown(&page.body, &format!("ver_{id}"));
                    o.seen.extend(now.parse().ok().map(|n| (fig, n)));
                    let version = earlier.unwrap_or(now);
                    o.writes.push(Write {
                        indicator: id,
                        value: value.clone(),
                        expected: version.parse().ok(),
                    });
                    fields.push((format!("v_{id}"), value));
                    fields.push((format!("ver_{id}"), version));
                }
                let answer = v.post(&path, &pairs(&fields)).await;
                o.form(&answer, Some("saved="), &[409, 423]);
            }
            Act::DoublePost(fig, value, earlier) => {
                let id = self.figs[fig].0;
                let page = v.get(&path).await;
                let now = shown(&page.body, &format!("ver_{id}"));
                o.seen.extend(now.parse().ok().map(|n| (fig, n)));
                let version = earlier.unwrap_or(now);
                o.writes.push(Write {
                    indicator: id,
                    value: value.clone(),
                    expected: version.parse().ok(),
                });
                let fields = [
                    ("csrf".to_string(), csrf_of(&page.body)),
                    (format!("v_{id}"), value),
                    (format!("ver_{id}"), version),
                ];
                for _ in 0..2 {
                    let answer = v.post(&path, &pairs(&fields)).await;
                    o.form(&answer, Some("saved="), &[409, 423]);
                }
            }
            Act::Submit => {
                o.action = "value.submit";
                let csrf = csrf_of(&v.get(&path).await.body);
                let answer = v
                    .post(&format!("{path}/submit"), &[("csrf", csrf.as_str())])
                    .await;
                o.form(&answer, Some("submitted="), &[423]);
            }
            Act::Resubmit(fig, earlier) => {
                o.action = "value.submit";
                let id = self.figs[fig].0;
                o.target = Some(id);
                let page = v.get(&path).await;
                let now = shown(&page.body, &format!("ver_{id}"));
                o.seen.extend(now.parse().ok().map(|n| (fig, n)));
                let version = earlier.unwrap_or(now);
                let fields = [
                    ("csrf".to_string(), csrf_of(&page.body)),
                    ("indicator".to_string(), id.to_string()),
                    ("version".to_string(), version),
                ];
                let answer = v.post(&format!("{path}/resubmit"), &pairs(&fields)).await;
                o.form(&answer, None, &[409, 423]);
            }
            Act::Import(rows) => self.import(v, rows, &mut o).await,
            Act::ApiSave(fig, value, earlier) => {
                let id = self.figs[fig].0;
                let expected = match earlier {
                    Some(e) => e,
                    None => Some(self.api_version(who, fig, &mut o).await),
                };
                o.writes.push(Write {
                    indicator: id,
                    value: value.clone(),
                    expected,
                });
                let mut body = json!({ "value": value });
                if let Some(e) = expected {
                    body["expected_version"] = json!(e);
                }
                let req = self.app.client.put(self.api(fig, ""));
                o.api(req.bearer_auth(self.token(who)).json(&body), &[409, 423])
                    .await;
            }
            Act::ApiSubmit(fig, earlier) => {
                o.action = "value.submit";
                o.target = Some(self.figs[fig].0);
                let version = match earlier {
                    Some(e) => e,
                    None => self.api_version(who, fig, &mut o).await,
                };
                let req = self.app.client.post(self.api(fig, "/submit"));
                let body = json!({ "expected_version": version });
                o.api(
                    req.bearer_auth(self.token(who)).json(&body),
                    &[404, 409, 423],
                )
                .await;
            }
            Act::Approve(fig) | Act::Return(fig) => {
                let approve = matches!(o.act, Act::Approve(_));
                o.action = if approve {
                    "value.approve"
                } else {
                    "value.return"
                };
                let id = self.figs[fig].0;
                o.target = Some(id);
                let (decision, comment) = match approve {
                    true => ("approve", String::new()),
                    false => ("return", format!("Xem lại số liệu {id}")),
                };
                let own = if approve { &[403][..] } else { &[][..] };
                let allowed = [&[409, 423][..], own].concat();
                if who == Who::Leader2 {
                    let req = self.app.client.post(self.api(fig, &format!("/{decision}")));
                    let body = json!({ "comment": (!comment.is_empty()).then_some(comment) });
                    o.api(req.bearer_auth(self.token(who)).json(&body), &allowed)
                        .await;
                } else {
                    let answer = review(v, id, decision, &comment).await;
                    o.form(&answer, None, &allowed);
                    o.own_figure =
                        answer.status == 403 && answer.body.contains("không thể tự duyệt");
                }
            }
            Act::Lock(lock) => {
                o.action = if lock { "term.lock" } else { "term.unlock" };
                let csrf = v.csrf().await;
                let fields = [
                    ("csrf", csrf.as_str()),
                    ("lock", if lock { "1" } else { "0" }),
                ];
                let answer = v.post(&format!("/terms/{}/lock", self.term), &fields).await;
                o.form(&answer, None, &[]);
            }
        }
        if o.statuses.contains(&403) && !o.own_figure && o.unexpected.is_none() {
            o.unexpected = Some("403 without saying it is the approver's own figure".into());
        }
        o
    }

    fn api(&self, fig: usize, rest: &str) -> String {
        let id = self.figs[fig].0;
        format!("{}/api/v1/indicators/{id}/values/2021{rest}", self.app.base)
    }

    /// The version of a figure the API shows the token's holder now (0: none yet).
    async fn api_version(&self, who: Who, fig: usize, o: &mut Outcome) -> i64 {
        let url = format!("{}/api/v1/terms/{}/indicators", self.app.base, self.term);
        let res = self.app.client.get(url).bearer_auth(self.token(who)).send();
        let list: Value = res.await.expect("list").json().await.expect("json");
        let version = list
            .as_array()
            .and_then(|a| a.iter().find(|i| i["id"] == self.figs[fig].0))
            .and_then(|i| i["values"].as_array())
            .and_then(|vs| vs.iter().find(|v| v["period"] == "2021"))
            .and_then(|v| v["version"].as_i64())
            .unwrap_or(0);
        o.seen.push((fig, version));
        version
    }

    async fn import(&self, v: &Visitor, rows: Vec<(usize, String)>, o: &mut Outcome) {
        let path = format!("/import/{}/2021", self.term);
        let mut file = String::from(
            "Mã chỉ tiêu;Tên chỉ tiêu;Đơn vị;Năm trước;Giá trị;Mức độ;Ghi chú;Tài liệu nguồn;Trích dẫn\n",
        );
        for (fig, value) in &rows {
            file.push_str(&format!("{};;;;{value};;;;\n", self.figs[*fig].1));
        }
        let page = v.get(&path).await;
        let part = reqwest::multipart::Part::bytes(file.into_bytes()).file_name("so-lieu.csv");
        let form = reqwest::multipart::Form::new()
            .text("csrf", csrf_of(&page.body))
            .part("file", part);
        let res = v.client.post(format!("{}{path}", v.base)).multipart(form);
        let res = res.send().await.expect("upload");
        let status = res.status().as_u16();
        let preview = common::unescape(&res.text().await.unwrap_or_default());
        if status != 200 {
            o.statuses.push(status);
            if status != 423 {
                o.unexpected = Some(format!("upload: {status} {}", excerpt(&preview)));
            }
            return;
        }
        let fields = hidden_fields(&preview);
        let field = |name: String| fields.iter().find(|(k, _)| *k == name).map(|(_, v)| v);
        for n in 0..rows.len() {
            let code = field(format!("code_{n}")).cloned().unwrap_or_default();
            let Some(fig) = self.figs.iter().position(|(_, c)| *c == code) else {
                o.unexpected = Some(format!("the preview lost row {n}: {fields:?}"));
                return;
            };
            let expected = field(format!("ver_{n}")).and_then(|v| v.parse().ok());
            o.seen.extend(expected.map(|e| (fig, e)));
            o.writes.push(Write {
                indicator: self.figs[fig].0,
                value: field(format!("value_{n}")).cloned().unwrap_or_default(),
                expected,
            });
        }
        let answer = v.post(&format!("{path}/confirm"), &pairs(&fields)).await;
        o.form(&answer, Some("saved="), &[409, 423]);
    }
}

impl Outcome {
    /// A form's answer: 303 is done (with the count the address announces).
    fn form(&mut self, a: &Answer, count: Option<&str>, refusals: &[u16]) {
        self.statuses.push(a.status);
        if a.status == 303 {
            self.acked = true;
            self.changes += match count {
                None => 1,
                Some(key) => a
                    .location
                    .as_deref()
                    .and_then(|l| l.split(key).nth(1))
                    .and_then(|n| n.split('&').next()?.parse().ok())
                    .unwrap_or(usize::MAX),
            };
        } else if !refusals.contains(&a.status) {
            self.unexpected = Some(format!("{} {}", a.status, excerpt(&a.body)));
        }
    }

    /// An API answer: 200 is one change.
    async fn api(&mut self, req: reqwest::RequestBuilder, refusals: &[u16]) {
        let res = req.send().await.expect("request");
        let status = res.status().as_u16();
        let body = res.text().await.unwrap_or_default();
        self.statuses.push(status);
        if status == 200 {
            self.acked = true;
            self.changes += 1;
        } else if !refusals.contains(&status) {
            self.unexpected = Some(format!("{status} {}", excerpt(&body)));
        }
        self.own_figure = status == 403 && body.contains("separation of duties");
    }
}

fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// The start of a page's main part, for a failure message.
fn excerpt(body: &str) -> String {
    let main = body.split("<main").nth(1).unwrap_or(body);
    main.chars().take(600).collect()
}

/// Every hidden field of a page (the preview's confirm form).
fn hidden_fields(page: &str) -> Vec<(String, String)> {
    page.split("<input type=\"hidden\" name=\"")
        .skip(1)
        .filter_map(|rest| {
            let (name, rest) = rest.split_once('"')?;
            let value = rest.split_once("value=\"")?.1.split('"').next()?;
            Some((name.to_string(), value.to_string()))
        })
        .collect()
}
