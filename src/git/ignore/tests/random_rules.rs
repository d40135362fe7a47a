//! The property test: random `.gitignore` rules and paths, each answer compared with
//! `git check-ignore` (ML-project paths mixed with generated ones).

use proptest::prelude::*;

use super::*;

pub(super) const ML_PATHS: &[&str] = &[
    "data/raw/episode_0001.hdf5",
    "src/data/__init__.py",
    "src/__pycache__/a.cpython-311.pyc",
    ".venv/bin/python",
    "venv/pyvenv.cfg",
    ".env",
    "notebooks/.ipynb_checkpoints/a.ipynb",
    "wandb/run-1/files/config.yaml",
    "checkpoints/model.pth",
    "model.pt",
    "build/lib/x.py",
    "dist/pkg-0.1.whl",
    "pkg.egg-info/PKG-INFO",
    "docs/_build/html/index.html",
    "lib/x.py",
    "src/lib/x.py",
    "Library/x",
    "assets/Library/x",
    "packages/build/x",
    "a/Packages/y",
    ".vscode/settings.json",
    ".vscode/other.json",
    "x.cache/y",
    "y.cache",
    "Debug/a.exe",
];

/// A path a pattern line would match: wildcards replaced by plain names.
pub(super) fn concrete(line: &str) -> String {
    let line = line
        .trim_end()
        .trim_start_matches('!')
        .trim_start_matches('/');
    let line = line.trim_end_matches('/');
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                out.push_str("q/r");
            }
            '*' => out.push('x'),
            '?' => out.push('y'),
            '\\' => out.extend(chars.next()),
            '[' => {
                let first = chars.next().unwrap_or('z');
                out.push(if first == '!' || first == '^' {
                    'z'
                } else {
                    first
                });
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                }
            }
            other => out.push(other),
        }
    }
    out
}

const NAMES: &[&str] = &[
    "a", "b", "ab", "a.py", "B", "x y", "#c", "!d", "[e]", "a*", "data",
];
const TOKENS: &[&str] = &[
    "a",
    "b",
    "ab",
    "B",
    "data",
    "*",
    "**",
    "?",
    "[ab]",
    "[!a]",
    "[a-c]",
    "[[:upper:]]",
    "\\*",
    "\\[e]",
    "\\#c",
    "\\!d",
    "*.py",
    "a?",
    "[^b]*",
    "x\\ y",
    "x y",
    "*b",
    "a**",
    "**b",
];

fn pattern_line() -> impl Strategy<Value = String> {
    (
        prop::bool::weighted(0.3),
        prop::bool::weighted(0.3),
        prop::collection::vec(prop::sample::select(TOKENS), 1..=3),
        prop::bool::weighted(0.3),
        prop::sample::select(&["", "", "", " ", "  ", "\\ ", "\r"][..]),
        prop::bool::weighted(0.05),
    )
        .prop_map(|(neg, lead, parts, trail, space, comment)| {
            let mut s = String::new();
            if comment {
                s.push('#');
            }
            if neg {
                s.push('!');
            }
            if lead {
                s.push('/');
            }
            s.push_str(&parts.join("/"));
            if trail {
                s.push('/');
            }
            s.push_str(space);
            s
        })
}

fn rules_file() -> impl Strategy<Value = String> {
    prop::collection::vec(pattern_line(), 0..6).prop_map(|lines| lines.join("\n") + "\n")
}

fn rel_path(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(NAMES), 1..=max).prop_map(|p| p.join("/"))
}

#[derive(Debug, Clone)]
struct Case {
    /// (folder, contents) of each `.gitignore`; `""` is the root.
    gitignores: Vec<(String, String)>,
    info_exclude: String,
    excludes_file: String,
    paths: Vec<String>,
    dirs: Vec<String>,
    ignore_case: bool,
}

fn case() -> impl Strategy<Value = Case> {
    (
        rules_file(),
        prop::collection::vec((rel_path(2), rules_file()), 0..3),
        rules_file(),
        rules_file(),
        prop::collection::vec(rel_path(4), 1..14),
        prop::collection::vec(rel_path(3), 0..4),
        prop::bool::weighted(0.15),
    )
        .prop_map(|(root, nested, info, excludes, paths, dirs, ignore_case)| {
            let mut gitignores = vec![(String::new(), root)];
            gitignores.extend(nested);
            Case {
                gitignores,
                info_exclude: info,
                excludes_file: excludes,
                paths,
                dirs,
                ignore_case,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// Random rules in random places, random paths: the same answers as `git check-ignore`.
    #[test]
    fn random_rules_agree_with_git_check_ignore(c in case()) {
        let home = repo();
        let root = home.path().join("repo");
        let mut dirs: BTreeSet<String> = c.dirs.iter().cloned().collect();
        dirs.extend(c.gitignores.iter().map(|(d, _)| d.clone()).filter(|d| !d.is_empty()));
        // A `.gitignore` folder must not be a file the paths want.
        let paths: Vec<String> = c.paths.iter().filter(|p| !dirs.iter().any(|d| d.starts_with(&format!("{p}/")))).cloned().collect();
        build_tree(&root, &paths, &dirs);
        for (dir, text) in &c.gitignores {
            let folder = if dir.is_empty() { String::new() } else { format!("{dir}/") };
            write(&root, &format!("{folder}.gitignore"), text);
        }
        write(&root, ".git/info/exclude", &c.info_exclude);
        let excludes = home.path().join("excludes");
        std::fs::write(&excludes, &c.excludes_file).unwrap();
        if c.ignore_case {
            let ok = git(&root).args(["config", "core.ignorecase", "true"]).status().unwrap();
            prop_assert!(ok.success());
        }
        let expected = git_answers(home.path(), &paths, Some(&excludes));
        let got = ours(home.path(), &paths, Some(&excludes), c.ignore_case);
        prop_assert_eq!(got, expected, "paths {:?}", paths);
    }
}
