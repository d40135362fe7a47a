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
const CHECK_HELPERS: &[&str] = &["shared", "codes", "launch", "driver", "finding"];

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

/// Functions allowed over [`MAX_FUNCTION_LINES`]: declarative tables, where the length is the
/// list itself and splitting it would only scatter the entries. Each entry is `module::fn`.
const LONG_TABLES: &[&str] = &[];

/// The limit of the developers' guide: no function over about 100 lines (signature to closing
/// brace), unless it is a declarative table.
const MAX_FUNCTION_LINES: usize = 100;

/// Blanks out comments and the contents of string and character literals, keeping every line
/// break, so that braces can be counted and `fn` found on what is really code.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    // Pushes `c` if it is a line break, a space otherwise: line numbers stay right.
    let blank = |c: char, out: &mut String| out.push(if c == '\n' { '\n' } else { ' ' });
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            // Block comments nest in Rust.
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(chars[i], &mut out);
                    i += 1;
                }
            }
        } else if c == 'r' && matches!(next, Some('"' | '#')) && !ident_before(&chars, i) {
            // A raw string r"..." or r#"..."#: it ends at a quote followed by as many hashes.
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let close: String = std::iter::once('"')
                .chain("#".repeat(hashes).chars())
                .collect();
            out.push('"');
            i += 2 + hashes;
            while i < chars.len() && !chars[i..].starts_with(&close.chars().collect::<Vec<_>>()) {
                blank(chars[i], &mut out);
                i += 1;
            }
            out.push('"');
            i += close.len();
        } else if c == '"' {
            out.push('"');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    blank(chars[i], &mut out);
                    i += 1;
                }
                if i < chars.len() {
                    blank(chars[i], &mut out);
                    i += 1;
                }
            }
            out.push('"');
            i += 1;
        } else if c == '\'' && char_literal_len(&chars[i..]).is_some() {
            let len = char_literal_len(&chars[i..]).unwrap_or(1);
            out.push_str(&" ".repeat(len));
            i += len;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// The length of a character literal starting at `s[0] == '\''` (`'x'`, `'\n'`, `'\u{..}'`),
/// or `None` for a lifetime (`'a`).
fn char_literal_len(s: &[char]) -> Option<usize> {
    if s.get(1) == Some(&'\\') {
        let end = s.iter().skip(2).position(|&c| c == '\'')?;
        return Some(end + 3);
    }
    (s.get(2) == Some(&'\'')).then_some(3)
}

/// Every function in `text` with a body, as (name, first line, number of lines).
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let code = code_only(text);
    let lines: Vec<&str> = code.lines().collect();
    let mut found = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let Some(at) = line.find("fn ").filter(|&at| {
            at == 0 || !line[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_')
        }) else {
            continue;
        };
        let name: String = line[at + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() {
            continue;
        }
        // The body opens at the first `{` after the name, unless a `;` comes first (a
        // declaration in a trait or an extern block).
        let mut depth = 0usize;
        let mut opened = false;
        'scan: for (n, body_line) in lines[start..].iter().enumerate() {
            let from = if n == 0 { at } else { 0 };
            for c in body_line[from..].chars() {
                match c {
                    ';' if !opened => break 'scan,
                    '{' => {
                        opened = true;
                        depth += 1;
                    }
                    '}' if opened => {
                        depth -= 1;
                        if depth == 0 {
                            found.push((name.clone(), start + 1, n + 1));
                            break 'scan;
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    found
}

/// The limit of the developers' guide: no source file over about 500 lines, unless it is a
/// declarative table (none is today). A file past it is split by what its parts are about,
/// e.g. `checks/gitignore/comments.rs` beside `checks/gitignore.rs`.
const MAX_FILE_LINES: usize = 500;

#[test]
fn issue7_no_source_file_over_about_500_lines() {
    let long: Vec<String> = modules()
        .into_iter()
        .map(|(module, text)| (module, text.lines().count()))
        .filter(|&(_, lines)| lines > MAX_FILE_LINES)
        .map(|(module, lines)| format!("{module}: {lines} lines"))
        .collect();
    assert!(
        long.is_empty(),
        "source files over {MAX_FILE_LINES} lines: split each into modules by what its parts \
         are about:\n{}",
        long.join("\n")
    );
    assert!(modules().len() > 50, "the walk found the source files");
}

#[test]
fn issue7_no_function_over_about_100_lines_unless_a_table() {
    let mut long = Vec::new();
    let mut tables_seen = Vec::new();
    for (module, text) in modules() {
        for (name, line, count) in functions(&text) {
            let id = format!("{module}::{name}");
            if LONG_TABLES.contains(&id.as_str()) {
                tables_seen.push(id);
            } else if count > MAX_FUNCTION_LINES {
                long.push(format!("{id} (line {line}): {count} lines"));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {MAX_FUNCTION_LINES} lines: split them into named steps, or add a \
         declarative table to LONG_TABLES:\n{}",
        long.join("\n")
    );
    let stale: Vec<_> = LONG_TABLES
        .iter()
        .filter(|t| !tables_seen.iter().any(|s| s == *t))
        .collect();
    assert!(stale.is_empty(), "LONG_TABLES names no function: {stale:?}");
}

#[test]
fn issue7_function_lengths_are_measured_from_code_not_strings_or_comments() {
    let text = "fn a() {\n    let s = \"}\"; // }\n    let r = r#\"{\"#;\n    let c = '{';\n}\n\
                trait T {\n    fn decl(&self);\n    fn body<'a>(&'a self) -> &'a str {\n        /* { */ \"\"\n    }\n}\n";
    assert_eq!(
        functions(text),
        vec![("a".to_string(), 1, 5), ("body".to_string(), 8, 3)]
    );
}
