//! Snapshot tests (insta): every built-in lesson rendered in both languages at 60 and 100
//! columns, and the text report of a few failing workspaces, all plain (no colour), through
//! the real binary. A rendering change shows as a diff of `tests/snapshots/*.snap`; review it
//! and accept with `INSTA_UPDATE=always cargo test --test integration snapshots` (or
//! `cargo insta review`).

use std::path::Path;

use crate::common::{course, git, tempdir, write};
use crate::support;

/// The built-in course's lesson ids, in course order.
fn lesson_ids() -> Vec<String> {
    crate::wrap_commands::course_ids("lessons")
}

fn stdout(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap();
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn issue7_every_lesson_in_both_languages_at_60_and_100_columns() {
    let outside = tempdir();
    let ids = lesson_ids();
    assert_eq!(ids.len(), 7, "{ids:?}");
    for id in &ids {
        for lang in ["ko", "en"] {
            for width in [60, 100] {
                let text = stdout(
                    course()
                        .current_dir(outside.path())
                        // The footer's start depends on `~/my-vla-project`: a home of its own.
                        .env("HOME", outside.path())
                        .args(["--lang", lang, "--color", "never", "--no-pager"])
                        .args(["--width", &width.to_string(), "lesson", id]),
                );
                assert!(!text.is_empty(), "{id} {lang} {width}");
                insta::assert_snapshot!(format!("lesson-{id}-{lang}-{width}"), text);
            }
        }
    }
}

/// `course grade` of `ws` as plain text in `lang` at 80 columns (no `--exec`: the checks that
/// run Python are skipped the same way on every machine).
fn report(ws: &Path, lang: &str) -> String {
    let text = stdout(
        course()
            .args(["--lang", lang, "--color", "never", "--width", "80"])
            .args(["grade", "--format", "text", "--workspace"])
            .arg(ws),
    );
    text.replace(&ws.display().to_string(), "[WORKSPACE]")
}

#[test]
fn issue7_text_report_of_an_empty_workspace() {
    let ws = tempdir();
    for lang in ["en", "ko"] {
        insta::assert_snapshot!(format!("report-empty-{lang}"), report(ws.path(), lang));
    }
}

#[test]
fn issue7_text_report_of_files_without_git_and_bare_requirements() {
    let ws = tempdir();
    support::write_files(ws.path());
    write(ws.path(), "requirements.txt", "torch\nnumpy\n");
    insta::assert_snapshot!("report-no-git-en", report(ws.path(), "en"));
}

#[test]
fn issue7_text_report_of_wrong_answers_and_one_commit() {
    let ws = tempdir();
    support::write_files(ws.path());
    write(
        ws.path(),
        "answers/jupyter_vs_script.yaml",
        "data_exploration:\n  choice: script\n  reason: 분포를 그래프로 바로 보면서 셀 단위로 탐색할 수 있다\ntraining:\n  choice: colab\n  reason: short\n",
    );
    git(ws.path(), &["init", "-q", "-b", "main"]);
    git(ws.path(), &["add", "."]);
    git(ws.path(), &["commit", "-q", "-m", "everything at once"]);
    for lang in ["en", "ko"] {
        insta::assert_snapshot!(format!("report-answers-{lang}"), report(ws.path(), lang));
    }
}
