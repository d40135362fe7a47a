//! Tests of the `choices` kind: answers, reasons and their findings, in both languages.

use super::*;
use crate::checks::Status;

const PARAMS: &str = "file: answers/a.yaml\nmin_reason: 10\noptions: {jupyter: [jupyter, notebook, ipynb, 주피터], script: [script, py, .py, 스크립트]}\nquestions:\n  - key: data_exploration\n    expected: jupyter\n    prompt: {ko: 데이터 분포 확인, en: checking the data distribution}\n    nudge: {ko: 바로 볼 수 있나요?, en: Do you see it right away?}\n  - key: training\n    expected: script\n    prompt: {ko: 모델 학습 실행, en: running training}\n    nudge: {ko: 밤새 돌린다면?, en: What if it runs all night?}\n";

pub(super) fn params() -> Params {
    serde_yaml::from_str(PARAMS).unwrap()
}

fn run_text(text: &str) -> Vec<Finding> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("answers")).unwrap();
    std::fs::write(dir.path().join("answers/a.yaml"), text).unwrap();
    let ctx = CheckContext::new(dir.path(), true, None);
    run(&params(), &ctx)
}

/// English counts agree in number: "1 character", not "1 characters" (issue 9).
#[test]
fn issue9_a_one_character_reason_is_one_character() {
    let f = run_text("data_exploration:\n  choice: jupyter\n  reason: x\n");
    let too_short: Vec<String> = f
        .iter()
        .filter(|f| f.code == Code::ChoicesReasonTooShort)
        .map(|f| f.message.get(crate::i18n::Lang::En).to_string())
        .collect();
    assert_eq!(
        too_short,
        ["`data_exploration`: the reason has 1 character; write at least 10"]
    );
}

#[test]
fn broken_params_are_reported() {
    let mut p = params();
    p.questions[0].expected = "colab".into();
    p.options.0[1].spellings.push("Notebook".into());
    let problems = p.problems().join("\n");
    assert!(
        problems.contains("`expected: colab` is not an option"),
        "{problems}"
    );
    assert!(
        problems.contains("`notebook` is accepted for both"),
        "{problems}"
    );
    let ctx = CheckContext::new(std::path::Path::new("."), true, None);
    assert_eq!(run(&p, &ctx)[0].status, Status::Error);
}

#[test]
fn a_good_file_passes_once() {
    let f = run_text("data_exploration:\n  choice: 주피터\n  reason: 그래프를 바로 보면서 확인할 수 있어서\ntraining:\n  choice: .PY\n  reason: runs for hours in the background\nextra: 1\n");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].status, Status::Pass);
}

#[test]
fn korean_reasons_count_characters_not_bytes() {
    // 9 Hangul syllables = 27 bytes: too short.
    let f = run_text("data_exploration:\n  choice: jupyter\n  reason: 그래프로바로확인해\ntraining:\n  choice: script\n  reason: 오래 걸리는 학습은 스크립트로\n");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].line, Some(3));
    assert!(
        f[0].message
            .get(crate::i18n::Lang::En)
            .contains("9 characters"),
        "{:?}",
        f[0].message
    );
}

#[test]
fn every_problem_is_one_finding() {
    let f = run_text("data_exploration:\n  choice: colab\ntraining: yes\n");
    let msgs: Vec<&str> = f
        .iter()
        .map(|f| f.message.get(crate::i18n::Lang::En))
        .collect();
    assert_eq!(f.len(), 3, "{msgs:?}");
    assert!(msgs[0].contains("`colab` is not one of the options"));
    assert!(f[0]
        .hint
        .as_ref()
        .unwrap()
        .get(crate::i18n::Lang::En)
        .contains("주피터"));
    assert!(msgs[1].contains("no `reason`"));
    assert!(msgs[2].contains("`training` holds text"));
    assert_eq!(f[2].line, Some(3));
}

#[test]
fn wrong_choice_shows_the_nudge_not_the_answer() {
    let f = run_text("data_exploration:\n  choice: jupyter\n  reason: 그래프를 바로 보면서 확인할 수 있어서\ntraining:\n  choice: notebook\n  reason: 셀 단위로 실행하면 편해서요\n");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].line, Some(5));
    let hint = f[0].hint.as_ref().unwrap();
    assert_eq!(
        hint.get(crate::i18n::Lang::En),
        "What if it runs all night?"
    );
    for text in [
        &f[0].message.get(crate::i18n::Lang::En),
        &f[0].message.get(crate::i18n::Lang::Ko),
        &hint.get(crate::i18n::Lang::En),
        &hint.get(crate::i18n::Lang::Ko),
    ] {
        for s in ["script", "스크립트", ".py"] {
            assert!(!text.to_lowercase().contains(s), "{text} reveals {s}");
        }
    }
}

#[test]
fn control_characters_in_a_reason_fail_at_their_line() {
    // What a learner's file held after pressing the left arrow at the reason prompt.
    let f = run_text("data_exploration:\n  choice: jupyter\n  reason: 그래프를 바로 보면서 확인할 수 있어서\ntraining:\n  choice: script\n  reason: \"사람 없이 오래 돌아가야 한다\\e[D\\e[D서버에서 \\e[4\"\n");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].status, Status::Fail);
    assert_eq!(f[0].line, Some(6));
    assert!(
        f[0].message
            .get(crate::i18n::Lang::En)
            .contains("control characters"),
        "{:?}",
        f[0].message
    );
    assert!(
        f[0].message
            .get(crate::i18n::Lang::En)
            .contains("한다\\e[D\\e[D서버에서"),
        "{:?}",
        f[0].message
    );
    assert!(
        !f[0].message.get(crate::i18n::Lang::En).contains('\u{1b}')
            && !f[0].message.get(crate::i18n::Lang::Ko).contains('\u{1b}')
    );
    let hint = f[0].hint.as_ref().unwrap();
    assert!(
        hint.get(crate::i18n::Lang::En).contains("retype")
            && hint.get(crate::i18n::Lang::En).contains("Backspace"),
        "{hint:?}"
    );
    assert!(
        hint.get(crate::i18n::Lang::Ko).contains("Backspace"),
        "{hint:?}"
    );
    // DEL and a carriage return in the middle count; a tab does not.
    let f = run_text("data_exploration:\n  choice: jupyter\n  reason: \"그래프를 바로\\x7f 보면서 확인\"\ntraining:\n  choice: script\n  reason: \"runs for hours\\ron a server\"\n");
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(
        f[0].message.get(crate::i18n::Lang::En).contains("\\x7f"),
        "{:?}",
        f[0].message
    );
    assert!(
        f[1].message.get(crate::i18n::Lang::En).contains("\\r"),
        "{:?}",
        f[1].message
    );
    let f = run_text("data_exploration:\n  choice: jupyter\n  reason: \"그래프를 바로\\t보면서 확인\"\ntraining:\n  choice: script\n  reason: runs for hours on a server\n");
    assert_eq!(f[0].status, Status::Pass, "{f:?}");
}

#[test]
fn issue9_a_block_scalar_reason_is_not_control_characters() {
    // `reason: |` keeps its line feeds; `>` folds them. Neither is an arrow key.
    for style in ["|", ">", "|-", ">-"] {
        let f = run_text(&format!("data_exploration:\n  choice: jupyter\n  reason: {style}\n    그래프를 바로 그려 보고\n    조건을 바꿔 다시 본다\ntraining:\n  choice: script\n  reason: {style}\n    it runs for hours on a server\n    with nobody watching\n"));
        assert!(
            f.iter().all(|f| f.code != Code::ChoicesReasonControlChars),
            "{style}: {f:?}"
        );
    }
}

#[test]
fn missing_file_hint_keeps_the_exercise_placeholder() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = CheckContext::new(dir.path(), true, None);
    let f = run(&params(), &ctx);
    let hint = f[0].hint.as_ref().unwrap();
    assert!(
        hint.get(crate::i18n::Lang::En)
            .contains("`course answer <exercise-id>`"),
        "{hint:?}"
    );
    assert!(
        hint.get(crate::i18n::Lang::Ko)
            .contains("`course answer <exercise-id>`"),
        "{hint:?}"
    );
}
