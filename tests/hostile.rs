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
