//! Property tests of the parsers a workspace or a course feeds: answer files (`choices`),
//! config YAML (`config-files`), `.gitignore` (read by the `gitignore` check through libgit2
//! and by its own line reader), and exercise files. Arbitrary text over the characters that
//! matter to the grammar, and real files with random edits: no panic (a panic inside a check
//! would show as a `check/crashed` finding, so none may appear) and a result every time.
//!
//! The suite runs proptest's default 256 cases (32 for the git one, which makes a
//! repository per case); a longer run: `scripts/fuzz-workspace.sh`.

use proptest::prelude::*;

use crate::checks::{Check, CheckContext, Code};

/// Characters that matter to YAML and `.gitignore`, so random text reaches deep.
const ALPHABET: &[char] = &[
    'a', 'Z', '0', '9', '.', '-', '_', '[', ']', '{', '}', ':', ',', '#', '\'', '"', '|', '>', '&',
    '*', '!', '?', '%', '@', '/', '\\', ' ', '\t', '\n', '\r', '한', '\u{feff}', '\u{85}',
];

/// Honest files to mutate.
const SEEDS: &[&str] = &[
    "data_exploration:\n  choice: jupyter\n  reason: 분포를 바로 그려 볼 수 있다\ntraining:\n  choice: script\n  reason: \"runs all night on a server\"\n",
    "learning_rate: 0.001\nmodel: {name: vla, layers: [1, 2, [3, 4]]}\n---\nbatch: &b 32\neval: *b\n",
    "# 데이터는 올리지 않는다\ndata/\n*.pt\n!keep.pt\n/.venv\n**/__pycache__/\n*.pth # comment\n",
    "title: {ko: 제목, en: Title}\nlesson: x\npoints: 20\nprompt: |\n  do it\nchecks:\n  - kind: paths\n    files: [README.md]\n",
];

fn grammar_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..300)
        .prop_map(|cs| cs.into_iter().collect())
}

/// A seed with up to 12 random edits (insert, delete, replace, duplicate a span).
fn mutated() -> impl Strategy<Value = String> {
    crate::yaml::fuzz::mutated(SEEDS, ALPHABET, 12, 8)
}

/// Deep nests of the kind issue 8 found (`{a: ` and `[` repeated), at random depths.
fn nested() -> impl Strategy<Value = String> {
    (
        prop::sample::select(&["{a: ", "[", "- ", "a:\n ", "? "][..]),
        1usize..3000,
    )
        .prop_map(|(unit, n)| unit.repeat(n))
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![grammar_text(), mutated(), nested()]
}

/// Run the check written as `check_yaml` on a workspace holding `files`; its findings.
fn run_check(check_yaml: &str, files: &[(&str, &str)], git: bool) -> Vec<crate::checks::Finding> {
    let dir = tempfile::tempdir().unwrap();
    if git {
        git2::Repository::init(dir.path()).unwrap();
    }
    for (rel, text) in files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let check: Check = serde_yaml::from_str(check_yaml).unwrap();
    let ctx = CheckContext::new(dir.path(), false, None).workspace_only();
    check.run(&ctx)
}

fn assert_no_crash(findings: &[crate::checks::Finding]) -> Result<(), TestCaseError> {
    prop_assert!(!findings.is_empty());
    for f in findings {
        prop_assert!(f.code != Code::CheckCrashed, "{:?}", f);
    }
    Ok(())
}

const CHOICES: &str = "kind: choices\nfile: answers.yaml\noptions: {jupyter: [jupyter, 주피터], script: [script, 스크립트]}\nquestions:\n  - {key: data_exploration, expected: jupyter, prompt: Q1}\n  - {key: training, expected: script, prompt: Q2}\n";

proptest! {
    #[test]
    fn answer_files_never_crash_the_check(text in any_text()) {
        assert_no_crash(&run_check(CHOICES, &[("answers.yaml", &text)], false))?;
    }

    #[test]
    fn config_files_never_crash_the_check(text in any_text()) {
        let check = "kind: config-files\ndir: configs\n";
        assert_no_crash(&run_check(check, &[("configs/base.yaml", &text)], false))?;
    }

    #[test]
    fn exercise_files_parse_or_say_where(text in any_text()) {
        match crate::yaml::parse_str::<super::ExerciseFile>(&text, "exercise.yaml") {
            Ok(_) => {}
            Err(e) => prop_assert!(e.to_string().starts_with("exercise.yaml"), "{e}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(32),
        ..ProptestConfig::default()
    })]

    #[test]
    fn gitignore_files_never_crash_the_check(text in any_text()) {
        let check = "kind: gitignore\nmust_ignore: [{path: data/x.csv, pattern: data/}]\nmust_not_ignore: [src/data/x.py]\n";
        assert_no_crash(&run_check(check, &[(".gitignore", &text), ("data/.gitignore", &text)], true))?;
    }
}
