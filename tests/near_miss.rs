//! Near-miss names (issue 9): a file or folder an exercise needs that is missing, while the
//! workspace holds something close (`requirement.txt`, `Requirements.txt`,
//! `sub/requirements.txt`, `readme.md`, `answer/`, `answers/jupyter_vs_script.yml`), is named
//! in the finding with the commands that move it; pasted into a shell, they make the finding
//! go away. The built-in course, a real git repository, both languages.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{course, git, git_init, tempdir, write};
use serde_json::Value;

/// `file/missing` and `folder/missing` findings of `course check` on `ws`, by path:
/// (message, hint).
fn missing(ws: &Path, lang: &str) -> BTreeMap<String, (String, String)> {
    let out = course()
        .args(["check", "--format", "json", "--lang", lang, "--workspace"])
        .arg(ws)
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut found = BTreeMap::new();
    for e in doc["exercises"].as_array().unwrap() {
        for f in e["findings"].as_array().unwrap() {
            if f["code"] == "file/missing" || f["code"] == "folder/missing" {
                let text = |k: &str| f[k].as_str().unwrap_or("").to_string();
                found.insert(text("file"), (text("message"), text("hint")));
            }
        }
    }
    found
}

/// The command lines of a hint (its indented lines), run with `sh` in `ws`.
fn run_commands(ws: &Path, hint: &str) {
    let script: Vec<&str> = hint.lines().filter_map(|l| l.strip_prefix("  ")).collect();
    assert!(!script.is_empty(), "no command in: {hint}");
    let mut sh = std::process::Command::new("sh");
    crate::common::as_learner(&mut sh, ws);
    let out = sh.args(["-e", "-c", &script.join("\n")]).output().unwrap();
    assert!(out.status.success(), "{script:?}: {out:?}");
}

/// A learner's workspace, a git repository with `readme.md` committed and the rest not.
fn near_miss_workspace() -> tempfile::TempDir {
    let dir = tempdir();
    let ws = dir.path();
    git_init(ws);
    write(ws, "readme.md", "# VLA\n\nsrc: code\n");
    write(ws, "requirement.txt", "numpy>=1.26  # arrays\n");
    write(
        ws,
        "answer/jupyter_vs_script.yml",
        "eda:\n  choice: jupyter\n  reason: plots right away\n",
    );
    write(ws, "config/base.yaml", "learning_rate: 0.001\n");
    git(ws, &["add", "readme.md"]);
    git(ws, &["commit", "-q", "-m", "Add the README"]);
    dir
}

#[test]
fn issue9_near_miss_names_are_found_and_the_fix_renames_them() {
    for lang in ["en", "ko"] {
        let dir = near_miss_workspace();
        let ws = dir.path();
        let found = missing(ws, lang);
        let (ko, en) = (lang == "ko", lang == "en");
        let says = |path: &str, there: &str, command: &str| {
            let (message, hint) = found
                .get(path)
                .unwrap_or_else(|| panic!("no finding for {path}: {found:?}"));
            let expect = if ko {
                format!("대신 `{there}`")
            } else {
                format!("found `{there}`")
            };
            assert!(message.contains(&expect), "{message}");
            assert!(hint.contains(&format!("\n  {command}")), "{hint}");
            hint.clone()
        };
        let req = says(
            "requirements.txt",
            "requirement.txt",
            "mv requirement.txt requirements.txt",
        );
        // Committed: `git mv`, and the case is explained.
        let readme = says("README.md", "readme.md", "git mv readme.md README.md");
        assert!(!req.contains("macOS"), "{req}");
        assert!(readme.contains("macOS"), "{readme}");
        if ko {
            assert!(
                readme.contains("`README.md`로 이름을 바꾸십시오"),
                "{readme}"
            );
        }
        if en {
            assert!(readme.contains("rename it to `README.md`"), "{readme}");
        }
        let answers = says(
            "answers/jupyter_vs_script.yaml",
            "answer/jupyter_vs_script.yml",
            "mv answer answers\n  mv answers/jupyter_vs_script.yml answers/jupyter_vs_script.yaml",
        );
        let configs = says("configs", "config/", "mv config configs");
        // Followed literally, each fix makes its finding go away.
        for hint in [&req, &readme, &answers, &configs] {
            run_commands(ws, hint);
        }
        let after = missing(ws, lang);
        for path in [
            "requirements.txt",
            "README.md",
            "answers/jupyter_vs_script.yaml",
            "configs",
        ] {
            assert!(!after.contains_key(path), "{path}: {after:?}");
        }
        assert!(git(ws, &["status", "--porcelain"]).contains("R  readme.md -> README.md"));
    }
}

#[test]
fn issue9_case_a_missing_s_yml_and_one_folder_down_are_near_misses() {
    for (files, wanted, there, command) in [
        (
            &[("Requirements.txt", "numpy  # arrays\n")][..],
            "requirements.txt",
            "Requirements.txt",
            // Through a temporary name: GNU `mv` refuses a case-only rename where the file
            // system ignores case (tried on a case-insensitive FUSE folder, scripts/cifs.py).
            "mv Requirements.txt Requirements.txt.tmp\n  mv Requirements.txt.tmp requirements.txt",
        ),
        (
            &[("sub/requirements.txt", "numpy  # arrays\n")][..],
            "requirements.txt",
            "sub/requirements.txt",
            "mv sub/requirements.txt requirements.txt",
        ),
        (
            &[("answers/jupyter_vs_script.yml", "eda: {}\n")][..],
            "answers/jupyter_vs_script.yaml",
            "answers/jupyter_vs_script.yml",
            "mv answers/jupyter_vs_script.yml answers/jupyter_vs_script.yaml",
        ),
        (
            &[("my project/README.md", "# x\n")][..],
            "README.md",
            "my project/README.md",
            "mv 'my project/README.md' README.md",
        ),
    ] {
        let dir = tempdir();
        for (rel, text) in files {
            write(dir.path(), rel, text);
        }
        let found = missing(dir.path(), "en");
        let (message, hint) = &found[wanted];
        assert!(message.contains(&format!("found `{there}`")), "{message}");
        assert!(hint.contains(&format!("\n  {command}")), "{hint}");
        run_commands(dir.path(), hint);
        assert!(!missing(dir.path(), "en").contains_key(wanted));
    }
}

/// Honest work is untouched: the right names give no near-miss text, and a workspace with
/// nothing like the file keeps the plain "create it" fix, in both languages.
#[test]
fn issue9_right_names_and_unrelated_files_get_no_near_miss() {
    let dir = tempdir();
    let ws = dir.path();
    write(ws, "requirements.txt", "numpy>=1.26  # 배열 계산\n");
    write(ws, "README.md", "# VLA\n");
    write(ws, "setup.py", "");
    write(ws, "notes/todo.txt", "x\n");
    for lang in ["en", "ko"] {
        let found = missing(ws, lang);
        assert!(!found.contains_key("requirements.txt"));
        assert!(!found.contains_key("README.md"));
        let (message, hint) = &found["answers/jupyter_vs_script.yaml"];
        assert!(
            !message.contains("found") && !message.contains("대신"),
            "{message}"
        );
        assert!(!hint.contains("mv "), "{hint}");
    }
}

/// The `packages/no-init` findings of a `python-packages` check of `src` on `ws`, by file:
/// (message, hint).
fn no_init(ws: &Path, lang: &str) -> BTreeMap<String, (String, String)> {
    let checks = "  - kind: python-packages\n    root: src\n";
    let (_, findings) = crate::common::exercise_findings(ws, checks, lang);
    findings
        .iter()
        .filter(|f| f["code"] == "packages/no-init")
        .map(|f| {
            let text = |k: &str| f[k].as_str().unwrap_or("").to_string();
            (text("file"), (text("message"), text("hint")))
        })
        .collect()
}

/// Issue 9: a misspelt `__init__.py` gets the near-miss fix every other kind gets (it kept
/// an older one of its own, always `mv`): `git mv` when it is committed, `mv` when not, in
/// both languages; pasted, the findings go away. Another folder's `__init__.py` (a
/// subpackage's) is never offered, and a folder with nothing like one keeps `touch`.
#[test]
fn issue9_misspelt_init_gets_the_shared_rename() {
    for lang in ["en", "ko"] {
        let dir = tempdir();
        let ws = dir.path();
        git_init(ws);
        write(ws, "src/__init__.py", "");
        write(ws, "src/model/_init_.py", "");
        write(ws, "src/model/vla.py", "x = 1\n");
        write(ws, "src/utils/init.py", "");
        write(ws, "src/utils/io.py", "x = 1\n");
        write(ws, "src/data/loader.py", "x = 1\n");
        write(ws, "src/data/sub/__init__.py", "");
        write(ws, "src/data/sub/x.py", "x = 1\n");
        git(ws, &["add", "src/__init__.py", "src/model"]);
        git(ws, &["commit", "-q", "-m", "Add the model"]);
        let found = no_init(ws, lang);
        let (model_msg, model) = &found["src/model/__init__.py"];
        let (utils_msg, utils) = &found["src/utils/__init__.py"];
        let (_, data) = &found["src/data/__init__.py"];
        let there = |m: &str, path: &str| {
            if lang == "ko" {
                assert!(m.contains(&format!("대신 `{path}`")), "{m}");
            } else {
                assert!(m.contains(&format!("found `{path}`")), "{m}");
            }
        };
        there(model_msg, "src/model/_init_.py");
        there(utils_msg, "src/utils/init.py");
        assert!(
            model.ends_with("\n  git mv src/model/_init_.py src/model/__init__.py"),
            "{model}"
        );
        assert!(
            utils.ends_with("\n  mv src/utils/init.py src/utils/__init__.py"),
            "{utils}"
        );
        assert!(data.ends_with("\n  touch src/data/__init__.py"), "{data}");
        assert!(!data.contains("mv "), "{data}");
        run_commands(ws, model);
        run_commands(ws, utils);
        let after = no_init(ws, lang);
        assert_eq!(
            after.keys().collect::<Vec<_>>(),
            ["src/data/__init__.py"],
            "{after:?}"
        );
    }
}
