//! The shape of `src/`, checked so that the README's "What is where" stays true:
//! dependencies between the top-level modules point one way, a feature folder does
//! not reach into another feature, the UI never reaches the server program, and the
//! exports and the JSON API never reach the Leptos pages.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The top-level modules from the bottom up: each may use only those before it.
/// Modules on one line (a slice) are side by side and do not use each other.
const LAYERS: &[&[&str]] = &[
    &["domain"],
    &["i18n"],
    &["clock"],
    &["db", "charts"],
    &["ingest"],
    &["present"],
    &["export"],
    &["web"],
    &["ui"],
    &["features"],
    &["shell"],
    &["server"],
];

fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `crate::a::b` path written in a file (comments included: a doc link that
/// points the wrong way is a wrong arrow too), as (a, b).
fn crate_paths(text: &str) -> BTreeSet<(String, String)> {
    let mut found = BTreeSet::new();
    for (i, _) in text.match_indices("crate::") {
        let before = text[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // e.g. `resolution_dashboard::…` or `my_crate::`
        }
        let rest = &text[i + "crate::".len()..];
        let mut parts = rest.split("::").map(|p| {
            p.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        });
        let first = parts.next().unwrap_or_default();
        let second = parts.next().unwrap_or_default();
        found.insert((first, second));
    }
    found
}

struct SourceFile {
    /// Path below `src/`, e.g. `features/entry/post.rs`.
    rel: String,
    /// Its top-level module, e.g. `features`.
    top: String,
    text: String,
}

fn sources() -> Vec<SourceFile> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .into_iter()
        .map(|path| {
            let rel = path
                .strip_prefix(&src)
                .expect("below src/")
                .to_string_lossy()
                .replace('\\', "/");
            let top = rel
                .split('/')
                .next()
                .unwrap_or_default()
                .trim_end_matches(".rs")
                .to_string();
            let text = std::fs::read_to_string(&path).expect("readable source");
            SourceFile { rel, top, text }
        })
        .collect()
}

#[test]
fn every_top_level_module_is_in_the_layer_list() {
    for file in sources() {
        if file.top == "lib" || file.top == "main" {
            continue;
        }
        assert!(
            rank(&file.top).is_some(),
            "src/{} is in a top-level module `{}` that LAYERS (tests/it/layers.rs) and the \
             README's 'What is where' do not name",
            file.rel,
            file.top
        );
    }
}

#[test]
fn dependencies_between_top_level_modules_point_one_way() {
    let mut wrong = Vec::new();
    for file in sources() {
        let Some(own) = rank(&file.top) else { continue };
        for (used, _) in crate_paths(&file.text) {
            let Some(theirs) = rank(&used) else { continue };
            if used != file.top && theirs >= own {
                wrong.push(format!(
                    "src/{} ({}) uses crate::{used}",
                    file.rel, file.top
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "arrows the wrong way:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn a_feature_folder_does_not_reach_into_another_feature() {
    let mut wrong = Vec::new();
    for file in sources().into_iter().filter(|f| f.top == "features") {
        let own = file.rel.split('/').nth(1).unwrap_or_default().to_string();
        for (top, feature) in crate_paths(&file.text) {
            if top == "features" && !feature.is_empty() && feature != own {
                wrong.push(format!("src/{} uses crate::features::{feature}", file.rel));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "a feature's shared pieces belong in present/, ui/ or web/:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_pages_never_use_the_server_program_and_exports_and_the_api_never_use_the_pages() {
    let mut wrong = Vec::new();
    for file in sources() {
        let paths = crate_paths(&file.text);
        let ui = file.top == "ui" || file.top == "features";
        let files_or_api = file.top == "export" || file.rel.starts_with("features/api/");
        for (top, second) in &paths {
            if ui && top == "server" {
                wrong.push(format!("src/{} uses crate::server", file.rel));
            }
            let pages = top == "ui" || top == "shell" || (top == "features" && second != "api");
            if files_or_api && pages {
                wrong.push(format!("src/{} uses crate::{top}::{second}", file.rel));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_check_itself_sees_a_wrong_arrow() {
    let paths = crate_paths("use crate::features::entry::post; // see crate::db::Db");
    assert!(paths.contains(&("features".to_string(), "entry".to_string())));
    assert!(paths.contains(&("db".to_string(), "Db".to_string())));
    assert!(crate_paths("resolution_dashboard::domain::x").is_empty());
    assert!(rank("domain") < rank("db") && rank("present") < rank("export"));
}
