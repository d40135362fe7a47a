//! Issue 9, the learner audit's cheap answers that still passed three exercises: a README
//! line of the folder's name and a generic word (`- src/: src 관련 파일`) or one explanation
//! written for every folder; a requirement's comment that only says how much the package
//! matters (`torch  # 중요`); a jupyter-vs-script reason that fits any task (`노트북이 더
//! 좋아서`) or the same reason under two questions answered with different tools. Each fails
//! with its code (fixtures of the built-in course, as in `tricks.rs`); beside each, honest
//! learner files in Korean and English pass.

use crate::common::{builtin_findings, failing, learner_workspace};
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
