//! The finding codes: the README's table lists exactly the codes of `src/checks/codes.rs`
//! (code, meaning, kinds), and every kind a code names exists.

use course::checks::Code;

const START: &str = "<!-- codes:start -->";
const END: &str = "<!-- codes:end -->";

#[test]
fn readme_lists_every_code_and_no_other() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find(START)
        .expect("README has the codes table markers")
        + START.len();
    let end = readme
        .find(END)
        .expect("README has the codes table end marker");
    let rows: Vec<&str> = readme[start..end]
        .lines()
        .filter(|l| l.starts_with("| `"))
        .collect();
    let expected = Code::markdown_rows();
    let missing: Vec<&String> = expected
        .iter()
        .filter(|r| !rows.contains(&r.as_str()))
        .collect();
    let extra: Vec<&&str> = rows
        .iter()
        .filter(|r| !expected.iter().any(|e| e == **r))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "README's codes table differs from src/checks/codes.rs.\nmissing or changed:\n{}\nnot in the table of codes:\n{}",
        missing.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"),
        extra.iter().map(|s| **s).collect::<Vec<_>>().join("\n"),
    );
    assert_eq!(rows.len(), expected.len(), "a row is listed twice");
}

#[test]
fn every_kind_a_code_names_exists() {
    for code in Code::ALL {
        for kind in code.kinds() {
            assert!(
                course::checks::KINDS.contains(kind),
                "{code} names the unknown kind `{kind}`"
            );
        }
    }
}

/// The codes of a submission that could not be graded: README lists exactly
/// `grading::submission::CODES`, in order.
#[test]
fn readme_lists_every_submission_code_and_no_other() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let (start, end) = (
        "<!-- submission-codes:start -->",
        "<!-- submission-codes:end -->",
    );
    let table = &readme[readme.find(start).expect("start marker") + start.len()
        ..readme.find(end).expect("end marker")];
    let rows: Vec<&str> = table.lines().filter(|l| l.starts_with("| `")).collect();
    let expected: Vec<String> = course::grading::submission::CODES
        .iter()
        .map(|(code, meaning)| format!("| `{code}` | {meaning} |"))
        .collect();
    assert_eq!(
        rows, expected,
        "README's submission codes differ from the code"
    );
}
