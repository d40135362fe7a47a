//! Issue 9, the learner audit's cheap answers that still passed three exercises: a README
//! line of the folder's name and a generic word (`- src/: src 관련 파일`) or one explanation
//! written for every folder; a requirement's comment that only says how much the package
//! matters (`torch  # 중요`); a jupyter-vs-script reason that fits any task (`노트북이 더
//! 좋아서`) or the same reason under two questions answered with different tools. Each fails
//! with its code (fixtures of the built-in course, as in `tricks.rs`); beside each, honest
//! learner files in Korean and English pass.

use crate::common::{
    builtin_findings, course, failing, fixture_workspace, flat, learner_workspace,
};
use crate::tricks::{fails_with, passes};

#[test]
fn issue9_requirements_comments_of_importance_fail_as_generic() {
    fails_with(
        "requirements",
        "requirements/fixtures/fail/importance-comments",
        "requirements/comment-generic",
    );
}

#[test]
fn issue9_requirements_short_purpose_comments_pass() {
    for fixture in ["short-purpose-comments-ko", "short-purpose-comments-en"] {
        passes(
            "requirements",
            &format!("requirements/fixtures/pass/{fixture}"),
        );
    }
}

/// The failing findings (code, message, hint) of `course check EXERCISE` on `ws` in `lang`.
fn findings(exercise: &str, ws: &std::path::Path, lang: &str) -> Vec<(String, String, String)> {
    failing(&builtin_findings(exercise, ws, lang))
}

/// `torch  # 중요`: the finding quotes the learner's comment and the fix says what torch does
/// (the table of purposes), in the run's language.
#[test]
fn issue9_requirements_importance_fix_says_what_the_package_does() {
    let file = "torch==2.10.0  # 중요\nnumpy>=1.26  # 배열 계산\npillow>=10.0  # 이미지 읽기\nwandb>=0.15  # 실험 기록\ntransformers>=4.35  # 언어 모델\n";
    let ws = learner_workspace(&[("requirements.txt", file)]);
    for (lang, quoted, purpose) in [
        ("ko", "주석 `# 중요`는 어느 패키지에나", "모델 정의와 학습"),
        (
            "en",
            "the comment `# 중요` would fit any package",
            "model definition and training",
        ),
    ] {
        let found = findings("requirements", ws.path(), lang);
        assert_eq!(found.len(), 1, "{lang}: {found:?}");
        let (code, message, hint) = &found[0];
        assert_eq!(code, "requirements/comment-generic");
        assert!(message.contains(quoted), "{lang}: {message}");
        assert!(hint.contains(purpose), "{lang}: {hint}");
    }
}

/// The codes and messages of the findings of `exercise` that fail on fixture `rel`, in
/// `lang` (a skipped check, such as an import without an environment, is not a failure).
fn failures(exercise: &str, rel: &str, lang: &str) -> Vec<(String, String)> {
    let ws = fixture_workspace(rel);
    builtin_findings(exercise, ws.path(), lang)
        .iter()
        .filter(|f| f["status"] == "fail")
        .map(|f| {
            let text = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (text("code"), text("message"))
        })
        .collect()
}

/// `- src/: src 관련 파일`, `- scripts/: scripts stuff`: the name and a generic noun.
#[test]
fn issue9_readme_name_and_generic_nouns_fail_as_not_explained() {
    for lang in ["en", "ko"] {
        let found = failures(
            "structure",
            "structure/fixtures/fail/readme-generic-nouns",
            lang,
        );
        let codes: Vec<&str> = found.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(codes, ["mentions/not-explained"], "{lang}: {found:?}");
    }
}

/// One explanation under every folder fails once, naming the folders and the words; in
/// Korean with the particle for the learner's words.
#[test]
fn issue9_readme_same_explanation_for_every_folder_fails() {
    for (fixture, lang, said) in [
        (
            "readme-same-explanation-ko",
            "ko",
            "`src`, `scripts`, `configs`, `data`, `notebooks`, `tests`에 같은 설명 `프로젝트의 중요한 코드`를 썼습니다",
        ),
        (
            "readme-same-explanation-en",
            "en",
            "explains `src`, `scripts`, `configs`, `data`, `notebooks`, `tests` with the same words, `part of the project`",
        ),
    ] {
        let found = failures("structure", &format!("structure/fixtures/fail/{fixture}"), lang);
        assert_eq!(found.len(), 1, "{fixture}: {found:?}");
        assert_eq!(found[0].0, "mentions/same-explanation");
        assert!(found[0].1.contains(said), "{fixture}: {}", found[0].1);
    }
}

/// Honest READMEs whose explanations share a word (`데이터`, `training`) or use another
/// folder's name as a word (`- notebooks/: data exploration`, which failed) pass, as do the
/// earlier short ones.
#[test]
fn issue9_readme_explanations_sharing_words_pass() {
    for fixture in [
        "readme-shared-words-ko",
        "readme-shared-words-en",
        "readme-names-as-words-ko",
        "readme-names-as-words-en",
        "readme-short-korean",
        "readme-short-english",
        "readme-short-korean-table",
    ] {
        for lang in ["en", "ko"] {
            let found = failures(
                "structure",
                &format!("structure/fixtures/pass/{fixture}"),
                lang,
            );
            assert_eq!(found, Vec::<(String, String)>::new(), "{fixture} ({lang})");
        }
    }
}

/// `노트북이 더 좋아서`, `this is what the lesson said`: generic, with its own code (it was
/// `choices/reason-repeats-question`, or passed).
#[test]
fn issue9_jupyter_generic_reasons_fail_with_their_own_code() {
    for lang in ["ko", "en"] {
        fails_with(
            "jupyter-vs-script",
            &format!("jupyter-vs-script/fixtures/fail/reason-generic-{lang}"),
            "choices/reason-generic",
        );
    }
}

/// One reason under a notebook task and a script task fails under both, naming the other.
#[test]
fn issue9_jupyter_same_reason_for_two_tools_fails() {
    for lang in ["ko", "en"] {
        fails_with(
            "jupyter-vs-script",
            &format!("jupyter-vs-script/fixtures/fail/reason-reused-{lang}"),
            "choices/reason-reused",
        );
    }
    let found = failures(
        "jupyter-vs-script",
        "jupyter-vs-script/fixtures/fail/reason-reused-ko",
        "ko",
    );
    assert!(
        found[0]
            .1
            .contains("이유가 `script`를 고른 `training`의 이유와 같습니다"),
        "{found:?}"
    );
}

/// The audit's honest short reasons, one shared by the two notebook tasks, pass in both
/// languages of the run (the earlier honest answer files: `issue9_tricks.rs`).
#[test]
fn issue9_jupyter_short_honest_reasons_pass() {
    for fixture in [
        "short-reasons-audit-ko",
        "short-reasons-audit-en",
        "shared-reason-and-question-words-ko",
    ] {
        passes(
            "jupyter-vs-script",
            &format!("jupyter-vs-script/fixtures/pass/{fixture}"),
        );
    }
}

/// `course answer` refuses a generic reason as it is typed, saying so, and writes nothing.
#[test]
fn issue9_answer_refuses_a_generic_reason() {
    for (lang, reason, said) in [
        (
            "ko",
            "노트북이 더 좋아서",
            "1번 질문의 이유는 어느 작업에나 붙일 수 있는 말입니다",
        ),
        (
            "en",
            "this is what the lesson said",
            "the reason for question 1 would fit any task",
        ),
    ] {
        let ws = learner_workspace(&[]);
        let out = course()
            .args(["answer", "jupyter-vs-script", "--lang", lang, "--workspace"])
            .arg(ws.path())
            .write_stdin(format!("jupyter\n{reason}\n"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{lang}: {stderr}");
        assert!(flat(&out.stderr).contains(said), "{lang}: {stderr}");
        assert!(!ws.path().join("answers/jupyter_vs_script.yaml").exists());
    }
}
