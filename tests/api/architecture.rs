//! The dependency rules ARCHITECTURE.md states, checked on the source: each layer's files may
//! name only the crate modules (and outside crates) listed for it. A reader can trust the
//! document because this test fails when the code stops matching it.

use std::path::{Path, PathBuf};

/// (folder or file under src/, crate modules it must not name, outside crates it must not use)
const RULES: &[(&str, &[&str], &[&str])] = &[
    // The rules are plain Rust: no web framework, no database, no use case.
    (
        "auth",
        &["store", "service", "http", "infra", "state", "startup", "config", "delivery"],
        &["actix_web", "diesel"],
    ),
    // The vocabulary: it maps its types to columns (diesel derives and `store::connection`'s
    // backend type), and knows nothing else of the layers above.
    ("domain", &["service", "http", "infra", "state", "startup", "config", "delivery", "auth"], &["actix_web"]),
    ("store", &["service", "http", "infra", "state", "startup", "delivery", "auth"], &["actix_web"]),
    ("crypto", &["store", "service", "http", "infra", "state"], &["actix_web", "diesel"]),
    ("delivery", &["store", "service", "http", "infra", "state"], &["actix_web", "diesel"]),
    // Machinery below the use cases.
    ("infra", &["service", "http", "state", "startup", "jobs"], &["actix_web"]),
    // Use cases: no HTTP, and they do not schedule themselves.
    ("service", &["http", "startup", "jobs"], &["actix_web"]),
    // Background jobs drive use cases, as the HTTP layer does, and know nothing of HTTP.
    ("jobs", &["http", "startup"], &["actix_web"]),
    ("state.rs", &["service", "http", "startup"], &["actix_web"]),
    ("config", &["service", "http", "state", "startup"], &["actix_web"]),
    // The HTTP layer reaches the database only through the use cases and the store.
    ("http", &["startup"], &["diesel"]),
];

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_file() {
        out.push(path.to_owned());
        return;
    }
    for entry in std::fs::read_dir(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its `#[cfg(test)]` module (tests may reach anywhere).
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

#[test]
fn each_layer_names_only_what_architecture_md_allows() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut broken = Vec::new();
    for (layer, modules, crates) in RULES {
        let mut files = Vec::new();
        rust_files(&src.join(layer), &mut files);
        assert!(!files.is_empty(), "no files under src/{layer}");
        for file in files {
            let code = code_of(&file);
            for module in *modules {
                for form in [format!("crate::{module}::"), format!("crate::{module};"), format!("crate::{module}}}")] {
                    if code.contains(&form) {
                        broken.push(format!("{} names crate::{module}", file.display()));
                    }
                }
            }
            for name in *crates {
                if code.contains(&format!("{name}::")) {
                    broken.push(format!("{} uses {name}", file.display()));
                }
            }
        }
    }
    broken.dedup();
    assert!(broken.is_empty(), "ARCHITECTURE.md's dependency rules are broken:\n{}", broken.join("\n"));
}

/// `domain` names the store only for its column mappings.
#[test]
fn the_domain_names_the_store_only_for_column_types() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    for file in files {
        let code = code_of(&file);
        for (at, _) in code.match_indices("crate::store::") {
            let rest = &code[at + "crate::store::".len()..];
            assert!(
                rest.starts_with("connection::Multi"),
                "{} names the store beyond its column types",
                file.display()
            );
        }
    }
}
