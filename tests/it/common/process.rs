//! The real binary as a separate process: for what only a process can show (a
//! SIGKILL, the log it writes, the command line), not for ordinary HTTP tests.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_resolution-dashboard");

pub struct ServerProcess {
    child: Child,
    pub base: String,
    pub setup_link: Option<String>,
    log: PathBuf,
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl ServerProcess {
    /// Starts `serve` on a free loopback port with `env` added; its log (stderr)
    /// goes to `log`. Returns once it listens.
    pub fn start(database_url: &str, log: &Path, env: &[(&str, &str)]) -> ServerProcess {
        let log_file = std::fs::File::create(log).expect("log file");
        let mut child = Command::new(BIN)
            .args([
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--database-url",
                database_url,
            ])
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(log_file)
            .spawn()
            .expect("spawn the server");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = std::io::BufReader::new(stdout).lines();
        let mut setup_link = None;
        let mut base = String::new();
        for line in lines.by_ref().map_while(Result::ok) {
            if let Some(at) = line
                .find("http://")
                .filter(|_| line.contains("/setup?token="))
            {
                setup_link = Some(line[at..].trim().to_string());
            }
            if let Some(at) = line.find("listening on ") {
                base = line[at + "listening on ".len()..].trim().to_string();
                break;
            }
        }
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        if !base.starts_with("http://") {
            let _ = child.wait();
            panic!(
                "the server did not start: {}",
                std::fs::read_to_string(log).unwrap_or_default()
            );
        }
        ServerProcess {
            child,
            base,
            setup_link,
            log: log.to_path_buf(),
        }
    }

    /// SIGKILL: no shutdown, no flush, no goodbye.
    pub fn kill(&mut self) {
        self.child.kill().expect("kill");
        let _ = self.child.wait();
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

/// Runs a command of the binary; `(success, stdout, stderr)`.
pub fn cli(args: &[&str], stdin: Option<&str>) -> (bool, String, String) {
    use std::io::Write;
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write stdin");
    }
    let out = child.wait_with_output().expect("output");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
