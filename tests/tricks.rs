//! Cheap tricks a learner might use to pass an exercise without doing its work, each failing
//! with its own finding code, and beside each the honest work (Korean and English) that must
//! still pass. Every case is a fixture of the built-in course (`exercises/*/fixtures`), built
//! the way `course validate` builds it (a copy, then its `setup.sh` with a fixed git identity)
//! and checked by the real binary with the built-in course.

use crate::common::{course, fixture_workspace};
use serde_json::Value;

/// The status and the codes of the failing findings of `exercise` on fixture `rel`.
pub(crate) fn verdict(exercise: &str, rel: &str, lang: &str) -> (String, Vec<String>) {
    let ws = fixture_workspace(rel);
    let out = course()
        .args([
            "check",
            exercise,
            "--format",
            "json",
            "--lang",
            lang,
            "--workspace",
        ])
        .arg(ws.path())
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{rel}: not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let ex = &doc["exercises"][0];
    let codes = ex["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] != "pass")
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect();
    (ex["status"].as_str().unwrap().to_string(), codes)
}

/// The trick fails, and every finding it gets has code `code`.
pub(crate) fn fails_with(exercise: &str, rel: &str, code: &str) {
    for lang in ["en", "ko"] {
        let (status, codes) = verdict(exercise, rel, lang);
        assert_eq!(status, "fail", "{rel} ({lang}): {codes:?}");
        assert!(
            !codes.is_empty() && codes.iter().all(|c| c == code),
            "{rel} ({lang}): {codes:?}, expected only {code}"
        );
    }
}

pub(crate) fn passes(exercise: &str, rel: &str) {
    for lang in ["en", "ko"] {
        let (status, codes) = verdict(exercise, rel, lang);
        assert_eq!(status, "pass", "{rel} ({lang}): {codes:?}");
    }
}

#[test]
fn requirements_comments_that_fit_any_package_fail() {
    fails_with(
        "requirements",
        "requirements/fixtures/fail/generic-comments",
        "requirements/comment-generic",
    );
}

#[test]
fn requirements_one_comment_copied_onto_every_line_fails() {
    fails_with(
        "requirements",
        "requirements/fixtures/fail/same-comment-every-line",
        "requirements/same-comment",
    );
}

#[test]
fn requirements_generic_words_beside_a_reason_and_shared_purposes_pass() {
    passes(
        "requirements",
        "requirements/fixtures/pass/generic-words-beside-reasons-ko",
    );
    passes(
        "requirements",
        "requirements/fixtures/pass/generic-words-beside-reasons-en",
    );
}

#[test]
fn git_a_blank_line_is_no_modification() {
    fails_with(
        "git-workflow",
        "git-workflow/fixtures/fail/blank-line-only-change",
        "history/no-added-then-modified",
    );
    let ws = fixture_workspace("git-workflow/fixtures/fail/blank-line-only-change");
    let out = course()
        .args([
            "check",
            "git-workflow",
            "--lang",
            "en",
            "--width",
            "200",
            "--workspace",
        ])
        .arg(ws.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("`hello.py` changed only blank lines or spaces at line ends"),
        "{text}"
    );
}

#[test]
fn git_messages_that_are_not_words_fail() {
    fails_with(
        "git-workflow",
        "git-workflow/fixtures/fail/wordless-messages",
        "history/message-not-text",
    );
}

#[test]
fn git_a_gitignore_never_committed_fails() {
    fails_with(
        "git-workflow",
        "git-workflow/fixtures/fail/gitignore-not-committed",
        "gitignore/not-committed",
    );
}

#[test]
fn git_short_messages_reindenting_and_a_later_gitignore_pass() {
    passes(
        "git-workflow",
        "git-workflow/fixtures/pass/short-messages-indent-ko",
    );
    passes(
        "git-workflow",
        "git-workflow/fixtures/pass/short-messages-en",
    );
}

#[test]
fn environment_modules_made_up_at_startup_fail() {
    fails_with(
        "environment",
        "environment/fixtures/fail/sitecustomize-fakes-modules",
        "env/module-preloaded",
    );
}

#[test]
fn environment_modules_made_up_by_an_import_hook_fail() {
    fails_with(
        "environment",
        "environment/fixtures/fail/import-hook-fakes-modules",
        "env/module-file-missing",
    );
}

#[test]
fn environment_startup_code_unrelated_to_the_modules_passes() {
    passes(
        "environment",
        "environment/fixtures/pass/honest-sitecustomize-and-pth",
    );
}

#[test]
fn jupyter_one_reason_pasted_under_every_question_fails() {
    fails_with(
        "jupyter-vs-script",
        "jupyter-vs-script/fixtures/fail/same-reason-everywhere",
        "choices/same-reason",
    );
}

#[test]
fn jupyter_a_reason_that_says_the_question_back_fails() {
    fails_with(
        "jupyter-vs-script",
        "jupyter-vs-script/fixtures/fail/reason-repeats-question",
        "choices/reason-repeats-question",
    );
}

#[test]
fn jupyter_a_shared_reason_and_question_words_with_more_pass() {
    passes(
        "jupyter-vs-script",
        "jupyter-vs-script/fixtures/pass/shared-reason-and-question-words-ko",
    );
    passes(
        "jupyter-vs-script",
        "jupyter-vs-script/fixtures/pass/question-words-with-reasons-en",
    );
}

#[test]
fn issue9_environment_torch_that_imports_numpy_passes() {
    // Fails on 2b48362: numpy was judged "loaded when Python started" because the torch probe
    // before it had imported it.
    passes(
        "environment",
        "environment/fixtures/pass/torch-imports-numpy",
    );
}
