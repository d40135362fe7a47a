//! More hostile workspaces (after `hostile.rs`), each run through the whole built-in course
//! with `course check` and `course grade`: links that lead nowhere or loop, a git
//! configuration that names a device, moves the work tree or asks for hooks and an
//! fsmonitor, folders 2,000 deep, sparse files of gigabytes, file names that are not UTF-8,
//! a socket. Each gets a clear finding naming the file with its fix and a documented exit
//! code; none hangs (the commands run under assert_cmd's timeout), panics (exit 101) or
//! writes outside `.course/`.

use std::path::Path;

use crate::common::{course, git, git_init, tempdir, write};
use serde_json::Value;

/// `course <command> --format json --workspace ws` with the built-in course: exit code and
/// every finding of every exercise.
fn report(command: &str, ws: &Path) -> (i32, Vec<Value>) {
    let out = course()
        .args([command, "--format", "json", "--lang", "en", "--workspace"])
        .arg(ws)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    let code = out.status.code().unwrap_or(-1);
    assert!(
        [0, 1, 3].contains(&code),
        "{command}: exit {code}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{command}: {e}: {}", String::from_utf8_lossy(&out.stderr)));
    let findings = doc["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["findings"].as_array().cloned().unwrap_or_default())
        .collect();
    (code, findings)
}

fn with_code<'a>(findings: &'a [Value], code: &str) -> Vec<&'a Value> {
    findings.iter().filter(|f| f["code"] == code).collect()
}

/// A repository with two commits of `train.py`, its `.gitignore` committed.
fn repo(ws: &Path) {
    git_init(ws);
    write(
        ws,
        ".gitignore",
        "/data/\n*.pt\n*.pth\n__pycache__/\n.ipynb_checkpoints/\n.env\n.venv/\n",
    );
    write(ws, "train.py", "lr = 1e-4\n");
    git(ws, &["add", "."]);
    git(ws, &["commit", "-q", "-m", "Add train.py"]);
    write(ws, "train.py", "lr = 3e-4\n");
    git(ws, &["commit", "-q", "-am", "Raise the learning rate"]);
}

#[cfg(unix)]
#[test]
fn links_that_lead_nowhere_or_loop_are_named_with_rm_as_the_fix() {
    use std::os::unix::fs::symlink;
    let ws = tempdir();
    let ws = ws.path();
    symlink("requirements.txt", ws.join("requirements.txt")).unwrap(); // a loop of one
    symlink("README2.md", ws.join("README.md")).unwrap();
    symlink("README.md", ws.join("README2.md")).unwrap(); // a loop of two
    std::fs::create_dir_all(ws.join("answers")).unwrap();
    symlink("gone.yaml", ws.join("answers/jupyter_vs_script.yaml")).unwrap(); // to nothing
    for command in ["check", "grade"] {
        let (code, findings) = report(command, ws);
        assert_eq!(code, 1, "{command}: {findings:#?}");
        let broken = with_code(&findings, "file/broken-link");
        for file in [
            "requirements.txt",
            "README.md",
            "answers/jupyter_vs_script.yaml",
        ] {
            let f = broken
                .iter()
                .find(|f| f["file"] == file)
                .unwrap_or_else(|| panic!("{command}: {file}: {findings:#?}"));
            assert!(
                f["hint"].as_str().unwrap().contains(&format!("rm {file}")),
                "{f:#}"
            );
        }
        assert!(
            with_code(&findings, "file/unreadable").is_empty(),
            "{findings:#?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_device_named_by_the_git_config_is_never_removed_by_the_fix() {
    let ws = tempdir();
    let ws = ws.path();
    repo(ws);
    let config = ws.join(".git/config");
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str("[include]\n\tpath = /dev/zero\n");
    std::fs::write(&config, text).unwrap();
    let (code, findings) = report("check", ws);
    assert_eq!(code, 1, "{findings:#?}");
    let bad = with_code(&findings, "git/not-regular-file");
    assert!(!bad.is_empty(), "{findings:#?}");
    for f in bad {
        let hint = f["hint"].as_str().unwrap();
        assert!(!hint.contains("rm "), "{hint}");
        assert!(
            hint.contains("git config --show-origin --list | grep /dev/zero"),
            "{hint}"
        );
    }
}

#[test]
fn a_work_tree_moved_by_core_worktree_is_refused_with_the_setting_to_remove() {
    let tmp = tempdir();
    let ws = tmp.path().join("ws");
    std::fs::create_dir_all(&ws).unwrap();
    repo(&ws);
    // Another folder's `.gitignore` that would make every sample path ignored.
    let other = tmp.path().join("other");
    write(&other, ".gitignore", "*\n");
    for worktree in [other.to_str().unwrap(), "../../other"] {
        git(&ws, &["config", "core.worktree", worktree]);
        for command in ["check", "grade"] {
            let (_, findings) = report(command, &ws);
            let out = with_code(&findings, "git/outside-workspace");
            assert!(!out.is_empty(), "{command} {worktree}: {findings:#?}");
            assert!(
                out[0]["hint"]
                    .as_str()
                    .unwrap()
                    .contains("git config --unset core.worktree"),
                "{:#}",
                out[0]
            );
            assert!(
                with_code(&findings, "gitignore/ok").is_empty(),
                "{findings:#?}"
            );
        }
    }
}

#[test]
fn hooks_and_an_fsmonitor_in_the_git_config_never_run() {
    let tmp = tempdir();
    let ws = tmp.path().join("ws");
    std::fs::create_dir_all(&ws).unwrap();
    repo(&ws);
    let marker = tmp.path().join("ran");
    let script = format!("touch '{}'", marker.display());
    git(&ws, &["config", "core.fsmonitor", &script]);
    let hooks = ws.join(".git/hooks");
    for hook in [
        "post-checkout",
        "pre-commit",
        "post-index-change",
        "reference-transaction",
    ] {
        write(&hooks, hook, &format!("#!/bin/sh\n{script}\n"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(hooks.join(hook), std::fs::Permissions::from_mode(0o755))
                .unwrap();
        }
    }
    for command in ["check", "grade"] {
        let (_, findings) = report(command, &ws);
        assert!(
            !with_code(&findings, "history/ok").is_empty(),
            "{findings:#?}"
        );
    }
    assert!(!marker.exists(), "a hook or the fsmonitor ran");
}

#[cfg(unix)]
#[test]
fn deep_folders_huge_sparse_files_odd_names_and_a_socket_end_in_findings() {
    use std::os::unix::ffi::OsStrExt;
    let ws = tempdir();
    let ws = ws.path();
    // 2,000 folders deep under src/ (a path of ~4,000 bytes), with a .py at the bottom.
    let mut deep = ws.join("src");
    for _ in 0..2_000 {
        deep.push("d");
        if std::fs::create_dir(&deep).is_err() {
            deep.pop();
            break; // the file system's own path limit
        }
    }
    let _ = std::fs::write(deep.join("x.py"), "x = 1\n");
    // Sparse files of gigabytes where hand-written files belong.
    for (rel, size) in [
        ("requirements.txt", 3u64 << 30),
        ("README.md", 2 << 30),
        ("scripts/train.py", 2 << 30),
    ] {
        let path = ws.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::File::create(&path).unwrap().set_len(size).unwrap();
    }
    // File names that are not UTF-8, and a socket.
    std::fs::create_dir_all(ws.join("tests")).unwrap();
    let odd = std::ffi::OsStr::from_bytes(b"test_\xff\xfe.py");
    std::fs::write(ws.join("tests").join(odd), "x = 1\n").unwrap();
    std::fs::create_dir_all(ws.join("configs")).unwrap();
    std::fs::write(
        ws.join("configs")
            .join(std::ffi::OsStr::from_bytes(b"\xc3(.yaml")),
        "a: 1\n",
    )
    .unwrap();
    let _socket = std::os::unix::net::UnixListener::bind(ws.join("notebooks.sock")).unwrap();
    git_init(ws);
    for command in ["check", "grade"] {
        let (code, findings) = report(command, ws);
        assert_eq!(code, 1, "{command}: {findings:#?}");
        let large = with_code(&findings, "file/too-large");
        assert!(
            large.iter().any(|f| f["file"] == "requirements.txt"),
            "{findings:#?}"
        );
        assert!(
            large.iter().any(|f| f["file"] == "README.md"),
            "{findings:#?}"
        );
    }
    let entries: Vec<_> = std::fs::read_dir(ws)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        entries.iter().all(|n| [
            ".git",
            "src",
            "requirements.txt",
            "README.md",
            "scripts",
            "tests",
            "configs",
            "notebooks.sock"
        ]
        .iter()
        .any(|k| n == *k)),
        "course wrote into the workspace outside .course/: {entries:?}"
    );
}
