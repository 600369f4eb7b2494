//! `serve`: open the database, bind the address, say where the server listens (and,
//! on a new installation, where to create the first administrator), serve until
//! Ctrl-C or SIGTERM.

use super::ServeArgs;
use crate::server::startup::{bind, setup_link, shutdown_signal};
use crate::web::state::Config;

pub(super) async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let config = Config {
        private: args.private,
        secure_cookies: args.secure_cookies,
        request_timeout: std::time::Duration::from_secs(args.request_timeout_secs),
        trusted_proxies: args.trusted_proxies,
        #[cfg(feature = "bench-static")]
        bench_static_file: args.bench_static_file,
    };
    let bound = bind(args.addr, &args.db.database_url, config).await?;
    let base = format!("http://{}", bound.local_addr()?);
    if let Some(link) = setup_link(&bound.db, &base).await? {
        println!(
            "No administrator yet. Tạo tài khoản quản trị đầu tiên / create the first admin (link works once): {link}"
        );
    }
    println!("resolution-dashboard listening on {base}");
    bound.serve(shutdown_signal()).await?;
    Ok(())
}
