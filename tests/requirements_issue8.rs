//! Issue 8's requirements reproducers, each through the real binary: no panic (exit 101) or
//! abort, a documented exit code, and a finding with its stable code. Lines pip 26 accepts
//! are not "invalid"; lines it refuses are, each with its own code.

use crate::common::{check_report, one_exercise_course, tempdir, write};
use serde_json::Value;

const CHECK: &str = "  - kind: requirements\n    min_packages: 1\n    required: [torch]\n";

/// `requirements.txt` with `contents`, checked in English: the exit code and the findings.
fn check(contents: &str) -> (i32, Vec<Value>) {
    let ws = tempdir();
    write(ws.path(), "requirements.txt", contents);
    let c = tempdir();
    one_exercise_course(c.path(), CHECK);
    let (code, report) = check_report::<&str>(c.path(), ws.path(), "en", &[]);
    let findings = report["exercises"][0]["findings"]
        .as_array()
        .expect("findings")
        .clone();
    (code, findings)
}

fn codes(findings: &[Value]) -> Vec<String> {
    findings
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

/// The finding on `line`, which must carry `code`.
fn at_line<'a>(findings: &'a [Value], line: u32, code: &str) -> &'a Value {
    findings
        .iter()
        .find(|f| f["line"] == line && f["code"] == code)
        .unwrap_or_else(|| panic!("no {code} on line {line}: {findings:#?}"))
}

const TORCH: &str = "torch==2.1.0  # 딥러닝 프레임워크\n";

#[test]
fn issue8_numpy_dot_space_does_not_panic() {
    let (code, findings) = check(&format!("{TORCH}numpy. x\n"));
    assert_eq!(code, 1, "{findings:#?}");
    let f = at_line(&findings, 2, "requirements/invalid");
    assert!(
        f["message"].as_str().unwrap().contains("`numpy. x`"),
        "{f:#?}"
    );
}

#[test]
fn issue8_a_real_numbered_sentence_does_not_panic() {
    let (code, findings) = check(&format!(
        "{TORCH}1. No check in or check out or register new user\n"
    ));
    assert_eq!(code, 1);
    at_line(&findings, 2, "requirements/invalid");
}

#[test]
fn issue8_wildcard_names_do_not_panic() {
    let (code, findings) = check(&format!("{TORCH}6.*\ntorch.*\nx-*\n"));
    assert_eq!(code, 1);
    for line in 2..=4 {
        at_line(&findings, line, "requirements/invalid");
    }
}

#[test]
fn issue8_five_thousand_nested_parentheses_are_a_finding_not_a_stack_overflow() {
    let deep = format!(
        "numpy; {}python_version > '3'{}\n",
        "(".repeat(5000),
        ")".repeat(5000)
    );
    let (code, findings) = check(&format!("{TORCH}{deep}"));
    assert_eq!(code, 1);
    let f = at_line(&findings, 2, "requirements/marker-too-deep");
    assert!(f["message"].as_str().unwrap().contains("400"), "{f:#?}");
}

#[test]
fn issue8_half_a_million_extras_are_read_to_the_end() {
    // 1 MB, under the 1 MiB read limit; pep508_rs took quadratic time on it.
    let extras = vec!["a"; 500_000].join(",");
    let (code, findings) = check(&format!("{TORCH}numpy[{extras}]  # 배열 계산\n"));
    assert_eq!(code, 0, "{:?}", codes(&findings));
    assert_eq!(codes(&findings), ["requirements/ok"]);
}

#[test]
fn issue9_one_more_refused_line_is_said_in_the_singular() {
    let (code, findings) = check(&format!("{TORCH}{}", "---\n".repeat(11)));
    assert_eq!(code, 1);
    let more = at_line(&findings, 12, "requirements/more-invalid");
    assert_eq!(
        more["message"],
        "1 more line that pip refuses, from line 12 on (the first 10 are shown)"
    );
}

#[test]
fn issue8_forty_two_thousand_dash_lines_are_summarised() {
    let (code, findings) = check(&format!("{TORCH}{}", "---\n".repeat(42_000)));
    assert_eq!(code, 1);
    assert_eq!(findings.len(), 11, "{:?}", codes(&findings));
    for f in &findings[..10] {
        assert_eq!(f["code"], "requirements/unknown-option");
    }
    let more = at_line(&findings, 12, "requirements/more-invalid");
    assert!(
        more["message"]
            .as_str()
            .unwrap()
            .starts_with("41990 more lines"),
        "{more:#?}"
    );
}

#[test]
fn issue8_bare_urls_pip_accepts_get_a_nudge_not_invalid() {
    let text = format!(
        "{TORCH}\
git+https://github.com/huggingface/peft.git  # LoRA fine-tuning
git+https://github.com/huggingface/accelerate@main#egg=accelerate  # multi-GPU training
git+https://${{GITHUB_TOKEN}}@github.com/org/private-repo.git@v1.2#egg=private_repo  # our own models
https://github.com/jllllll/bitsandbytes-windows-webui/releases/download/wheels/bitsandbytes-0.41.1-py3-none-win_amd64.whl; platform_system == \"Windows\"  # 8-bit optimisers
"
    );
    let (code, findings) = check(&text);
    assert_eq!(code, 1);
    assert_eq!(
        codes(&findings),
        vec!["requirements/bare-url"; 4],
        "{findings:#?}"
    );
    let hint = |line: u32| {
        at_line(&findings, line, "requirements/bare-url")["hint"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(hint(3).contains(
        "`accelerate @ git+https://github.com/huggingface/accelerate@main#egg=accelerate`"
    ));
    assert!(
        hint(5).contains("`bitsandbytes @ https://github.com/jllllll/bitsandbytes-windows-webui/releases/download/wheels/bitsandbytes-0.41.1-py3-none-win_amd64.whl ; platform_system == \"Windows\"`"),
        "{}",
        hint(5)
    );
    assert!(hint(2).contains("`<name> @ git+https://github.com/huggingface/peft.git`"));
}

#[test]
fn issue8_editable_lines_pip_refuses_are_refused() {
    let text = format!(
        "{TORCH}\
-e git+https://github.com/edx/codejail.git@3.1.3#egg=codejail==3.1.3  # sandbox
-e git+https://github.com/edx/edx-enterprise.git@0.1#edx-enterprise==3.30  # enterprise
"
    );
    let (code, findings) = check(&text);
    assert_eq!(code, 1);
    at_line(&findings, 2, "requirements/invalid-egg-fragment");
    at_line(&findings, 3, "requirements/editable-without-name");
    assert_eq!(findings.len(), 2, "{findings:#?}");
}

#[test]
fn issue8_an_editable_torch_counts_as_listing_torch() {
    let (code, findings) =
        check("-e git+https://github.com/pytorch/pytorch.git@v2.1.0#egg=torch  # 딥러닝 프레임워크 (소스에서 빌드)\n");
    assert_eq!(code, 0, "{findings:#?}");
    assert_eq!(codes(&findings), ["requirements/ok"]);
    assert!(findings[0]["message"]
        .as_str()
        .unwrap()
        .contains("1 package,"));
}

#[test]
fn issue8_a_joined_line_is_reported_at_its_first_physical_line() {
    let (code, findings) = check(&format!(
        "{TORCH}numpy>= \\\n  --hash=sha256:abc \\\n  --hash=sha256:def\n"
    ));
    assert_eq!(code, 1);
    at_line(&findings, 2, "requirements/invalid");
}

#[test]
fn issue8_comment_tricks_fail_and_korean_words_pass() {
    let (code, findings) = check("torch==2.1.0  # aaa\nnumpy  # ...\npillow  # pillow\n");
    assert_eq!(code, 1);
    at_line(&findings, 1, "requirements/comment-not-text");
    at_line(&findings, 2, "requirements/comment-not-text");
    at_line(&findings, 3, "requirements/comment-repeats-name");
    let (code, findings) = check("torch==2.1.0  # 학습\nnumpy  # 배열\npillow  # 기록\n");
    assert_eq!(code, 0, "{findings:#?}");
}
