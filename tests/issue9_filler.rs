//! Issue 9, the release-build learner audit's cheap answers: a requirement's comment that is a
//! reaction or "will use it" (`# yes`, `# idk`, `# 그냥`, `# 쓸 예정`), a jupyter-vs-script
//! reason of keyboard mash, and a structure README that only translates the folder names.
//! Each fails with its code (fixtures of the built-in course, as in `tricks.rs`); beside each,
//! honest learner files in Korean and English pass.

use crate::common::{builtin_findings, failing, learner_workspace};
use crate::tricks::{fails_with, passes};

/// The failing findings (code, message, hint) of `course check EXERCISE` on `ws` in `lang`.
fn findings(exercise: &str, ws: &std::path::Path, lang: &str) -> Vec<(String, String, String)> {
    failing(&builtin_findings(exercise, ws, lang))
}

#[test]
fn issue9_requirements_reaction_comments_fail_as_generic() {
    for fixture in ["reaction-comments-en", "reaction-comments-ko"] {
        fails_with(
            "requirements",
            &format!("requirements/fixtures/fail/{fixture}"),
            "requirements/comment-generic",
        );
    }
}

#[test]
fn issue9_requirements_purpose_beside_reaction_words_passes() {
    for fixture in ["purpose-with-later-ko", "purpose-with-later-en"] {
        passes(
            "requirements",
            &format!("requirements/fixtures/pass/{fixture}"),
        );
    }
}

const HONEST: &str = "numpy>=1.26  # 배열 계산\npillow>=10.0  # 이미지 읽기\nwandb>=0.15  # 실험 기록\ntransformers>=4.35  # 언어 모델\n";

/// `# ok` is read 오케이 (`# ok`는, not `# ok`은), and `# 나중에 쓸 것` is told it would fit any
/// package rather than that it is too short (나중에 has three syllables). The fix names what
/// torch does.
#[test]
fn issue9_requirements_reaction_wording() {
    for (comment, ko) in [
        ("# ok", "주석 `# ok`는 어느 패키지에나"),
        ("# 나중에 쓸 것", "주석 `# 나중에 쓸 것`은 어느 패키지에나"),
        ("# good", "주석 `# good`은 어느 패키지에나"),
    ] {
        let file = format!("torch==2.10.0  {comment}\n{HONEST}");
        let ws = learner_workspace(&[("requirements.txt", &file)]);
        for (lang, quoted, purpose) in [
            ("ko", ko, "모델 정의와 학습"),
            (
                "en",
                "would fit any package",
                "model definition and training",
            ),
        ] {
            let found = findings("requirements", ws.path(), lang);
            assert_eq!(found.len(), 1, "{lang}: {found:?}");
            let (code, message, hint) = &found[0];
            assert_eq!(code, "requirements/comment-generic", "{comment}");
            assert!(message.contains(quoted), "{lang}: {message}");
            assert!(!message.contains("짧습니다"), "{lang}: {message}");
            assert!(hint.contains(purpose), "{lang}: {hint}");
        }
    }
}

#[test]
fn issue9_jupyter_mash_reasons_fail_as_not_prose() {
    for fixture in ["mash-reasons-en", "mash-reasons-ko"] {
        fails_with(
            "jupyter-vs-script",
            &format!("jupyter-vs-script/fixtures/fail/{fixture}"),
            "choices/reason-not-prose",
        );
    }
}

#[test]
fn issue9_jupyter_honest_reasons_pass_beside_the_mash_rule() {
    for fixture in ["reasons-beside-mash-rule-ko", "reasons-beside-mash-rule-en"] {
        passes(
            "jupyter-vs-script",
            &format!("jupyter-vs-script/fixtures/pass/{fixture}"),
        );
    }
}

/// `course answer` refuses a mash reason as it refuses a too-short one: piped, it says why
/// in the run's language, exits 2 and writes nothing.
#[test]
fn issue9_course_answer_refuses_a_mash_reason() {
    for (lang, mash, said) in [
        (
            "en",
            "asdfasdfasdf",
            "the reason for question 1 is keyboard mash",
        ),
        (
            "ko",
            "ㅁㄴㅇㄹㅁㄴㅇㄹㅁㄴ",
            "1번 질문의 이유는 자판을 이어서 누른 글자",
        ),
    ] {
        let ws = learner_workspace(&[]);
        let out = crate::common::course()
            .arg("--workspace")
            .arg(ws.path())
            .args(["--lang", lang, "answer", "jupyter-vs-script"])
            .write_stdin(format!("jupyter\n{mash}\n"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{lang}: {stderr}");
        assert!(stderr.contains(said), "{lang}: {stderr}");
        // The refusal ends in a question; what follows is a sentence of its own.
        assert!(
            !stderr.contains("?;") && !stderr.contains("?."),
            "{lang}: {stderr}"
        );
        assert!(
            !ws.path().join("answers/jupyter_vs_script.yaml").exists(),
            "{lang}: a refused answer was written"
        );
    }
}

/// The README's failing findings (code, message, hint) of fixture `fixture` in `lang`: the
/// import check is skipped there (no environment), not failed.
fn readme_failures(fixture: &str, lang: &str) -> Vec<(String, String, String)> {
    let ws = crate::common::fixture_workspace(&format!("structure/fixtures/fail/{fixture}"));
    findings("structure", ws.path(), lang)
        .into_iter()
        .filter(|(code, ..)| code != "import/no-env")
        .collect()
}

#[test]
fn issue9_structure_readme_of_translated_names_or_mash_fails() {
    for fixture in ["readme-names-in-korean", "readme-mash"] {
        for lang in ["en", "ko"] {
            let found = readme_failures(fixture, lang);
            let codes: Vec<&str> = found.iter().map(|(c, ..)| c.as_str()).collect();
            assert_eq!(
                codes,
                ["mentions/not-explained"],
                "{fixture} {lang}: {found:?}"
            );
        }
    }
}

#[test]
fn issue9_structure_korean_words_beside_the_names_pass() {
    for fixture in [
        "readme-korean-words-beside-names-ko",
        "readme-korean-words-beside-names-en",
    ] {
        passes("structure", &format!("structure/fixtures/pass/{fixture}"));
    }
}

/// The README's findings are told as what they are: a name said again in Korean is not
/// "names only", and `asdf` under every folder is mash, in both languages.
#[test]
fn issue9_structure_translation_and_mash_wording() {
    for (fixture, lang, said, not) in [
        (
            "readme-names-in-korean",
            "ko",
            "`src` (`소스`), `scripts` (`스크립트`), `configs` (`설정`), `data` (`데이터`), `notebooks` (`노트북`), `tests` (`테스트`) 설명은 이름을 다른 말로 옮긴 것일 뿐",
            "이름만 있고",
        ),
        (
            "readme-names-in-korean",
            "en",
            "only says the name again in other words for `src` (`소스`)",
            "names `src`",
        ),
        (
            "readme-mash",
            "ko",
            "`README.md`에서 `src`, `scripts`, `configs`, `data`, `notebooks`, `tests`에 쓴 말은 자판을 이어서 누른 글자",
            "이름만 있고",
        ),
        ("readme-mash", "en", "is keyboard mash", "names `src`"),
    ] {
        let found = readme_failures(fixture, lang);
        assert_eq!(found.len(), 1, "{fixture} {lang}: {found:?}");
        let (code, message, hint) = &found[0];
        assert_eq!(code, "mentions/not-explained");
        assert!(message.contains(said), "{fixture} {lang}: {message}");
        assert!(!message.contains(not), "{fixture} {lang}: {message}");
        assert!(hint.contains("src/"), "{fixture} {lang}: {hint}");
    }
}
