//! The sign-in, first-run setup and account forms.

use super::{BAD_FORM, Case, Ctx, Expect, NOT_FOUND, Req, Who, case, form};
use reqwest::Method;

pub fn accounts(_ctx: &Ctx) -> Vec<Case> {
    let mut cases = Vec::new();
    let wrong = &[
        "Tên đăng nhập hoặc mật khẩu không đúng",
        "Đăng nhập sai quá nhiều lần",
    ];
    let long = "a".repeat(1_000_000);
    for (label, user, pass) in [
        ("login: empty", "", ""),
        ("login: SQL in the username", "' OR '1'='1' --", "x"),
        ("login: SQL in the password", "quantri", "' OR '1'='1"),
        ("login: script username", "<script>alert(1)</script>", "x"),
        (
            "login: fullwidth username",
            "ｑｕａｎｔｒｉ",
            "mat-khau-quan-tri",
        ),
        (
            "login: username with null byte",
            "quan\u{0}tri",
            "mat-khau-quan-tri",
        ),
        ("login: 1 MB username", long.as_str(), "x"),
        ("login: 1 MB password", "khong-co", long.as_str()),
    ] {
        cases.push(case(
            label,
            form(
                Who::Anon,
                "/login",
                &[("username", user), ("password", pass)],
            ),
            Expect::Vi(wrong),
        ));
    }
    cases.push(case(
        "login: invalid UTF-8",
        Req::Raw {
            who: Who::Anon,
            method: Method::POST,
            path: "/login".into(),
            content_type: Some("application/x-www-form-urlencoded".into()),
            body: b"csrf={csrf}&username=%FF&password=%FE".to_vec(),
        },
        Expect::Vi(BAD_FORM),
    ));
    cases.push(case(
        "login: JSON body",
        Req::Raw {
            who: Who::Anon,
            method: Method::POST,
            path: "/login".into(),
            content_type: Some("application/json".into()),
            body: br#"{"username":"quantri"}"#.to_vec(),
        },
        Expect::Vi(BAD_FORM),
    ));
    let used = &[
        "Đường dẫn thiết lập đã được dùng",
        "Tên đăng nhập có từ 3 đến 40 ký tự",
        "Mật khẩu có ít nhất 10 ký tự",
    ];
    for (label, user, pass, token) in [
        ("setup: used token", "quantri2", "mat-khau-dai-du", "x"),
        ("setup: empty token", "quantri2", "mat-khau-dai-du", ""),
        ("setup: script username", "<script>", "mat-khau-dai-du", "x"),
        ("setup: short password", "quantri2", "ngan", "x"),
        (
            "setup: SQL token",
            "quantri2",
            "mat-khau-dai-du",
            "' OR 1=1 --",
        ),
        (
            "setup: 1 MB token",
            "quantri2",
            "mat-khau-dai-du",
            long.as_str(),
        ),
    ] {
        cases.push(case(
            label,
            form(
                Who::Anon,
                "/setup",
                &[("token", token), ("username", user), ("password", pass)],
            ),
            Expect::Vi(used),
        ));
    }
    let bad_user = &["Tên đăng nhập có từ 3 đến 40 ký tự"];
    for (label, user) in [
        ("empty", ""),
        ("two letters", "ab"),
        ("41 letters", &"a".repeat(41)),
        ("script", "<script>alert(1)</script>"),
        ("markup", "\"><img src=x onerror=alert(1)>"),
        ("SQL", "x'; DROP TABLE users;--"),
        ("Vietnamese letters", "vănthư"),
        ("fullwidth", "ｖａｎｔｈｕ"),
        ("space", "van thu"),
        ("null byte", "van\u{0}thu"),
        ("path", "../../etc"),
        ("1 MB", &long),
    ] {
        cases.push(case(
            format!("users: username {label}"),
            form(
                Who::Admin,
                "/admin/users",
                &[
                    ("username", user),
                    ("role", "editor"),
                    ("password", "mat-khau-dai-du"),
                ],
            ),
            Expect::Vi(bad_user),
        ));
    }
    for role in ["", "superuser", "ADMIN", "admin ", "<script>", "1"] {
        cases.push(case(
            format!("users: role {role:?}"),
            form(
                Who::Admin,
                "/admin/users",
                &[
                    ("username", "nguoimoi"),
                    ("role", role),
                    ("password", "mat-khau-dai-du"),
                ],
            ),
            Expect::Vi(&["Hãy chọn một vai trò."]),
        ));
    }
    for (label, pw) in [("empty", ""), ("9 characters", "123456789")] {
        cases.push(case(
            format!("users: password {label}"),
            form(
                Who::Admin,
                "/admin/users",
                &[
                    ("username", "nguoimoi"),
                    ("role", "editor"),
                    ("password", pw),
                ],
            ),
            Expect::Vi(&["Mật khẩu có ít nhất 10 ký tự."]),
        ));
    }
    cases.push(case(
        "users: a taken name",
        form(
            Who::Admin,
            "/admin/users",
            &[
                ("username", "vanthu"),
                ("role", "editor"),
                ("password", "mat-khau-dai-du"),
            ],
        ),
        Expect::Vi(&["Tên đăng nhập này đã có người dùng."]),
    ));
    cases.push(case(
        "users: an editor creates an account",
        form(
            Who::Editor,
            "/admin/users",
            &[
                ("username", "nguoimoi"),
                ("role", "admin"),
                ("password", "mat-khau-dai-du"),
            ],
        ),
        Expect::Vi(&["không có quyền"]),
    ));
    for (label, p) in [
        ("unknown change", "/admin/users/vanthu/delete"),
        ("unknown user", "/admin/users/khongco/disable"),
        ("script user", "/admin/users/%3Cscript%3E/disable"),
        ("invalid UTF-8 user", "/admin/users/%FF%FE/disable"),
        ("dot-dot user", "/admin/users/..%2F..%2Fetc/disable"),
    ] {
        cases.push(case(
            format!("users: {label}"),
            form(Who::Admin, p, &[]),
            Expect::Vi(
                NOT_FOUND
                    .iter()
                    .chain(BAD_FORM)
                    .copied()
                    .collect::<Vec<_>>()
                    .leak(),
            ),
        ));
    }
    cases
}
