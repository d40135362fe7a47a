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

/// Every text of the built-in course a learner reads: each lesson file, and each exercise's
/// prompt and hints, with where it is and its language.
fn course_texts() -> Vec<(String, String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for lang in ["ko", "en"] {
        for entry in std::fs::read_dir(root.join("lessons").join(lang)).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((
                format!(
                    "lessons/{lang}/{}",
                    path.file_name().unwrap().to_string_lossy()
                ),
                lang.to_string(),
                text,
            ));
        }
    }
    for entry in std::fs::read_dir(root.join("exercises")).unwrap() {
        let dir = entry.unwrap().path();
        let file = dir.join("exercise.yaml");
        let yaml: serde_yaml::Value =
            serde_yaml::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let id = dir.file_name().unwrap().to_string_lossy().to_string();
        let hints = yaml["hints"].as_sequence().cloned().unwrap_or_default();
        let parts = std::iter::once(("prompt".to_string(), yaml["prompt"].clone())).chain(
            hints
                .into_iter()
                .enumerate()
                .map(|(i, h)| (format!("hint {}", i + 1), h)),
        );
        for (part, value) in parts {
            for lang in ["ko", "en"] {
                if let Some(text) = value[lang].as_str() {
                    out.push((
                        format!("exercises/{id} {part}"),
                        lang.to_string(),
                        text.to_string(),
                    ));
                }
            }
        }
    }
    assert!(out.len() > 20, "{} texts", out.len());
    out
}

/// `text` without its fenced code blocks (a line of blanks stands for each line left out, so
/// the line numbers stay right).
fn prose(text: &str) -> Vec<String> {
    let mut fenced = false;
    text.lines()
        .map(|line| {
            if line.trim_start().starts_with("```") {
                fenced = !fenced;
                return String::new();
            }
            if fenced {
                String::new()
            } else {
                line.to_string()
            }
        })
        .collect()
}

#[test]
fn issue9_commands_a_learner_pastes_are_code_blocks_not_prose() {
    // A long command inside a sentence is wrapped with the sentence: pasting the first screen
    // line ran half of it (`python -m` / `pip install torch ...`). In a code block each line
    // is whole. Short commands (`git status`) fit anywhere and may stay in prose.
    const WORDS: [&str; 13] = [
        "python",
        "python3",
        "pip",
        "git",
        "course",
        "conda",
        "mkdir",
        "touch",
        "source",
        "rm",
        "sudo",
        "echo",
        "Set-ExecutionPolicy",
    ];
    let mut bad = Vec::new();
    for (file, lang, text) in course_texts() {
        for (n, line) in prose(&text).iter().enumerate() {
            for (i, span) in line.split('`').enumerate() {
                let first = span.split_whitespace().next().unwrap_or("");
                let command = i % 2 == 1 && WORDS.contains(&first);
                if command && span.chars().count() >= 40 {
                    bad.push(format!("{file} ({lang}) line {}: `{span}`", n + 1));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "put these in a code block:\n{}",
        bad.join("\n")
    );
}

#[test]
fn issue9_korean_parentheses_attach_to_the_word_before_them() {
    // A source line break before `(` is a space on screen: `경로 (prefix:)까지`,
    // `이름 있는 환경 (conda create ...)을`. Korean writes `경로(prefix:)까지`.
    let mut bad = Vec::new();
    for (file, lang, text) in course_texts() {
        if lang != "ko" {
            continue;
        }
        let lines = prose(&text);
        for (n, pair) in lines.windows(2).enumerate() {
            let before = pair[0].trim_end().trim_end_matches('*');
            let hangul = before
                .chars()
                .last()
                .is_some_and(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
            if hangul && pair[1].trim_start().starts_with('(') {
                bad.push(format!("{file} line {}: {}", n + 2, pair[1].trim()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "join the parenthesis to the line before:\n{}",
        bad.join("\n")
    );
}
