//! Issue 9, the third learner audit: traps found by following the course literally from a
//! terminal (copying what the screen shows, grading one's own folder, coming back another
//! day), each followed here as the learner would, in Korean and English.

use std::path::Path;

use crate::common::*;

/// The lines of the first code block labelled `[label]` in `shown`, exactly as the terminal
/// shows them (indented), as a learner selects and copies them.
fn shown_block(shown: &str, label: &str) -> String {
    let mut lines = shown
        .lines()
        .skip_while(|l| l.trim() != format!("[{label}]"));
    assert!(lines.next().is_some(), "no [{label}] block in:\n{shown}");
    let block: Vec<&str> = lines.take_while(|l| !l.trim().is_empty()).collect();
    assert!(block.len() > 3, "{block:?}");
    block.join("\n") + "\n"
}

/// `course ARGS` in `ws`, its exit code and stdout.
fn run(ws: &Path, args: &[&str]) -> (i32, String) {
    let out = course_in(ws).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// The codes of the findings `course check EXERCISE --format json` gives in `ws`.
fn codes(ws: &Path, exercise: &str) -> Vec<String> {
    let (_, json) = run(ws, &["check", exercise, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    doc["exercises"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

/// The git exercise done as its prompt says, with the `.gitignore` copied from the lesson as
/// the terminal shows it (every line two spaces in); then the check's own fix, pasted as the
/// report shows it (indented too), leads to a pass.
fn pasted_gitignore_then_fix(lang: &str) {
    let ws = init_workspace(lang);
    let ws = ws.path();
    let (code, lesson) = run(ws, &["lesson", "git"]);
    assert_eq!(code, 0, "{lesson}");
    let pasted = shown_block(&lesson, "gitignore");
    assert!(pasted.contains("\n  /data/\n"), "{pasted}");
    write(ws, ".gitignore", &pasted);
    git_init(ws);
    write(ws, "hello.py", "print(\"hello\")\n");
    git(ws, &["add", ".gitignore", "hello.py"]);
    git(ws, &["commit", "-q", "-m", "Add hello"]);
    write(ws, "hello.py", "print(\"hello, VLA\")\n");
    git(ws, &["commit", "-q", "-am", "Change hello"]);

    let found = codes(ws, "git-workflow");
    assert!(
        found.iter().any(|c| c == "gitignore/indented-pattern"),
        "{found:?}"
    );
    // The lines are there: never also "add these lines" for the same patterns.
    assert!(
        !found.iter().any(|c| c == "gitignore/not-ignored"),
        "{found:?}"
    );
    let (code, report) = run(ws, &["check", "git-workflow"]);
    assert_eq!(code, 1, "{report}");
    assert!(report.contains(".gitignore:3: /data/"), "{report}");
    assert!(!report.contains("add these lines"), "{report}");
    assert!(!report.contains("다음 줄을 한 줄에 하나씩"), "{report}");

    // The fix as shown, indentation and all, run by a shell.
    let fix: Vec<&str> = report
        .lines()
        .filter(|l| l.trim_start().starts_with("sed ") || l.trim_start().starts_with("mv "))
        .collect();
    assert_eq!(fix.len(), 2, "{report}");
    let script = fix.join("\n");
    let out = as_learner(std::process::Command::new("sh").args(["-c", &script]), ws)
        .output()
        .unwrap();
    assert!(out.status.success(), "{script}: {out:?}");
    let fixed = std::fs::read_to_string(ws.join(".gitignore")).unwrap();
    assert!(fixed.contains("\n/data/\n"), "{fixed}");
    // Now the change is to commit, as the check says next.
    assert_eq!(
        codes(ws, "git-workflow"),
        ["history/ok", "gitignore/not-committed", "tracked/ok"]
    );
    git(ws, &["commit", "-q", "-am", "Fix .gitignore"]);
    let (code, report) = run(ws, &["check", "git-workflow"]);
    assert_eq!(code, 0, "{report}");
}

#[test]
fn issue9_gitignore_pasted_from_the_terminal_is_named_with_a_fix_that_pastes_ko() {
    pasted_gitignore_then_fix("ko");
}

#[test]
fn issue9_gitignore_pasted_from_the_terminal_is_named_with_a_fix_that_pastes_en() {
    pasted_gitignore_then_fix("en");
}

#[test]
fn issue9_indented_lines_that_ignore_nothing_needed_are_left_alone() {
    // Honest files: an indented comment, an indented pattern the exercise does not need
    // (`  wandb/`), every needed pattern from the first column: a pass, in both languages.
    for lang in ["ko", "en"] {
        let ws = init_workspace(lang);
        let ws = ws.path();
        let lines = "  # 실험 로그 / experiment logs\n  wandb/\n/data/\n*.pt\n*.pth\n__pycache__/\n.ipynb_checkpoints/\n.env\n.venv/\n";
        write(ws, ".gitignore", lines);
        git_init(ws);
        write(ws, "hello.py", "print(1)\n");
        git(ws, &["add", "."]);
        git(ws, &["commit", "-q", "-m", "Add hello"]);
        write(ws, "hello.py", "print(2)\n");
        git(ws, &["commit", "-q", "-am", "Change hello"]);
        let (code, report) = run(ws, &["check", "git-workflow"]);
        assert_eq!(code, 0, "{lang}: {report}");
    }
}
