//! PyTorch's CPU install lines in a learner's `requirements.txt` (issue 9), checked by the
//! real binary with the built-in course: pytorch.org's options on lines of their own and local
//! versions (`torch==2.5.1+cpu`) pass the requirements exercise as pip 26.3 accepts them, in
//! honest Korean and English files (`exercises/requirements/fixtures/pass/pytorch-cpu-*`);
//! what pip refuses or silently drops when the lines are copied wrong fails with a fix that
//! names the learner's own packages and options.

use crate::common::{course, exercise_findings, fixture_workspace, tempdir, write};
use serde_json::Value;

/// The report of the built-in `requirements` exercise on a fixture of it.
fn report(fixture: &str, lang: &str) -> Value {
    let ws = fixture_workspace(&format!("requirements/fixtures/{fixture}"));
    let out = course()
        .args(["check", "requirements", "--format", "json", "--lang", lang])
        .arg("--workspace")
        .arg(ws.path())
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["exercises"][0].clone()
}

fn failing(ex: &Value) -> Vec<&Value> {
    ex["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] != "pass")
        .collect()
}

#[test]
fn issue9_pytorch_cpu_index_lines_pass_in_korean_and_english() {
    for fixture in ["pass/pytorch-cpu-ko", "pass/pytorch-cpu-en"] {
        for lang in ["ko", "en"] {
            let ex = report(fixture, lang);
            assert_eq!(ex["status"], "pass", "{fixture} ({lang}): {ex:#}");
        }
    }
}

#[test]
fn issue9_an_option_after_a_requirement_fails_and_moves_above_it() {
    for lang in ["ko", "en"] {
        let ex = report("fail/option-after-requirement", lang);
        assert_eq!(ex["status"], "fail");
        let found = failing(&ex);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0]["code"], "requirements/option-ignored");
        assert_eq!(found[0]["line"], 2);
        let hint = found[0]["hint"].as_str().unwrap();
        // The option on its own line, then the learner's requirement with its comment.
        assert!(
            hint.contains(
                "-f https://download.pytorch.org/whl/torch_stable.html\n  torch==2.5.1+cpu  # 모델 정의와 학습"
            ),
            "{hint}"
        );
    }
    let ko = report("fail/option-after-requirement", "ko");
    let message = failing(&ko)[0]["message"].as_str().unwrap().to_string();
    assert!(
        message.contains("`--hash`와 `--config-settings`만"),
        "{message}"
    );
}

#[test]
fn issue9_a_pasted_pip_install_command_fails_with_the_lines_it_means() {
    for lang in ["ko", "en"] {
        let ex = report("fail/pip-install-command", lang);
        let found = failing(&ex);
        // torch and torchvision count as meant: no missing-package, no too-few.
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0]["code"], "requirements/install-command");
        let hint = found[0]["hint"].as_str().unwrap();
        assert!(
            hint.contains(
                "  --index-url https://download.pytorch.org/whl/cpu\n  torch  # ...\n  torchvision  # ..."
            ),
            "{hint}"
        );
    }
}

const CHECK: &str = "  - kind: requirements\n    required: [torch]\n";

fn findings(contents: &str) -> Vec<Value> {
    let ws = tempdir();
    write(ws.path(), "requirements.txt", contents);
    exercise_findings(ws.path(), CHECK, "en").1
}

const REST: &str = "\
numpy>=1.26     # arrays for robot states
pillow>=10.0    # reading camera images
wandb>=0.15     # experiment tracking
transformers    # language models
";

#[test]
fn issue9_several_packages_on_one_line_get_one_per_line() {
    let text = format!(
        "torch==2.5.1+cpu torchvision==0.20.1+cpu --index-url https://download.pytorch.org/whl/cpu\n{REST}"
    );
    let found = findings(&text);
    let bad: Vec<_> = found.iter().filter(|f| f["status"] == "fail").collect();
    // One finding for the line: no "no comment" beside it, torch counted as meant.
    assert_eq!(bad.len(), 1, "{found:#?}");
    assert_eq!(bad[0]["code"], "requirements/invalid");
    assert!(bad[0]["message"]
        .as_str()
        .unwrap()
        .contains("2 packages on one line"));
    let hint = bad[0]["hint"].as_str().unwrap();
    assert!(
        hint.contains("  --index-url https://download.pytorch.org/whl/cpu\n  torch==2.5.1+cpu  # ...\n  torchvision==0.20.1+cpu  # ..."),
        "{hint}"
    );
}

#[test]
fn issue9_a_local_version_with_a_range_is_explained() {
    let found = findings(&format!("torch>=2.5.1+cpu  # model training\n{REST}"));
    let bad: Vec<_> = found.iter().filter(|f| f["status"] == "fail").collect();
    assert_eq!(bad.len(), 1, "{found:#?}");
    assert!(bad[0]["message"]
        .as_str()
        .unwrap()
        .contains("`+cpu` is a local version"));
    let hint = bad[0]["hint"].as_str().unwrap();
    assert!(hint.contains("torch==2.5.1+cpu\n  torch>=2.5.1"), "{hint}");
}

#[test]
fn issue9_a_quoted_specifier_and_command_only_options_in_a_pasted_command() {
    let found = findings(&format!(
        "python3 -m pip install -U \"torch>=2.5\" --extra-index-url https://download.pytorch.org/whl/cpu\n{REST}"
    ));
    let bad: Vec<_> = found.iter().filter(|f| f["status"] == "fail").collect();
    assert_eq!(bad.len(), 1, "{found:#?}");
    assert_eq!(bad[0]["code"], "requirements/install-command");
    let hint = bad[0]["hint"].as_str().unwrap();
    assert!(hint.contains("`-U` belongs to the command only"), "{hint}");
    assert!(
        hint.contains(
            "  --extra-index-url https://download.pytorch.org/whl/cpu\n  torch>=2.5  # ..."
        ),
        "{hint}"
    );
}
