//! Script payloads are valid text: stored verbatim, and shown as text (escaped) on
//! every page and file that shows them, never as markup; every page carries the CSP.

use crate::common;

use super::Ctx;
use common::TestApp;
use serde_json::Value;

const SCRIPT: &str = "</title><script>alert(1)</script>";
const IMG: &str = "\"><img src=x onerror=alert(1)>";
const SQL: &str = "'; DROP TABLE indicator_values;--";
/// A spreadsheet formula ("CSV injection").
const FORMULA: &str = "=HYPERLINK(\"http://x.vn\",\"Bấm\")";

/// Markup that would run if a payload were copied into HTML as it is.
fn live_markup(raw: &str) -> Option<&'static str> {
    [
        "<script>alert(1)",
        "\"><img src=x onerror",
        "<img src=x onerror",
    ]
    .into_iter()
    .find(|m| raw.contains(m))
}

async fn raw(ctx: &Ctx, v: &common::browser::Visitor, path: &str) -> (u16, String, String) {
    let res = v
        .client
        .get(format!("{}{path}", ctx.app.base))
        .send()
        .await
        .expect("request");
    let status = res.status().as_u16();
    let csp = res
        .headers()
        .get("content-security-policy")
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (status, csp, res.text().await.unwrap_or_default())
}

async fn script_payloads_are_stored_verbatim_and_shown_as_text(app: TestApp) {
    let ctx = Ctx::new(app).await;
    let admin_csrf = ctx.admin.csrf().await;
    let made = ctx
        .admin
        .post(
            "/admin/terms",
            &[
                ("csrf", &admin_csrf),
                ("name", SCRIPT),
                ("name_en", IMG),
                ("start_year", "2030"),
                ("end_year", "2035"),
            ],
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let term = made
        .location
        .as_deref()
        .and_then(|l| l.rsplit('/').next())
        .and_then(|t| t.parse::<i64>().ok())
        .expect("new term id");
    let group = ctx
        .admin
        .post(
            "/admin/groups",
            &[
                ("csrf", &admin_csrf),
                ("group_code", "XSS"),
                ("group_name", IMG),
                ("back", &format!("/admin/terms/{term}")),
            ],
        )
        .await;
    assert_eq!(group.status, 303, "{}", group.body);
    let made = ctx
        .admin
        .post(
            &format!("/admin/terms/{}/indicators", ctx.term),
            &[
                ("csrf", &admin_csrf),
                ("code", "XSS-01"),
                ("name", IMG),
                ("name_en", SCRIPT),
                ("unit", FORMULA),
                ("unit_kind", "count"),
                ("direction", "higher"),
            ],
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let (_, list) = ctx.app.indicators_of(2020).await;
    let indicator = common::by_code(&list, "XSS-01")["id"]
        .as_i64()
        .expect("new indicator");
    let target = ctx
        .admin
        .post(
            &format!("/admin/indicators/{indicator}/target"),
            &[
                ("csrf", &admin_csrf),
                ("kind", "end_of_term"),
                ("value", "10"),
                ("quote", SCRIPT),
            ],
        )
        .await;
    assert_eq!(target.status, 303, "{}", target.body);
    let entry = format!("/entry/{}/2021", ctx.term);
    let editor_csrf = ctx.editor.csrf().await;
    let saved = ctx
        .editor
        .post(
            &entry,
            &[
                ("csrf", &editor_csrf),
                (&format!("v_{indicator}"), "7"),
                (
                    &format!("n_{indicator}"),
                    &format!("{SQL} </textarea>{SCRIPT}"),
                ),
                (&format!("d_{indicator}"), IMG),
                (&format!("s_{indicator}"), SCRIPT),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let submitted = ctx
        .editor
        .post(&format!("{entry}/submit"), &[("csrf", &editor_csrf)])
        .await;
    assert_eq!(submitted.status, 303, "{}", submitted.body);

    // Stored verbatim.
    let (_, one) = ctx
        .app
        .json(&format!("/api/v1/indicators/{indicator}"))
        .await;
    assert_eq!(one["name"], IMG);
    let (_, terms) = ctx.app.json("/api/v1/terms").await;
    let names: Vec<&Value> = terms
        .as_array()
        .expect("terms")
        .iter()
        .map(|t| &t["name"])
        .collect();
    assert!(names.contains(&&Value::from(SCRIPT)), "{names:?}");
    let history = ctx
        .app
        .client
        .get(format!(
            "{}/api/v1/indicators/{indicator}/history",
            ctx.app.base
        ))
        .bearer_auth(&ctx.editor_token)
        .send()
        .await
        .expect("history")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        history.contains("DROP TABLE indicator_values"),
        "{history:.300}"
    );

    // Shown as text on every page that shows them, and every page has a CSP.
    let pages = [
        (&ctx.anon, "/".to_string()),
        (&ctx.anon, format!("/terms/{term}")),
        (&ctx.anon, format!("/terms/{}", ctx.term)),
        (&ctx.editor, format!("/terms/{}?drafts=1", ctx.term)),
        (&ctx.anon, format!("/indicators/{indicator}")),
        (&ctx.editor, format!("/indicators/{indicator}?drafts=1")),
        (&ctx.admin, "/admin/terms".to_string()),
        (&ctx.admin, format!("/admin/terms/{term}")),
        (&ctx.admin, format!("/admin/terms/{}", ctx.term)),
        (&ctx.admin, format!("/admin/indicators/{indicator}")),
        (&ctx.approver, "/review".to_string()),
        (&ctx.editor, "/entry".to_string()),
        (&ctx.editor, entry.clone()),
        (&ctx.editor, format!("/import/{}/2021", ctx.term)),
    ];
    let mut shown = 0;
    for (v, path) in &pages {
        let (status, csp, body) = raw(&ctx, v, path).await;
        assert_eq!(status, 200, "{path}");
        assert!(
            csp.contains("script-src") || csp.contains("default-src"),
            "{path}: no Content-Security-Policy ({csp:?})"
        );
        assert!(!csp.contains("'unsafe-inline'") || !csp.contains("script-src 'unsafe-inline'"));
        if let Some(m) = live_markup(&body) {
            let at = body.find(m).unwrap_or_default();
            let from = body.floor_char_boundary(at.saturating_sub(300));
            let to = body.ceil_char_boundary((at + 100).min(body.len()));
            panic!(
                "{path}: the payload {m:?} is in the HTML as markup: …{}…",
                &body[from..to]
            );
        }
        let text = common::unescape(&body);
        if [SCRIPT, IMG].iter().any(|p| text.contains(p)) {
            shown += 1;
        }
    }
    assert!(
        shown >= 8,
        "the payloads are shown (as text) on only {shown} pages"
    );
    // The language switch and a form shown again keep them escaped too.
    let refused = ctx
        .editor
        .client
        .post(format!("{}{entry}", ctx.app.base))
        .form(&[
            ("csrf", editor_csrf.as_str()),
            (&format!("v_{indicator}"), "abc"),
            (&format!("n_{indicator}"), SCRIPT),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status().as_u16(), 422);
    let body = refused.text().await.unwrap_or_default();
    assert!(live_markup(&body).is_none(), "a refused form echoes markup");
    assert!(common::unescape(&body).contains(SCRIPT));

    // A link cannot put words into the notice of the entry page.
    let spoof = ctx
        .editor
        .get(&format!("{entry}?saved=%3Cb%3E1000%3C/b%3E"))
        .await;
    assert_eq!(spoof.status, 200);
    assert!(
        !spoof.body.contains("Đã lưu"),
        "the notice shows a made-up count"
    );

    // Files: SVG is a document a browser runs scripts in, so it must be escaped;
    // CSV is data and carries the text verbatim, but never as a formula.
    for path in [
        format!("/charts/indicators/{indicator}.svg"),
        format!("/charts/terms/{}/overview.svg", ctx.term),
    ] {
        let (status, _, body) = raw(&ctx, &ctx.anon, &path).await;
        assert_eq!(status, 200, "{path}");
        assert!(live_markup(&body).is_none(), "{path}: markup in the SVG");
    }
    let res = ctx
        .app
        .get(&format!("/export/terms/{}.csv", ctx.term))
        .await;
    assert!(
        res.headers()
            .get("content-type")
            .and_then(|h| h.to_str().ok())
            .is_some_and(|t| t.starts_with("text/csv")),
        "the CSV is served as CSV, not as a page"
    );
    let csv = res.text().await.unwrap_or_default();
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .collect::<Result<_, _>>()
        .expect("a readable CSV");
    let row = rows
        .iter()
        .find(|r| r.get(0).is_some_and(|c| c.ends_with("XSS-01")))
        .unwrap_or_else(|| panic!("no XSS-01 row: {csv:.300}"));
    assert!(row.iter().any(|c| c == format!("'{FORMULA}")), "{row:?}");
    assert!(
        row.iter().any(|c| c == IMG),
        "the name is not verbatim: {row:?}"
    );
    assert!(
        !row.iter().any(|c| c.starts_with('=')),
        "a cell would run as a formula: {row:?}"
    );
}

on_both_backends!(script_payloads_are_stored_verbatim_and_shown_as_text);
