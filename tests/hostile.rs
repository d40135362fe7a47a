//! Issue 8, item 5: workspaces and files built to break `course`. Each reproducer from the
//! hostile-input run is a test through the real binary: a clear message and a documented
//! exit code, never a panic, a stack overflow or a hang. (Time is bounded by construction;
//! `scripts/hostile-timings` measures it.)

use crate::common::*;

/// `lesson --file` on `text`: exit code and output.
fn lesson_file(text: &str) -> (i32, String) {
    let dir = tempdir();
    let file = write(dir.path(), "deep.md", text);
    let out = course()
        .args(["lesson", "--no-pager", "--width", "60", "--file"])
        .arg(&file)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// The words of rendered text, without quote bars, bullets and line breaks.
fn words(out: &str) -> String {
    out.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn issue8_ten_thousand_nested_quotes_render_flat_after_a_note() {
    let (code, out) = lesson_file(&format!("{}깊은 인용\n", "> ".repeat(10_000)));
    assert_eq!(code, 0, "{out}");
    assert!(words(&out).contains("deeper nesting shown flat"), "{out}");
    assert!(out.contains("인용"), "{out}");
    assert!(out.lines().all(|l| l.chars().count() <= 60), "{out}");
}

#[test]
fn issue8_ten_thousand_nested_list_items_render_flat_after_a_note() {
    let (code, out) = lesson_file(&format!("{}deep item\n", "- ".repeat(10_000)));
    assert_eq!(code, 0, "{out}");
    assert!(words(&out).contains("deeper nesting shown flat"), "{out}");
    assert!(out.contains("item"), "{out}");
    let (code, out) = lesson_file(&" -\n".repeat(9_355));
    assert_eq!(code, 0, "{out}");
}

#[test]
fn issue8_nesting_within_the_limit_has_no_note() {
    let (code, out) = lesson_file("> > - 하나\n>   - 둘\n");
    assert_eq!(code, 0);
    assert!(!out.contains("shown flat"), "{out}");
    assert!(out.contains("하나") && out.contains("둘"), "{out}");
}

#[cfg(unix)]
#[test]
fn issue8_lesson_file_reads_only_regular_files() {
    let dir = tempdir();
    let fifo = dir.path().join("lesson.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    for path in [fifo.as_path(), std::path::Path::new("/dev/urandom")] {
        course()
            .args(["lesson", "--no-pager", "--file"])
            .arg(path)
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(predicates::str::contains(path.display().to_string()))
            .stderr(predicates::str::contains("not a regular file"));
    }
    let big = write(dir.path(), "big.md", &"가".repeat(400_000));
    course()
        .args(["lesson", "--no-pager", "--file"])
        .arg(&big)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("big.md"))
        .stderr(predicates::str::contains("at most 1 MiB"));
}

/// `course check` of a one-exercise course with `checks` on workspace `ws`: exit code and
/// the exercise's findings.
fn check_one(checks: &str, ws: &std::path::Path) -> (i32, Vec<serde_json::Value>) {
    let dir = tempdir();
    one_exercise_course(dir.path(), checks);
    let (code, json) = check_report(dir.path(), ws, "en", &[] as &[(&str, &str)]);
    let findings = json["exercises"][0]["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    (code, findings)
}

/// The findings whose message contains `text`.
fn with_message<'a>(findings: &'a [serde_json::Value], text: &str) -> Vec<&'a serde_json::Value> {
    findings
        .iter()
        .filter(|f| f["message"].as_str().unwrap_or("").contains(text))
        .collect()
}

#[test]
fn issue8_deeply_nested_config_yaml_is_a_finding_not_a_hang() {
    let ws = tempdir();
    write(ws.path(), "configs/base.yaml", &"{a: ".repeat(250_000));
    write(
        ws.path(),
        "configs/ok.yaml",
        "lr: [0.1, 0.01]\nmodel: {name: \"[x]\"}\n",
    );
    let (code, findings) = check_one("  - kind: config-files\n    dir: configs\n", ws.path());
    assert_eq!(code, 1, "{findings:#?}");
    let deep = with_message(&findings, "nested too deep");
    assert_eq!(deep.len(), 1, "{findings:#?}");
    assert_eq!(deep[0]["file"], "configs/base.yaml");
    assert_eq!(deep[0]["line"], 1);
    assert!(
        with_message(&findings, "ok.yaml").is_empty(),
        "{findings:#?}"
    );
}

#[test]
fn issue8_deeply_nested_answers_yaml_is_a_finding() {
    let ws = tempdir();
    write(
        ws.path(),
        "answers.yaml",
        &format!("q1:\n  choice: {}\n", "[".repeat(100_000)),
    );
    let checks = "  - kind: choices\n    file: answers.yaml\n    options: {a: [a], b: [b]}\n    questions:\n      - {key: q1, expected: a, prompt: Q}\n";
    let (code, findings) = check_one(checks, ws.path());
    assert_eq!(code, 1, "{findings:#?}");
    let deep = with_message(&findings, "nested too deep");
    assert_eq!(deep.len(), 1, "{findings:#?}");
    assert_eq!(deep[0]["line"], 2);
}

#[test]
fn issue8_deeply_nested_exercise_file_is_a_course_error() {
    let dir = tempdir();
    one_exercise_course(dir.path(), &format!("  - {}\n", "[".repeat(100_000)));
    // Loading the course stops with a usage error (2); `validate` reports it as a problem (1).
    let load = course()
        .arg("--course")
        .arg(dir.path())
        .arg("list")
        .output()
        .unwrap();
    let validate = course().arg("validate").arg(dir.path()).output().unwrap();
    for (out, code) in [(load, 2), (validate, 1)] {
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(code), "{text}");
        assert!(text.contains("exercise.yaml:6:"), "{text}");
        assert!(text.contains("nested too deep"), "{text}");
    }
}
