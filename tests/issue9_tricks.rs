//! Issue 9, tricks that passed: a placeholder left in a requirement's comment (and the fix's
//! own example, which named torch's job for every package), and a jupyter-vs-script reason
//! that only says the situation back. Each trick fails with its code; beside it honest
//! learner files in Korean and English pass (fixtures of the built-in course, as in
//! `tricks.rs`), and the fix a learner pastes as it is either explains the package or fails.

use crate::common::{builtin_findings, course, learner_workspace, write};
use crate::tricks::{fails_with, passes};
use serde_json::Value;

/// The non-passing findings (code, line, hint) of `course check requirements` on `ws`.
fn requirement_findings(ws: &std::path::Path, lang: &str) -> Vec<(String, u64, String)> {
    builtin_findings("requirements", ws, lang)
        .iter()
        .filter(|f| f["status"] != "pass")
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap_or(0),
                f["hint"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

const HONEST: &str = "torch==2.10.0  # 모델 정의와 학습\nnumpy>=1.26  # 배열 계산\nwandb>=0.15  # 실험 기록\ntransformers>=4.35  # 언어 모델\n";

#[test]
fn issue9_requirements_placeholder_comments_fail() {
    fails_with(
        "requirements",
        "requirements/fixtures/fail/placeholder-comments",
        "requirements/comment-placeholder",
    );
}

#[test]
fn issue9_requirements_honest_short_comments_pass() {
    for fixture in [
        "short-comments-en",
        "short-comments-ko",
        "short-korean-words",
        "placeholder-words-beside-reasons",
    ] {
        passes(
            "requirements",
            &format!("requirements/fixtures/pass/{fixture}"),
        );
    }
}

/// The fix for pillow's weak comment names pillow's job, not torch's; pasted as it is, the
/// line passes (it is a true explanation of pillow).
#[test]
fn issue9_requirements_fix_example_fits_the_package() {
    for (lang, example) in [
        ("ko", "pillow>=10.0  # 카메라 이미지 읽기"),
        ("en", "pillow>=10.0  # reading camera images"),
    ] {
        let ws =
            learner_workspace(&[("requirements.txt", &format!("{HONEST}pillow>=10.0  # 책\n"))]);
        let findings = requirement_findings(ws.path(), lang);
        assert_eq!(findings.len(), 1, "{lang}: {findings:?}");
        let (code, line, hint) = &findings[0];
        assert_eq!(
            (code.as_str(), *line),
            ("requirements/comment-too-short", 5)
        );
        assert!(hint.contains(example), "{lang}: {hint}");
        assert!(
            !hint.contains("추론") && !hint.contains("inference"),
            "{hint}"
        );
        write(
            ws.path(),
            "requirements.txt",
            &format!("{HONEST}{example}\n"),
        );
        assert_eq!(requirement_findings(ws.path(), lang), [], "{lang}");
    }
}

/// A package the fix has no example for gets a placeholder; pasted as it is, it fails as a
/// placeholder (and the fix says again where the learner's words go).
#[test]
fn issue9_requirements_fix_placeholder_pasted_as_is_fails() {
    for lang in ["ko", "en"] {
        let ws = learner_workspace(&[(
            "requirements.txt",
            &format!("{HONEST}mujoco>=3.1  # 설명\n"),
        )]);
        let findings = requirement_findings(ws.path(), lang);
        assert_eq!(findings.len(), 1, "{lang}: {findings:?}");
        let (code, _, hint) = &findings[0];
        assert_eq!(code, "requirements/comment-placeholder");
        let pasted = hint
            .lines()
            .map(str::trim)
            .find(|l| l.starts_with("mujoco>=3.1  # <"))
            .unwrap_or_else(|| panic!("{lang}: no line to paste in {hint}"))
            .to_string();
        write(
            ws.path(),
            "requirements.txt",
            &format!("{HONEST}{pasted}\n"),
        );
        let findings = requirement_findings(ws.path(), lang);
        assert_eq!(findings.len(), 1, "{lang} {pasted}: {findings:?}");
        assert_eq!(findings[0].0, "requirements/comment-placeholder");
    }
}

#[test]
fn issue9_jupyter_reasons_that_restate_the_situation_fail() {
    for fixture in [
        "reason-restates-situation-ko",
        "reason-restates-situation-en",
    ] {
        fails_with(
            "jupyter-vs-script",
            &format!("jupyter-vs-script/fixtures/fail/{fixture}"),
            "choices/reason-repeats-question",
        );
    }
}

/// Several honest phrasings for each situation, short ones among them, in both languages.
#[test]
fn issue9_jupyter_honest_reasons_pass() {
    for fixture in [
        "short-honest-reasons-ko",
        "short-honest-reasons-en",
        "task-words-and-reasons-ko",
        "task-words-and-reasons-en",
        "lesson-words-ko",
        "lesson-words-en",
    ] {
        passes(
            "jupyter-vs-script",
            &format!("jupyter-vs-script/fixtures/pass/{fixture}"),
        );
    }
}

/// The fix says what a good reason says, with an example for either tool (never this
/// question's answer alone), in the run's language.
#[test]
fn issue9_jupyter_restating_reason_fix_shows_what_a_reason_says() {
    let ws = learner_workspace(&[(
        "answers/jupyter_vs_script.yaml",
        "visualization:\n  choice: jupyter\n  reason: 결과 시각화를 하기 때문이다\n",
    )]);
    for (lang, example) in [
        ("ko", "셀 단위로 바로 그래프를 보며 고칠 수 있다"),
        ("en", "I see each plot at once and tweak it cell by cell"),
    ] {
        let out = course()
            .args([
                "check",
                "jupyter-vs-script",
                "--format",
                "json",
                "--lang",
                lang,
            ])
            .arg("--workspace")
            .arg(ws.path())
            .output()
            .unwrap();
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        let finding = doc["exercises"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["code"] == "choices/reason-repeats-question")
            .unwrap_or_else(|| panic!("{lang}: {doc}"))
            .clone();
        assert_eq!(finding["line"], 3, "{finding}");
        let hint = finding["hint"].as_str().unwrap();
        assert!(hint.contains(example), "{lang}: {hint}");
    }
}

/// `course answer` refuses a reason that only says the task again as it is typed (exit 2
/// when piped, nothing written), as it refuses one too short: the file it writes passes.
#[test]
fn issue9_answer_refuses_a_reason_that_restates_the_task() {
    for (lang, reason, said) in [
        (
            "ko",
            "결과 시각화를 하기 때문이다",
            "3번 질문의 이유는 작업을 다시 말할 뿐입니다",
        ),
        (
            "en",
            "visualization of the results",
            "the reason for question 3 only says the task again",
        ),
    ] {
        let ws = learner_workspace(&[]);
        let input = format!(
            "jupyter\n그래프를 보며 조건을 바로 바꾼다\nscript\nruns for days unattended\njupyter\n{reason}\n"
        );
        let out = course()
            .args(["answer", "jupyter-vs-script", "--lang", lang, "--workspace"])
            .arg(ws.path())
            .write_stdin(input)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{lang}: {stderr}");
        assert!(
            crate::common::flat(&out.stderr).contains(said),
            "{lang}: {stderr}"
        );
        assert!(!ws.path().join("answers/jupyter_vs_script.yaml").exists());
    }
}

/// Issue 9 (audit at 23:00): keyboard mash in a requirement's comment (`# asdf`, `# ㅁㄴㅇㄹ`,
/// `# jkjk`) passed while the same text failed as a commit message; one rule now judges both.
/// Honest short comments in both languages keep passing.
#[test]
fn issue9_requirements_mash_comments_fail_like_mash_commit_messages() {
    fails_with(
        "requirements",
        "requirements/fixtures/fail/mash-comments",
        "requirements/comment-not-text",
    );
    for fixture in [
        "short-comments-en",
        "short-comments-ko",
        "short-korean-words",
    ] {
        passes(
            "requirements",
            &format!("requirements/fixtures/pass/{fixture}"),
        );
    }
}
