//! A person with a browser: keeps cookies, sends the Origin header a browser sends
//! with a form, and reads the CSRF token out of the page like the form does.

use super::TestApp;

pub struct Visitor {
    pub client: reqwest::Client,
    pub base: String,
    pub jar: std::sync::Arc<reqwest::cookie::Jar>,
}

pub struct Answer {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
}

impl TestApp {
    /// A browser with its own cookie jar.
    pub fn visitor(&self) -> Visitor {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(reqwest::header::ORIGIN, self.base.parse().expect("origin"));
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let client = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(headers)
            .build()
            .expect("client");
        Visitor {
            client,
            base: self.base.clone(),
            jar,
        }
    }

    /// Creates the first admin through the setup link; returns that admin's browser.
    pub async fn admin(&self) -> Visitor {
        let v = self.visitor();
        let path = self.setup_link.trim_start_matches(&self.base).to_string();
        let page = v.get(&path).await;
        let token = path.split("token=").nth(1).unwrap_or_default().to_string();
        let answer = v
            .post(
                "/setup",
                &[
                    ("csrf", &csrf_of(&page.body)),
                    ("token", &token),
                    ("username", "quantri"),
                    ("password", "mat-khau-quan-tri"),
                ],
            )
            .await;
        assert_eq!(answer.status, 303, "setup failed: {}", answer.body);
        v
    }

    /// Creates an account through the admin page and signs it in.
    pub async fn user(&self, admin: &Visitor, username: &str, role: &str) -> Visitor {
        let page = admin.get("/admin/users").await;
        let answer = admin
            .post(
                "/admin/users",
                &[
                    ("csrf", &csrf_of(&page.body)),
                    ("username", username),
                    ("role", role),
                    ("password", "mat-khau-dai-du"),
                ],
            )
            .await;
        assert_eq!(answer.status, 303, "creating {username}: {}", answer.body);
        self.signed_in(username, "mat-khau-dai-du").await
    }

    pub async fn signed_in(&self, username: &str, password: &str) -> Visitor {
        let v = self.visitor();
        let answer = v.login(username, password).await;
        assert_eq!(answer.status, 303, "login of {username}: {}", answer.body);
        v
    }
}

impl Visitor {
    /// The cookies this browser would send (name=value; …).
    pub fn cookies(&self) -> String {
        use reqwest::cookie::CookieStore;
        self.base
            .parse()
            .ok()
            .and_then(|url| self.jar.cookies(&url))
            .and_then(|v| v.to_str().ok().map(str::to_string))
            .unwrap_or_default()
    }

    pub async fn get(&self, path: &str) -> Answer {
        answer(
            self.client
                .get(format!("{}{path}", self.base))
                .send()
                .await
                .expect("request"),
        )
        .await
    }

    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> Answer {
        answer(
            self.client
                .post(format!("{}{path}", self.base))
                .form(form)
                .send()
                .await
                .expect("request"),
        )
        .await
    }

    pub async fn login(&self, username: &str, password: &str) -> Answer {
        let page = self.get("/login").await;
        self.post(
            "/login",
            &[
                ("csrf", &csrf_of(&page.body)),
                ("username", username),
                ("password", password),
            ],
        )
        .await
    }

    /// The CSRF token of the signed-in user, as the pages carry it.
    pub async fn csrf(&self) -> String {
        csrf_of(&self.get("/").await.body)
    }
}

async fn answer(res: reqwest::Response) -> Answer {
    let status = res.status().as_u16();
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let body = super::unescape(&res.text().await.unwrap_or_default());
    Answer {
        status,
        location,
        body,
    }
}

/// The value of the first `name="csrf"` field of a page.
pub fn csrf_of(html: &str) -> String {
    html.split("name=\"csrf\"")
        .nth(1)
        .and_then(|rest| rest.split("value=\"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_string()
}
