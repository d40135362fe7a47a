//! Issue 9 (audit at 23:00): two keyboard-mash commits got two fixes, `git rebase -i --root`
//! and `git rebase -i f0d489e^`. After the first rebase every id changes, so the second named a
//! commit that was gone and, run as written, replayed the new history onto the old root: the
//! mash came back. Now several commits to reword get ONE rebase listing every line to change,
//! the other findings refer to it, and doing what it says makes the check pass.

use std::path::Path;

use crate::common::{as_learner, git, git_init, tempdir, write};
use crate::issue9_commit_messages::history_findings as failing;

const CHECKS: &str = "  - kind: git-history\n    added_then_modified: .py\n";

/// A history like the audit's: the root `asdf`, then `ㅁㄴㅇㄹ`, then an honest HEAD.
fn two_mash_commits() -> tempfile::TempDir {
    let ws = tempdir();
    let dir = ws.path();
    git_init(dir);
    write(dir, "README.md", "# VLA practice\n");
    write(dir, "hello.py", "print('hello')\n");
    git(dir, &["add", "README.md", "hello.py"]);
    git(dir, &["commit", "-q", "-m", "asdf"]);
    write(dir, "hello.py", "print('hello, VLA')\n");
    git(dir, &["commit", "-q", "-am", "ㅁㄴㅇㄹ"]);
    write(dir, "notes.txt", "what I learned\n");
    git(dir, &["add", "notes.txt"]);
    git(dir, &["commit", "-q", "-m", "Add notes on what I learned"]);
    ws
}

/// Follow the fix as written: run its `git rebase -i` line with a sequence editor that turns
/// exactly the listed `pick` lines into `reword`, and a message editor that writes `message`.
pub(crate) fn follow(ws: &Path, fix: &str, message: &str) {
    let lines: Vec<&str> = fix.lines().map(str::trim).collect();
    let rebase = lines
        .iter()
        .find(|l| l.starts_with("git rebase -i"))
        .unwrap_or_else(|| panic!("no rebase in {fix}"));
    let picks: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("pick "))
        .collect();
    assert!(!picks.is_empty(), "no lines to change in {fix}");
    let tools = tempdir();
    // The todo list git writes must hold each listed line as shown; change those only.
    let mut seq = String::from("#!/bin/sh\nset -e\n");
    for pick in &picks {
        let id = pick.split_whitespace().nth(1).unwrap();
        seq.push_str(&format!(
            "grep -q '^pick {id} ' \"$1\" || {{ echo 'missing: {id}' >&2; exit 1; }}\n\
             sed -i 's/^pick {id} /reword {id} /' \"$1\"\n"
        ));
    }
    let seq_path = write(tools.path(), "seq.sh", &seq);
    let msg_path = write(
        tools.path(),
        "msg.sh",
        &format!("#!/bin/sh\nprintf '%s\\n' '{message}' > \"$1\"\n"),
    );
    let out = as_learner(std::process::Command::new("sh").args(["-c", rebase]), ws)
        .env("GIT_SEQUENCE_EDITOR", format!("sh {}", seq_path.display()))
        .env("GIT_EDITOR", format!("sh {}", msg_path.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{rebase}: {out:?}");
}

#[test]
fn issue9_two_mash_commits_get_one_rebase_that_fixes_both() {
    for (lang, message, refers) in [
        ("en", "Update the hello script", "fix above"),
        ("ko", "hello 스크립트 수정", "위의 rebase"),
    ] {
        let ws = two_mash_commits();
        let found = failing(ws.path(), lang);
        assert_eq!(found.len(), 2, "{lang}: {found:#?}");
        assert!(found.iter().all(|f| f.0 == "history/message-not-text"));
        let with_rebase: Vec<_> = found
            .iter()
            .filter(|f| f.2.contains("git rebase -i"))
            .collect();
        // One fix with the rebase; the other finding refers to it.
        let fixes: Vec<_> = with_rebase
            .iter()
            .filter(|f| f.2.contains("\n  git rebase -i"))
            .collect();
        assert_eq!(fixes.len(), 1, "{lang}: {found:#?}");
        let fix = &fixes[0].2;
        assert!(fix.contains("\n  git rebase -i --root\n"), "{lang}: {fix}");
        assert_eq!(fix.matches("\n  pick ").count(), 2, "{lang}: {fix}");
        assert!(
            fix.contains(" asdf\n") || fix.contains(" asdf"),
            "{lang}: {fix}"
        );
        assert!(fix.contains(" ㅁㄴㅇㄹ"), "{lang}: {fix}");
        let other = found.iter().find(|f| &f.2 != fix).unwrap();
        assert!(other.2.contains(refers), "{lang}: {other:#?}");

        follow(ws.path(), fix, message);
        let after = failing(ws.path(), lang);
        assert!(after.is_empty(), "{lang}: {after:#?}");
        let log = git(ws.path(), &["log", "--format=%s"]);
        assert!(!log.contains("asdf") && !log.contains("ㅁㄴㅇㄹ"), "{log}");
        assert_eq!(log.lines().count(), 3, "{log}");
    }
}

/// Issue 9 (audit at 23:00): the amend example `jupyter_vs_script.yaml, base.yaml 외 4개 파일
/// 추가` wrapped inside its quotes at 60 columns, and pasted, the message got a newline. The
/// example is one name and a count, short enough that the quoted message stays on one line.
#[test]
fn issue9_the_amend_example_is_never_wrapped_inside_its_quotes_at_60_columns() {
    let ws = tempdir();
    let dir = ws.path();
    git_init(dir);
    write(dir, "hello.py", "print('hello')\n");
    git(dir, &["add", "hello.py"]);
    git(dir, &["commit", "-q", "-m", "Add hello.py"]);
    for name in [
        "configs/jupyter_vs_script.yaml",
        "configs/model.yaml",
        "configs/run.yaml",
        "configs/train.yaml",
        "configs/val.yaml",
        "configs/zoo.yaml",
    ] {
        write(dir, name, "x: 1\n");
    }
    git(dir, &["add", "configs"]);
    git(dir, &["commit", "-q", "-m", "ㅁㄴㅇㄹ"]);
    let course = tempdir();
    crate::common::one_exercise_course(course.path(), CHECKS);
    for (lang, message) in [
        ("en", "\"Add jupyter_vs_scr… and 5 more\""),
        ("ko", "\"jupyter_vs_scr… 외 5개 추가\""),
    ] {
        let out = crate::common::course()
            .env("COLUMNS", "60")
            .arg("--course")
            .arg(course.path())
            .args(["check", "--lang", lang, "--workspace"])
            .arg(dir)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let at = text
            .lines()
            .position(|l| l.contains("--amend"))
            .unwrap_or_else(|| panic!("{lang}: no amend in\n{text}"));
        // The message is on the amend line or on its continuation line, whole.
        let lines: Vec<&str> = text.lines().skip(at).take(2).collect();
        let quoted: Vec<&&str> = lines.iter().filter(|l| l.contains('"')).collect();
        assert_eq!(quoted.len(), 1, "{lang}: {lines:#?}");
        assert_eq!(quoted[0].matches('"').count(), 2, "{lang}: {lines:#?}");
        assert!(quoted[0].contains(message), "{lang}: {lines:#?}");
        for line in text.lines() {
            assert!(crate::wrap::columns(line) <= 60, "{lang}: {line}");
        }
    }
}
