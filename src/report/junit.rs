//! `--format junit`: JUnit XML for GitLab, Jenkins and GitHub test reporters.
//!
//! Layout: one `<testsuite>` per exercise (its name is the exercise id), one `<testcase>` per
//! finding. Each test case's `classname` is the exercise id with dots replaced (GitLab shows
//! `classname` as the suite; Jenkins splits it at dots into package and class), and its name is
//! `<exercise>/<code>` (`requirements/requirements/no-comment`), plus ` file:line` where two
//! findings of the exercise share a code: names come from data, not wording, so a CI history
//! tracks the same test across runs and languages. A finding that found a
//! problem is a `<failure>`, a check that could not run is an `<error>`, a skipped check is
//! `<skipped>` with the reason. An exercise without findings gets one skipped case so that it
//! still shows up. No timestamps or durations: the same report always gives the same bytes.
//! quick-junit escapes `<&"` and drops characters XML 1.0 cannot hold.

use std::collections::HashMap;

use quick_junit::{NonSuccessKind, Property, TestCase, TestCaseStatus, TestSuite};

use super::{ExerciseReport, FindingReport, Report};
use crate::checks::Status;

pub fn render(report: &Report) -> String {
    let mut junit = quick_junit::Report::new(format!("course {}", report.course));
    for e in &report.exercises {
        junit.add_test_suite(suite(e));
    }
    let mut s = junit
        .to_string()
        .expect("serialising to a String cannot fail");
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

fn suite(e: &ExerciseReport) -> TestSuite {
    let mut suite = TestSuite::new(e.id.as_str());
    suite.add_property(Property::new("title", e.title.as_str()));
    suite.add_property(Property::new("score", e.score.to_string()));
    suite.add_property(Property::new("max_score", e.max_score.to_string()));
    let classname = e.id.replace('.', "_");
    let mut seen: HashMap<String, usize> = HashMap::new();
    if e.findings.is_empty() {
        let mut status = TestCaseStatus::skipped();
        status.set_message("this exercise has no checks");
        let mut case = TestCase::new("no checks", status);
        case.set_classname(classname.as_str());
        suite.add_test_case(case);
    }
    for f in &e.findings {
        let mut name = case_name(e, f);
        // Reporters merge test cases with the same name; keep every finding visible.
        let n = seen.entry(name.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            name = format!("{name} #{n}");
        }
        let mut case = TestCase::new(name, case_status(f));
        case.set_classname(classname.as_str());
        if f.status == Status::Pass {
            case.set_system_out(f.message.as_str());
        }
        suite.add_test_case(case);
    }
    suite
}

/// `<exercise>/<code>`, and ` file:line` (or ` file`) when another finding of the exercise
/// has the same code.
fn case_name(e: &ExerciseReport, f: &FindingReport) -> String {
    let name = format!("{}/{}", e.id, f.code);
    if e.findings.iter().filter(|g| g.code == f.code).count() < 2 {
        return name;
    }
    match (&f.file, f.line) {
        (Some(file), Some(line)) => format!("{name} {file}:{line}"),
        (Some(file), None) => format!("{name} {file}"),
        _ => name,
    }
}

/// The text body of a failure: where, what, how to fix.
fn description(f: &FindingReport) -> String {
    let mut s = f.located();
    if let Some(hint) = f.hint.as_deref().filter(|h| !h.is_empty()) {
        s.push_str("\nhint: ");
        s.push_str(hint);
    }
    s
}

fn case_status(f: &FindingReport) -> TestCaseStatus {
    let mut status = match f.status {
        Status::Pass => return TestCaseStatus::success(),
        Status::Fail => TestCaseStatus::non_success(NonSuccessKind::Failure),
        Status::Error => TestCaseStatus::non_success(NonSuccessKind::Error),
        Status::Skip => TestCaseStatus::skipped(),
    };
    status.set_message(f.message.as_str());
    if f.status != Status::Skip {
        status.set_type(f.check.as_str());
        status.set_description(description(f));
    }
    status
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::text::tests::sample;

    #[test]
    fn issue8_control_characters_never_reach_the_xml() {
        let mut r = sample();
        let f = &mut r.exercises[1].findings[0];
        f.file = Some("evil\u{1b}[2J.txt".into());
        f.message = "bad \u{9b}31m \u{7} <&>".into();
        let xml = render(&r);
        assert!(!xml.contains(['\u{1b}', '\u{9b}', '\u{7}']), "{xml}");
        assert!(xml.contains("&lt;&amp;&gt;"), "{xml}");
    }

    #[test]
    fn suites_cases_and_statuses() {
        let xml = render(&sample());
        let parsed = quick_junit::Report::deserialize_from_str(&xml).expect("valid JUnit XML");
        assert_eq!(parsed.test_suites.len(), 3);
        assert_eq!(parsed.tests, 4);
        assert_eq!(parsed.failures, 1);
        assert_eq!(parsed.errors, 1);
        assert_eq!(parsed.skipped, 1);
        let req = &parsed.test_suites[1];
        assert_eq!(req.name.as_str(), "requirements");
        let case = &req.test_cases[0];
        assert_eq!(case.name.as_str(), "requirements/requirements/invalid");
        assert_eq!(case.classname.as_ref().unwrap().as_str(), "requirements");
        match &case.status {
            TestCaseStatus::NonSuccess {
                kind,
                message,
                description,
                ..
            } => {
                assert_eq!(*kind, NonSuccessKind::Failure);
                assert_eq!(
                    message.as_ref().unwrap().as_str(),
                    "`numpy>=` is not a valid requirement <&\"> 버전"
                );
                let d = description.as_ref().unwrap().as_str();
                assert!(d.starts_with("requirements.txt:4: `numpy>="), "{d}");
                assert!(d.ends_with("hint: write it like `numpy>=1.24`"), "{d}");
            }
            other => panic!("expected a failure, got {other:?}"),
        }
        assert_eq!(
            req.test_cases[1].name.as_str(),
            "requirements/import/timeout"
        );
        assert!(matches!(
            req.test_cases[1].status,
            TestCaseStatus::NonSuccess {
                kind: NonSuccessKind::Error,
                ..
            }
        ));
        assert!(matches!(
            parsed.test_suites[2].test_cases[0].status,
            TestCaseStatus::Skipped { .. }
        ));
    }

    #[test]
    fn specials_are_escaped_and_output_is_deterministic() {
        let xml = render(&sample());
        assert!(xml.contains("&lt;&amp;&quot;&gt; 버전"), "{xml}");
        assert!(!xml.contains("<&\""));
        assert!(!xml.contains("timestamp") && !xml.contains("time="));
        assert_eq!(xml, render(&sample()));
        assert_eq!(xml.matches("<testcase").count(), 4);
    }

    #[test]
    fn dots_in_ids_and_duplicate_names() {
        let mut r = sample();
        r.exercises[1].id = "part1.requirements".into();
        let dup = r.exercises[1].findings[1].clone();
        r.exercises[1].findings.push(dup);
        r.exercises[2].findings.clear();
        let parsed = quick_junit::Report::deserialize_from_str(&render(&r)).unwrap();
        let cases = &parsed.test_suites[1].test_cases;
        assert_eq!(
            cases[0].classname.as_ref().unwrap().as_str(),
            "part1_requirements"
        );
        assert_eq!(
            cases[2].name.as_str(),
            "part1.requirements/import/timeout #2"
        );
        assert_eq!(
            parsed.test_suites[2].test_cases[0].name.as_str(),
            "no checks"
        );
    }

    #[test]
    fn names_are_codes_whatever_the_wording_with_the_place_when_a_code_repeats() {
        let mut r = sample();
        let mut other = r.exercises[1].findings[0].clone();
        other.line = Some(7);
        other.message = "다른 문장".into();
        r.exercises[1].findings.push(other);
        let parsed = quick_junit::Report::deserialize_from_str(&render(&r)).unwrap();
        let names: Vec<&str> = parsed.test_suites[1]
            .test_cases
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "requirements/requirements/invalid requirements.txt:4",
                "requirements/import/timeout",
                "requirements/requirements/invalid requirements.txt:7",
            ]
        );
        // Rewording (or another language) does not rename a test.
        let mut reworded = sample();
        reworded.exercises[1].findings[0].message = "완전히 다른 말".into();
        assert_eq!(
            render(&reworded).replace("완전히 다른 말", ""),
            render(&sample()).replace(
                "`numpy&gt;=` is not a valid requirement &lt;&amp;&quot;&gt; 버전",
                ""
            )
        );
    }
}
