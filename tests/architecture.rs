//! The layering of `src/` as a test: data flows one way (commands -> terminal UI and
//! reports -> grading -> course model -> checks -> python / git helpers -> base and i18n),
//! and no check kind imports another kind. A new module must be placed in [`LAYERS`].

use std::collections::BTreeMap;
use std::path::Path;

/// Top-level modules by layer, highest first. A module may use its own layer and those below.
const LAYERS: &[(&str, &[&str])] = &[
    ("commands", &["main", "lib", "commands"]),
    ("application", &["app", "cli"]),
    (
        "terminal UI and reports",
        &["terminal", "pager", "render", "report"],
    ),
    ("grading", &["grading"]),
    ("course model", &["course"]),
    ("checks", &["checks"]),
    (
        "python and git helpers",
        &["python", "pip", "git", "process", "sandbox"],
    ),
    (
        "base and i18n",
        &[
            "fs",
            "archive",
            "csvfile",
            "cache",
            "walk",
            "yaml",
            "exit",
            "workspace",
            "i18n",
            "prose",
            "escape",
            "hash",
        ],
    ),
];

/// Modules under `checks/` that are not kinds (kinds may use them).
const CHECK_HELPERS: &[&str] = &["shared", "codes", "launch", "driver"];

fn rank(top: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, mods)| mods.contains(&top))
}

/// Every `src/**/*.rs` file as (module path, text), e.g. `checks::git_history`.
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, prefix: &str, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            let module = if prefix.is_empty() {
                name.clone()
            } else {
                format!("{prefix}::{name}")
            };
            if path.is_dir() {
                walk(&path, &module, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.insert(module, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        "",
        &mut out,
    );
    out
}

/// The top-level modules a file names as `crate::x`.
fn uses(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices("crate::") {
        let before = text[..i].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let rest = &text[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.push(name);
        }
    }
    out
}

#[test]
fn issue7_every_module_has_a_layer_and_uses_only_its_own_or_lower_layers() {
    let mut wrong = Vec::new();
    for (module, text) in modules() {
        let top = module.split("::").next().unwrap().to_string();
        let Some(own) = rank(&top) else {
            wrong.push(format!("{module}: not in LAYERS (tests/architecture.rs)"));
            continue;
        };
        for used in uses(&text) {
            // Macros exported at the crate root (`crate::tr!`) belong to i18n.
            let target = if used == "tr" {
                "i18n".to_string()
            } else {
                used
            };
            match rank(&target) {
                Some(r) if r < own => wrong.push(format!(
                    "{module} ({}) uses crate::{target} ({})",
                    LAYERS[own].0, LAYERS[r].0
                )),
                Some(_) => {}
                None => wrong.push(format!("{module} uses crate::{target}, which has no layer")),
            }
        }
    }
    assert!(wrong.is_empty(), "layering broken:\n{}", wrong.join("\n"));
}

#[test]
fn issue7_no_check_kind_imports_another_kind() {
    let modules = modules();
    let kinds: Vec<String> = modules
        .keys()
        .filter_map(|m| m.strip_prefix("checks::"))
        .filter(|k| !CHECK_HELPERS.contains(k))
        .map(String::from)
        .collect();
    assert!(kinds.len() >= 10, "kinds found: {kinds:?}");
    let mut wrong = Vec::new();
    for kind in &kinds {
        let text = &modules[&format!("checks::{kind}")];
        for other in kinds.iter().filter(|o| *o != kind) {
            for pattern in [format!("super::{other}"), format!("checks::{other}")] {
                if text.contains(&pattern) {
                    wrong.push(format!("checks::{kind} uses {pattern}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
