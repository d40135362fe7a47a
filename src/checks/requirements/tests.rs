//! Unit tests of the `requirements` check on text: what each form of line counts for.

use super::*;
use crate::i18n::Lang;

/// The findings for `text` as the exercise's file, with no file it names.
fn check_text(params: &Params, file: &str, text: &str) -> Vec<Finding> {
    let lines = requirements_txt::parse(text);
    check_files(params, &[(file, &lines)])
}

fn run_text(text: &str, required: &[&str]) -> Vec<Finding> {
    check_text(
        &Params {
            min_packages: 0,
            required: required.iter().map(|s| s.to_string()).collect(),
            ..Params::default()
        },
        "requirements.txt",
        text,
    )
}

fn codes(findings: &[Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.code.as_str()).collect()
}

#[test]
fn broken_requirement_names_its_line() {
    let f = run_text("# ok\nnumpy>=  # arrays\n", &[]);
    assert_eq!(codes(&f), ["requirements/invalid"]);
    assert_eq!(f[0].line, Some(2));
    assert!(
        f[0].message
            .get(crate::i18n::Lang::En)
            .contains("`numpy>=`"),
        "{}",
        f[0].message.get(crate::i18n::Lang::En)
    );
}

#[test]
fn issue8_editable_and_url_requirements_count_for_required() {
    let f = run_text(
        "-e git+https://github.com/pytorch/pytorch.git@v2.1.0#egg=torch  # 딥러닝\n",
        &["torch"],
    );
    assert_eq!(codes(&f), ["requirements/ok"], "{f:?}");
    let f = run_text(
        "git+https://github.com/huggingface/accelerate@main#egg=accelerate  # 분산 학습\n",
        &["accelerate"],
    );
    assert_eq!(codes(&f), ["requirements/bare-url"], "{f:?}");
    assert!(f[0]
        .hint
        .as_ref()
        .unwrap()
        .get(crate::i18n::Lang::En)
        .contains("accelerate @ git+https://"));
}

#[test]
fn issue8_duplicates_across_forms() {
    let f = run_text(
        "torch==2.1.0  # 딥러닝\n-e git+https://github.com/pytorch/pytorch.git#egg=torch  # 소스 빌드\n",
        &[],
    );
    assert_eq!(codes(&f), ["requirements/duplicate"], "{f:?}");
    assert_eq!(f[0].line, Some(2));
}

#[test]
fn issue8_many_refused_lines_are_summarised() {
    let text = "---\n".repeat(42_000);
    let f = run_text(&text, &[]);
    assert_eq!(f.len(), MAX_FINDINGS_PER_KIND + 1);
    assert_eq!(f.last().unwrap().code, Code::RequirementsMoreInvalid);
    assert_eq!(
        f.last().unwrap().line,
        Some(MAX_FINDINGS_PER_KIND as u32 + 1)
    );
}

#[test]
fn comment_rules_have_their_own_codes() {
    let f = run_text(
        "fakepkg  # aaa\nnumpy  # numpy\ntorch  # 책\npillow\npandas  # 표 형식 데이터\n",
        &[],
    );
    assert_eq!(
        codes(&f),
        [
            "requirements/comment-not-text",
            "requirements/comment-repeats-name",
            "requirements/comment-too-short",
            "requirements/no-comment"
        ]
    );
}

#[test]
fn a_comment_above_explains() {
    let f = run_text("# 배열 계산\nnumpy>=1.24\n\n# 학습\ntorch\n", &[]);
    assert_eq!(codes(&f), ["requirements/ok"], "{f:?}");
}

#[test]
fn the_bare_url_hint_is_itself_a_line_pip_reads_as_name_at_url() {
    let f = run_text(
        "https://x/bitsandbytes-0.41.1-py3-none-win_amd64.whl; platform_system == \"Windows\"  # 8비트 최적화\n",
        &[],
    );
    assert_eq!(codes(&f), ["requirements/bare-url"]);
    let hint = f[0].hint.as_ref().unwrap().get(Lang::En).to_string();
    let example = hint.rsplit('`').nth(1).unwrap();
    let lines = requirements_txt::parse(example);
    match &lines[0].entry {
        Entry::Requirement { parsed, .. } => {
            assert_eq!(parsed.form, Form::NameAtUrl, "{example}");
            assert_eq!(parsed.name.as_deref(), Some("bitsandbytes"));
            assert_eq!(parsed.marker, "platform_system == \"Windows\"");
        }
        other => panic!("{example}: {other:?}"),
    }
}

#[test]
fn issue9_a_refused_line_does_not_hide_a_duplicate() {
    // The glued `#` on line 2 and the second `numpy` on line 6: both at once.
    let f = run_text(
        "torch==2.3.1  # 모델\nnumpy>=1.24.0#배열\npillow  # 이미지\n\n\nnumpy  # 배열\n",
        &[],
    );
    assert_eq!(
        codes(&f),
        ["requirements/invalid", "requirements/duplicate"],
        "{f:?}"
    );
    let dup = f[1].message.get(Lang::En);
    assert!(
        dup.contains("line 2 (`numpy>=1.24.0#배열`) and line 6 (`numpy`)"),
        "{dup}"
    );
    // A single `=` and a missing version: the name is still known.
    let f = run_text("pillow=9.0  # 이미지\npillow  # 이미지 읽기\n", &[]);
    assert_eq!(
        codes(&f),
        ["requirements/invalid", "requirements/duplicate"]
    );
    let f = run_text("transformers>=  # 언어 모델\ntransformers  # 언어\n", &[]);
    assert_eq!(
        codes(&f),
        ["requirements/invalid", "requirements/duplicate"]
    );
    // Different markers are different lines to pip: no duplicate is guessed.
    let f = run_text(
        "numpy>=1.24#배열; python_version < \"3.9\"\nnumpy  # 배열\n",
        &[],
    );
    assert_eq!(codes(&f), ["requirements/invalid"], "{f:?}");
}

#[test]
fn issue9_honest_lines_with_a_spaced_comment_pass() {
    for text in [
        "torch==2.3.1  # 모델 학습\nnumpy>=1.24.0 # 배열 연산\n",
        "torch==2.3.1  # model training\nnumpy>=1.24.0 # array maths\n",
    ] {
        assert_eq!(codes(&run_text(text, &[])), ["requirements/ok"], "{text}");
    }
}
