//! Issue 9: every example a learner is told to copy passes its exercise. `course validate`
//! builds each example set of the built-in course (the lesson's `.gitignore`, requirements.txt,
//! the structure commands, the answer example, the hints' blocks) in both languages, runs the
//! exercise's real checks on it, and fails with the lesson's file and line when they disagree.

use std::path::{Path, PathBuf};

use crate::common::*;
use predicates::prelude::*;

/// A copy of the built-in course in a temp folder.
fn course_copy() -> tempfile::TempDir {
    let dir = tempdir();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let status = std::process::Command::new("cp")
        .arg("-r")
        .args(["course.yaml", "lessons", "exercises"].map(|p| root.join(p)))
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    dir
}

fn edit(path: PathBuf, from: &str, to: &str) {
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{}: no `{from}`", path.display());
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn issue9_every_copied_example_passes_its_exercise_in_both_languages() {
    let out = course().arg("validate").output().unwrap();
    let stdout = crate::common::flat(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    for set in [
        "git-workflow/fixtures/examples/lesson",
        "requirements/fixtures/examples/lesson",
        "requirements/fixtures/examples/hint",
        "structure/fixtures/examples/lesson",
        "structure/fixtures/examples/hint",
        "jupyter-vs-script/fixtures/examples/prompt",
    ] {
        for lang in ["ko", "en"] {
            let line = format!("ok: exercises/{set} ({lang}) (pass, as it should)");
            assert!(stdout.contains(&line), "missing: {line}\n{stdout}");
        }
    }
}

/// `course validate` on a copy of the built-in course with one lesson line changed: exit 1.
fn validate_with(lesson: &str, from: &str, to: &str) -> assert_cmd::assert::Assert {
    let c = course_copy();
    edit(c.path().join(lesson), from, to);
    course().arg("validate").arg(c.path()).assert().code(1)
}

#[test]
fn issue9_a_lesson_gitignore_that_hides_src_data_fails_validation_at_its_line() {
    // The bug of issue 9: the example said `data/` (hiding src/data/) and had no `.venv/`.
    validate_with("lessons/ko/git.md", "\n/data/\n", "\ndata/\n")
        .stdout(predicate::str::contains(
            "exercises/git-workflow/fixtures/examples/lesson (ko): should pass",
        ))
        .stdout(predicate::str::contains("src/data/__init__.py"))
        .stdout(predicate::str::contains("lessons/ko/git.md:"))
        .stdout(predicate::str::contains(
            "examples/lesson (en) (pass, as it should)",
        ));
}

#[test]
fn issue9_requirements_example_without_comments_fails_validation() {
    validate_with(
        "lessons/en/pip.md",
        "numpy>=1.26            # robot states and actions as arrays",
        "numpy>=1.26",
    )
    .stdout(predicate::str::contains(
        "exercises/requirements/fixtures/examples/lesson (en): should pass",
    ))
    .stdout(predicate::str::contains("lessons/en/pip.md:"));
}

#[test]
fn issue9_example_declarations_are_checked_without_running_fixtures() {
    let c = course_copy();
    let why = c.path().join("lessons/en/why.md");
    let mut text = std::fs::read_to_string(&why).unwrap();
    text.push_str("\n```text file=../outside exercise=requirements\nx\n```\n");
    text.push_str("\n```text file=a.txt exercise=no-such\nx\n```\n");
    text.push_str("\n```python run exercise=structure\nprint(1)\n```\n");
    std::fs::write(&why, text).unwrap();
    // A set declared in Korean only.
    let jupyter = c.path().join("lessons/ko/jupyter.md");
    let mut ko = std::fs::read_to_string(&jupyter).unwrap();
    ko.push_str("\n```text file=notes.txt exercise=structure fixture=extra\nx\n```\n");
    std::fs::write(&jupyter, ko).unwrap();
    // A folder no block uses.
    write(
        c.path(),
        "exercises/structure/fixtures/examples/orphan/README.md",
        "x\n",
    );
    course()
        .args(["validate", "--no-fixtures"])
        .arg(c.path())
        .assert()
        .code(1)
        .stdout(says("why.md:"))
        .stdout(says(
            "`file=../outside`: give a path relative to the workspace",
        ))
        .stdout(says("there is no exercise `no-such`"))
        .stdout(says("`bash` or `sh`, not `python`"))
        .stdout(says(
            "example set `extra` of exercise `structure` has blocks in another language but none in `en`",
        ))
        .stdout(says("set `orphan`"));
}
