//! The ignore matcher against git itself: unit cases for each rule, a property test that
//! asks `git check-ignore` about random rules and paths, and real `.gitignore` files.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use super::super::wildmatch::{wildmatch, CASEFOLD, PATHNAME};
use super::*;

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Create `paths` under `root`: a path that is the folder of another, or in `dirs`, is a
/// folder; every other one is an empty file.
fn build_tree(root: &Path, paths: &[String], dirs: &BTreeSet<String>) {
    let mut folders: BTreeSet<String> = dirs.clone();
    for p in paths {
        let mut at = 0;
        while let Some(i) = p[at..].find('/') {
            folders.insert(p[..at + i].to_string());
            at += i + 1;
        }
    }
    for f in &folders {
        std::fs::create_dir_all(root.join(f)).unwrap();
    }
    for p in paths.iter().filter(|p| !folders.contains(*p)) {
        std::fs::write(root.join(p), "").unwrap();
    }
}

/// A fresh repository for `git check-ignore`, reading no configuration of this machine.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let ok = git(dir.path())
        .args(["init", "-q", "-b", "main", "repo"])
        .status()
        .unwrap();
    assert!(ok.success());
    dir
}

fn git(home: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.current_dir(home)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("xdg"))
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE");
    cmd
}

/// git's answer for each path: ignored or not (`check-ignore -v -n` shows the deciding
/// pattern, `!` first for a re-include, nothing when no pattern matches).
fn git_answers(home: &Path, paths: &[String], excludes: Option<&Path>) -> Vec<bool> {
    let mut cmd = git(home);
    if let Some(file) = excludes {
        cmd.arg("-c")
            .arg(format!("core.excludesFile={}", file.display()));
    }
    let mut child = cmd
        .current_dir(home.join("repo"))
        .args(["check-ignore", "--no-index", "-v", "-n", "-z", "--stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut input = Vec::new();
    for p in paths {
        input.extend_from_slice(p.as_bytes());
        input.push(0);
    }
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    let fields: Vec<&[u8]> = out.stdout.split(|&b| b == 0).collect();
    let answers: Vec<bool> = fields
        .chunks(4)
        .filter(|c| c.len() == 4)
        .map(|c| !c[2].is_empty() && c[2][0] != b'!')
        .collect();
    assert_eq!(
        answers.len(),
        paths.len(),
        "git check-ignore answered {out:?}"
    );
    answers
}

fn ours(home: &Path, paths: &[String], excludes: Option<&Path>, ignore_case: bool) -> Vec<bool> {
    let workdir = home.join("repo");
    let mut global = vec![workdir.join(".git/info/exclude")];
    global.extend(excludes.map(Path::to_path_buf));
    let mut rules = Rules::new(&workdir, &global, ignore_case).unwrap();
    let answers: Vec<bool> = paths.iter().map(|p| rules.is_ignored(p).unwrap()).collect();
    // The same answers when the checks listed folders before: every folder of the work
    // tree, or only its top (the rest is then asked of the disk, or known missing).
    let everything = Listings::default();
    crate::walk::walk_listed(&everything, &workdir, 16, 100_000, |_| true);
    let top = Listings::default();
    top.list(&workdir);
    for listings in [everything, top] {
        let mut rules = Rules::new(&workdir, &global, ignore_case)
            .unwrap()
            .with_listings(Some(Rc::new(listings)));
        let listed: Vec<bool> = paths.iter().map(|p| rules.is_ignored(p).unwrap()).collect();
        assert_eq!(listed, answers, "with listings, for {paths:?}");
    }
    answers
}

#[test]
fn wildmatch_agrees_with_gits_own_cases() {
    // From git's t/t3070-wildmatch.sh: (pattern, text, match without / with PATHNAME).
    let cases: &[(&str, &str, bool, bool)] = &[
        ("foo", "foo", true, true),
        ("???", "foo", true, true),
        ("*", "foo/bar", true, false),
        ("**", "foo/bar", true, true),
        ("foo/**/bar", "foo/bar", false, true),
        ("foo/**/bar", "foo/a/b/bar", true, true),
        ("foo**bar", "foo/baz/bar", true, false),
        ("**/foo", "x/foo", true, true),
        ("*/foo", "x/y/foo", true, false),
        ("[ab]", "b", true, true),
        ("[!ab]", "c", true, true),
        ("[^ab]", "a", false, false),
        ("[a-c]x", "bx", true, true),
        ("[[:alpha:]]", "q", true, true),
        ("[[:digit:]][[:upper:]]", "1A", true, true),
        ("[[:nope:]]", "a", false, false),
        ("\\*", "*", true, true),
        ("\\*", "x", false, false),
        ("[", "[", false, false),
        ("[]]", "]", true, true),
        ("[!]-]", "a", true, true),
        ("a[/]b", "a/b", true, false),
        ("*.py", "a/b.py", true, false),
        (
            "-*-*-*-*-*-*-12-*-*-*-m-*-*-*",
            "-adobe-courier-bold-o-normal--12-120-75-75-m-70-iso8859-1",
            true,
            true,
        ),
    ];
    for &(p, t, plain, path) in cases {
        assert_eq!(wildmatch(p.as_bytes(), t.as_bytes(), 0), plain, "{p} {t}");
        assert_eq!(
            wildmatch(p.as_bytes(), t.as_bytes(), PATHNAME),
            path,
            "{p} {t} (pathname)"
        );
    }
    assert!(wildmatch(b"FOO", b"foo", CASEFOLD));
    assert!(wildmatch(b"[A-C]", b"b", CASEFOLD));
}

#[test]
fn each_rule_as_git_reads_it() {
    let home = repo();
    let root = home.path().join("repo");
    write(
        &root,
        ".gitignore",
        "\u{feff}# comment\n*.log\n!keep.log\n/data/\n**/cache/**\nbuild\\ \nsp  \r\n\\#hash\n\\!bang\nlogs/\n!logs/x\n",
    );
    write(&root, "sub/.gitignore", "!*.log\nsecret\n");
    write(&root, "data/.gitignore", "!*\n");
    let paths: Vec<String> = [
        "a.log",
        "keep.log",
        "sub/a.log",
        "sub/secret",
        "secret",
        "data/x",
        "src/data/x",
        "a/cache/b",
        "cache/b",
        "build ",
        "build",
        "sp",
        "sp  ",
        "#hash",
        "!bang",
        "logs/x",
        "logs/y",
        "# comment",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    build_tree(&root, &paths, &BTreeSet::new());
    let expected = git_answers(home.path(), &paths, None);
    assert_eq!(ours(home.path(), &paths, None, false), expected);
    // The answers that make the rules worth having, spelled out.
    let answer = |p: &str| expected[paths.iter().position(|q| q == p).unwrap()];
    assert!(answer("a.log") && !answer("keep.log") && !answer("sub/a.log"));
    assert!(
        answer("data/x"),
        "a file in an excluded folder cannot be re-included"
    );
    assert!(!answer("src/data/x") && answer("build ") && answer("sp"));
    assert!(
        answer("logs/x"),
        "`!logs/x` cannot re-include under the excluded `logs/`"
    );
}

/// Paths that do not exist are asked too (a grade asks about `checkpoints/model.pt` in a
/// workspace without it): with folder-only rules, a missing path is no folder, for git and
/// for the answer taken from the folder listings (issue 7).
#[test]
fn missing_paths_under_folder_only_rules_agree_with_git() {
    let home = repo();
    let root = home.path().join("repo");
    write(&root, ".gitignore", "data/\nbuild/\n*.pt\n");
    std::fs::create_dir_all(root.join("build")).unwrap();
    std::fs::create_dir_all(root.join("src")).unwrap();
    let paths: Vec<String> = [
        "data",
        "build",
        "src/data",
        "missing/data",
        "x.pt",
        "src/y.pt",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let expected = git_answers(home.path(), &paths, None);
    assert_eq!(expected, [false, true, false, false, true, true]);
    assert_eq!(ours(home.path(), &paths, None, false), expected);
}

#[test]
fn a_linked_gitignore_is_not_read_and_a_fifo_is_an_error() {
    let home = repo();
    let root = home.path().join("repo");
    write(&root, "rules", "*.txt\n");
    std::os::unix::fs::symlink(root.join("rules"), root.join(".gitignore")).unwrap();
    let paths = vec!["a.txt".to_string()];
    build_tree(&root, &paths, &BTreeSet::new());
    assert_eq!(ours(home.path(), &paths, None, false), vec![false]);
    assert_eq!(git_answers(home.path(), &paths, None), vec![false]);

    std::fs::create_dir(root.join("d")).unwrap();
    let ok = Command::new("mkfifo")
        .arg(root.join("d/.gitignore"))
        .status()
        .unwrap();
    assert!(ok.success());
    let mut rules = Rules::new(&root, &[], false).unwrap();
    assert!(matches!(
        rules.is_ignored("d/x"),
        Err(RulesError::Unsafe(Unsafe::NotRegular { .. }))
    ));
    assert_eq!(rules.is_ignored("x"), Ok(false));
}

#[test]
fn case_folding_follows_core_ignorecase() {
    let home = repo();
    let root = home.path().join("repo");
    write(&root, ".gitignore", "*.PTH\n/Data/\n");
    let paths = vec!["m.pth".to_string(), "data/x".to_string()];
    build_tree(&root, &paths, &BTreeSet::new());
    assert_eq!(ours(home.path(), &paths, None, false), vec![false, false]);
    assert_eq!(ours(home.path(), &paths, None, true), vec![true, true]);
}

/// Real `.gitignore` files (github/gitignore templates, CC0: `corpus/`), each as the root
/// `.gitignore`, asked about paths made from its own patterns and an ML project's paths.
#[test]
fn real_gitignore_files_agree_with_git() {
    let corpus: &[(&str, &str)] = &[
        // github/gitignore Python.gitignore (commit 019c828f)
        ("Python", include_str!("corpus/Python.gitignore")),
        // github/gitignore VisualStudio.gitignore (commit 005feb58)
        (
            "VisualStudio",
            include_str!("corpus/VisualStudio.gitignore"),
        ),
        // github/gitignore Unity.gitignore (commit 001144ba)
        ("Unity", include_str!("corpus/Unity.gitignore")),
    ];
    for (name, text) in corpus {
        let home = repo();
        let root = home.path().join("repo");
        write(&root, ".gitignore", text);
        let mut paths = BTreeSet::new();
        for line in text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let p = concrete(line);
            if p.is_empty() || p.split('/').any(|c| c.is_empty() || c == ".git") {
                continue;
            }
            for q in [p.clone(), format!("sub/{p}"), format!("{p}/f.txt")] {
                paths.insert(q);
            }
        }
        for p in ML_PATHS {
            paths.insert(p.to_string());
        }
        // A path can't be a file and a folder: the folders win (`build_tree`).
        let paths: Vec<String> = paths.into_iter().collect();
        build_tree(&root, &paths, &BTreeSet::new());
        let expected = git_answers(home.path(), &paths, None);
        let got = ours(home.path(), &paths, None, false);
        for (i, p) in paths.iter().enumerate() {
            assert_eq!(got[i], expected[i], "{name}.gitignore: {p}");
        }
        assert!(
            expected.iter().filter(|&&b| b).count() > paths.len() / 4,
            "{name}"
        );
    }
}

mod random_rules;
use random_rules::{concrete, ML_PATHS};
