//! `--format classroom50`: the `result.json` Classroom 50 reads (GitHub Classroom's
//! successor): `{"schema": "classroom50/result/v1", "score", "max-score", "tests": [{"test-name",
//! "passed", "score", "max-score"}]}` with hyphenated keys, one test per exercise (its id).
//!
//! Each test also carries `status`: `passed`, `failed`, `skipped` (not graded: it needs
//! `--exec`; `passed` is false, `score` 0, and `max-score` keeps its points) or `error` (a
//! check could not run: could not grade), so that "not graded" never reads as "failed".

use serde::Serialize;

use super::{ExerciseStatus, Report};

pub const SCHEMA: &str = "classroom50/result/v1";

#[derive(Serialize)]
struct Result<'a> {
    schema: &'static str,
    score: u32,
    #[serde(rename = "max-score")]
    max_score: u32,
    tests: Vec<Test<'a>>,
}

#[derive(Serialize)]
struct Test<'a> {
    #[serde(rename = "test-name")]
    test_name: &'a str,
    passed: bool,
    score: u32,
    #[serde(rename = "max-score")]
    max_score: u32,
    status: &'static str,
}

pub fn render(report: &Report) -> String {
    let result = Result {
        schema: SCHEMA,
        score: report.summary.score,
        max_score: report.summary.max_score,
        tests: report
            .exercises
            .iter()
            .map(|e| Test {
                test_name: &e.id,
                passed: e.status == ExerciseStatus::Pass,
                score: e.score,
                max_score: e.max_score,
                status: match (e.status, e.reason) {
                    (_, Some(crate::grading::Reason::CouldNotRun)) => "error",
                    (ExerciseStatus::Pass, _) => "passed",
                    (ExerciseStatus::Fail, _) => "failed",
                    (ExerciseStatus::Skip, _) => "skipped",
                },
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&result).expect("results always serialise");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::text::tests::sample;

    #[test]
    fn hyphenated_keys_one_test_per_exercise() {
        let v: serde_json::Value = serde_json::from_str(&render(&sample())).unwrap();
        assert_eq!(v["schema"], "classroom50/result/v1");
        assert_eq!(v["score"], 20);
        assert_eq!(v["max-score"], 60);
        let tests = v["tests"].as_array().unwrap();
        assert_eq!(tests.len(), 3);
        assert_eq!(tests[0]["test-name"], "environment");
        assert_eq!(tests[0]["passed"], true);
        assert_eq!(tests[0]["max-score"], 20);
        assert_eq!(tests[1]["passed"], false);
        assert_eq!(tests[2]["passed"], false);
        assert_eq!(tests[2]["score"], 0);
        assert_eq!(tests[0]["status"], "passed");
        assert_eq!(tests[1]["status"], "error");
        assert_eq!(tests[2]["status"], "skipped");
        assert_eq!(tests[2]["max-score"], 10);
        assert!(v.get("max_score").is_none());
    }
}
