//! Every state-changing form route × anonymous, viewer, editor, approver, admin.

use super::{prepare_draft, prepare_submitted, preparer, snapshot_is};
use crate::common;

use common::browser::Visitor;
use common::{TestApp, by_code};
use resolution_dashboard::db::{IndicatorInput, TermEdit, TermInput};
use resolution_dashboard::domain::{Direction, Indicator, IndicatorCode, Role, Unit, UnitKind};

/// How a route answers the roles it lets through.
#[derive(Clone, Copy, PartialEq)]
enum Allowed {
    /// 303 and something stored.
    Changes,
    /// 200 and nothing stored (the import preview).
    Shows,
}

/// One state-changing route: what it is, where it posts, the least role that may
/// (1 viewer … 4 admin) and what it does then.
struct Route {
    what: &'static str,
    path: String,
    minimum: usize,
    allowed: Allowed,
}

fn route(what: &'static str, path: String, minimum: usize) -> Route {
    Route {
        what,
        path,
        minimum,
        allowed: Allowed::Changes,
    }
}

/// What to post to `route` for the visitor of rank `rank` (0 anonymous … 4 admin).
fn form_of(what: &str, rank: usize, ids: &Ids, locked: bool) -> Vec<(String, String)> {
    let n = |base: usize| (base + rank).to_string();
    let (value_field, group_field) = (format!("v_{}", ids.nv), format!("group_name_{}", ids.group));
    let pairs: Vec<(&str, String)> = match what {
        "save" => vec![(&value_field, n(10))],
        "review" => vec![("decision", "approve".into())],
        "lock" => vec![("lock", if locked { "0" } else { "1" }.into())],
        "create user" => vec![
            ("username", format!("moi-{rank}")),
            ("role", "viewer".into()),
            ("password", "mat-khau-dai-du".into()),
        ],
        "import confirm" => vec![
            ("rows", "1".into()),
            ("code_0", "NV-01".into()),
            ("value_0", n(30)),
        ],
        "create term" => {
            let start = 2050 + 5 * rank;
            vec![
                ("name", format!("Nhiệm kỳ {start}")),
                ("start_year", start.to_string()),
                ("end_year", (start + 5).to_string()),
            ]
        }
        "correct term" => vec![
            ("edit_name", format!("Nhiệm kỳ 2020–2025 (sửa {rank})")),
            ("edit_start_year", "2020".into()),
            ("edit_end_year", "2025".into()),
        ],
        "create indicator" | "edit indicator" => vec![
            (
                "code",
                if what == "edit indicator" {
                    "NV-01".into()
                } else {
                    format!("MOI-{rank}")
                },
            ),
            ("name", format!("Chỉ tiêu thử {rank}")),
            ("unit", "nhiệm vụ".into()),
            ("unit_kind", "count".into()),
            ("direction", "higher_is_better".into()),
        ],
        "set target" => vec![("kind", "cumulative".into()), ("value", n(100))],
        "create group" => vec![
            ("group_code", format!("NHOM-{rank}")),
            ("group_name", format!("Nhóm {rank}")),
        ],
        "rename group" => vec![(&group_field, format!("Nhóm tạm {rank}"))],
        _ => vec![],
    };
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// What the matrix acts on besides the seed: throwaway things to archive and restore.
struct Ids {
    term: i64,
    nv: i64,
    spare_term: i64,
    spare_indicator: i64,
    group: i64,
}

async fn prepare(app: &TestApp) -> Ids {
    let (term, list) = app.indicators_of(2020).await;
    let nv = by_code(&list, "NV-01")["id"].as_i64().expect("id");
    let actor = preparer(app).await;
    app.db
        .create_user(
            "tam-thoi",
            "$argon2id$x",
            Role::parse("viewer").expect("role"),
        )
        .await
        .expect("user");
    let spare_term = app
        .db
        .create_term(
            &TermInput {
                term: TermEdit {
                    name: "Nhiệm kỳ dự phòng".into(),
                    name_en: None,
                    start_year: 2040,
                    end_year: 2045,
                },
                copy_from: None,
            },
            &actor,
        )
        .await
        .expect("term");
    let spare_indicator = app
        .db
        .save_indicator(
            term,
            None,
            &IndicatorInput {
                definition: Indicator {
                    code: IndicatorCode::parse("DU-PHONG").expect("code"),
                    name: "Chỉ tiêu dự phòng".into(),
                    name_en: None,
                    unit: Unit {
                        kind: UnitKind::Count,
                        label: "việc".into(),
                        label_en: None,
                    },
                    direction: Direction::HigherIsBetter,
                },
                group_id: None,
                parent_id: None,
            },
            &actor,
        )
        .await
        .expect("indicator");
    let group = app
        .db
        .create_group("NHOM-TAM", "Nhóm tạm", None, &actor)
        .await
        .expect("group");
    Ids {
        term,
        nv,
        spare_term,
        spare_indicator,
        group,
    }
}

fn routes(ids: &Ids) -> Vec<Route> {
    let Ids {
        term,
        nv,
        spare_term,
        spare_indicator,
        group,
    } = ids;
    vec![
        route("save", format!("/entry/{term}/2021"), 2),
        route("submit", format!("/entry/{term}/2021/submit"), 2),
        Route {
            allowed: Allowed::Shows,
            ..route("import upload", format!("/import/{term}/2021"), 2)
        },
        route("import confirm", format!("/import/{term}/2021/confirm"), 2),
        route("review", format!("/review/{nv}/2021"), 3),
        route("lock", format!("/terms/{term}/lock"), 3),
        route("create user", "/admin/users".into(), 4),
        route("disable user", "/admin/users/tam-thoi/disable".into(), 4),
        route("enable user", "/admin/users/tam-thoi/enable".into(), 4),
        route(
            "review rule off",
            "/admin/settings/separation-of-duties/disable".into(),
            4,
        ),
        route(
            "review rule on",
            "/admin/settings/separation-of-duties/enable".into(),
            4,
        ),
        route("create term", "/admin/terms".into(), 4),
        route("correct term", format!("/admin/terms/{term}"), 4),
        route(
            "archive term",
            format!("/admin/terms/{spare_term}/archive"),
            4,
        ),
        route(
            "restore term",
            format!("/admin/terms/{spare_term}/restore"),
            4,
        ),
        route(
            "create indicator",
            format!("/admin/terms/{term}/indicators"),
            4,
        ),
        route("edit indicator", format!("/admin/indicators/{nv}"), 4),
        route("set target", format!("/admin/indicators/{nv}/target"), 4),
        route(
            "archive indicator",
            format!("/admin/indicators/{spare_indicator}/state/archive"),
            4,
        ),
        route(
            "restore indicator",
            format!("/admin/indicators/{spare_indicator}/state/restore"),
            4,
        ),
        route("create group", "/admin/groups".into(), 4),
        route("rename group", format!("/admin/groups/{group}"), 4),
        route("archive group", format!("/admin/groups/{group}/archive"), 4),
        route("restore group", format!("/admin/groups/{group}/restore"), 4),
    ]
}

/// Posts the import form (multipart, as a browser sends a file).
async fn upload(v: &Visitor, path: &str, csrf: String, rank: usize) -> (u16, Option<String>) {
    let file = format!(
        "Mã chỉ tiêu;Tên chỉ tiêu;Đơn vị;Năm trước;Giá trị;Mức độ;Ghi chú;Tài liệu nguồn;Trích dẫn\nNV-01;;;;{};;;;\n",
        40 + rank
    );
    let form = reqwest::multipart::Form::new().text("csrf", csrf).part(
        "file",
        reqwest::multipart::Part::bytes(file.into_bytes()).file_name("so-lieu.csv"),
    );
    let res = v
        .client
        .post(format!("{}{path}", v.base))
        .multipart(form)
        .send()
        .await
        .expect("upload");
    let location = res
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .map(str::to_string);
    (res.status().as_u16(), location)
}

async fn every_state_change_is_allowed_to_exactly_the_roles_that_may_make_it(app: TestApp) {
    let admin = app.admin().await;
    let mut who: Vec<(&str, Option<Visitor>)> = vec![("anonymous", None)];
    for role in ["viewer", "editor", "approver"] {
        who.push((
            role,
            Some(app.user(&admin, &format!("nguoi-{role}"), role).await),
        ));
    }
    who.push(("admin", Some(admin)));
    let ids = prepare(&app).await;
    let mut tried = 0;
    for r in routes(&ids) {
        for (rank, (role, visitor)) in who.iter().enumerate() {
            let value = i64::try_from(rank).unwrap_or(0) + 100;
            match r.what {
                "review" => prepare_submitted(&app, ids.nv, ids.term, value).await,
                "submit" => prepare_draft(&app, ids.nv, ids.term, value).await,
                _ => {}
            }
            let locked = app.db.term_locked(ids.term).await.expect("lock") == Some(true);
            let before = app.db.fingerprint().await.expect("fingerprint");
            let anonymous = app.visitor();
            let visitor = visitor.as_ref().unwrap_or(&anonymous);
            // Anonymous visitors post without a token: they have no session.
            let csrf = if *role == "anonymous" {
                String::new()
            } else {
                visitor.csrf().await
            };
            let (status, location) = if r.what == "import upload" {
                upload(visitor, &r.path, csrf, rank).await
            } else {
                let mut form = form_of(r.what, rank, &ids, locked);
                form.push(("csrf".into(), csrf));
                let pairs: Vec<(&str, &str)> =
                    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                let answer = visitor.post(&r.path, &pairs).await;
                (answer.status, answer.location)
            };
            let after = app.db.fingerprint().await.expect("fingerprint");
            let what = format!("{role} {}", r.what);
            tried += 1;
            if rank >= r.minimum {
                match r.allowed {
                    Allowed::Changes => {
                        assert_eq!(status, 303, "{what} should be allowed");
                        assert_ne!(before, after, "{what} was allowed but changed nothing");
                    }
                    Allowed::Shows => {
                        assert_eq!(status, 200, "{what} should be shown");
                        snapshot_is(&before, &after, &format!("{what} (a preview)"));
                    }
                }
            } else {
                // A form posted without a session gets the sign-in page, keeping what
                // was typed (401); an upload, whose file cannot be kept, is sent there.
                let expected = match (*role, r.what) {
                    ("anonymous", "import upload") => 303,
                    ("anonymous", _) => 401,
                    _ => 403,
                };
                assert_eq!(status, expected, "{what} should be refused");
                if expected == 303 {
                    assert_eq!(location.as_deref(), Some("/login"), "{what}");
                }
                snapshot_is(&before, &after, &what);
            }
        }
    }
    assert_eq!(tried, 24 * 5, "every route by everybody");
}

on_both_backends!(every_state_change_is_allowed_to_exactly_the_roles_that_may_make_it);
