//! `--format gradescope`: the `results.json` Gradescope's autograder reads from
//! `/autograder/results/results.json`.
//!
//! One test per exercise: `name` is the exercise title and id, `score`/`max_score` the
//! exercise's points, `status` `passed` when the exercise passed, else `failed`, `output` the
//! exercise's findings as plain text, `visibility` `visible`. Gradescope has no "skipped"
//! status, so an exercise that was not graded (it needs `--exec`) is a test with its points in
//! `max_score` but no `score` and no `status`, named `... — not graded` with the reason in its
//! output: visible as not graded, never as a failed test. One whose check could not run is
//! `failed`, named `... — could not grade`. The top-level `score` is the
//! total; Gradescope documents no top-level `max_score` (the assignment's points set it), so
//! none is written. The top-level `output` is the summary line.

use serde::Serialize;

use super::{ExerciseReport, ExerciseStatus, Report};
use crate::checks::Status;
use crate::i18n::{Lang, Tr};
use crate::tr;

#[derive(Serialize)]
struct Results<'a> {
    score: u32,
    output: String,
    visibility: &'static str,
    tests: Vec<Test<'a>>,
}

#[derive(Serialize)]
struct Test<'a> {
    name: String,
    number: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<u32>,
    max_score: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
    output: String,
    visibility: &'static str,
    tags: Vec<&'a str>,
}

pub fn render(report: &Report, lang: Lang) -> String {
    let s = &report.summary;
    let (passed, failed, skipped, score, max) =
        (s.passed, s.failed, s.skipped, s.score, s.max_score);
    let results = Results {
        score: s.score,
        output: tr!(
            "{passed} passed, {failed} failed, {skipped} skipped · score {score}/{max}",
            "통과 {passed}, 실패 {failed}, 건너뜀 {skipped} · 점수 {score}/{max}"
        )
        .get(lang)
        .to_string(),
        visibility: "visible",
        tests: report
            .exercises
            .iter()
            .enumerate()
            .map(|(i, e)| Test {
                name: test_name(e, lang),
                number: (i + 1).to_string(),
                score: (e.status != ExerciseStatus::Skip).then_some(e.score),
                max_score: e.max_score,
                status: match e.status {
                    ExerciseStatus::Pass => Some("passed"),
                    ExerciseStatus::Fail => Some("failed"),
                    ExerciseStatus::Skip => None,
                },
                output: findings_text(e, lang),
                visibility: "visible",
                tags: vec![e.id.as_str()],
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&results).expect("results always serialise");
    out.push('\n');
    out
}

/// `Title (id)`, with `— not graded` or `— could not grade` where there is no verdict.
fn test_name(e: &ExerciseReport, lang: Lang) -> String {
    let what = match (e.status, e.reason) {
        (_, Some(crate::grading::Reason::CouldNotRun)) => {
            tr!(" — could not grade", " — 채점할 수 없음")
        }
        (ExerciseStatus::Skip, _) => tr!(" — not graded", " — 채점 안 함"),
        _ => Tr::same(""),
    };
    format!("{} ({}){}", e.title, e.id, what.get(lang))
}

/// Every finding of an exercise as plain text lines: `FAIL requirements.txt:4: message`
/// followed by an indented hint.
pub fn findings_text(e: &ExerciseReport, lang: Lang) -> String {
    let mut s = String::new();
    if e.findings.is_empty() {
        s.push_str(
            tr!(
                "This exercise has no checks.",
                "이 연습 문제에는 확인 항목이 없습니다."
            )
            .get(lang),
        );
        s.push('\n');
    }
    for f in &e.findings {
        let word = match f.status {
            Status::Pass => tr!("ok", "통과"),
            Status::Fail => tr!("problem", "문제"),
            Status::Skip => tr!("skipped", "건너뜀"),
            Status::Error => tr!("could not check", "확인할 수 없음"),
        };
        s.push_str(&format!("[{}] ", word.get(lang)));
        s.push_str(&f.located());
        s.push('\n');
        if let Some(hint) = f.hint.as_deref().filter(|h| !h.is_empty()) {
            if matches!(f.status, Status::Fail | Status::Error) {
                s.push_str(&format!("    -> {hint}\n"));
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::text::tests::sample;

    #[test]
    fn results_json_shape() {
        let v: serde_json::Value = serde_json::from_str(&render(&sample(), Lang::En)).unwrap();
        assert_eq!(v["score"], 20);
        assert!(v.get("max_score").is_none());
        let tests = v["tests"].as_array().unwrap();
        assert_eq!(tests.len(), 3);
        assert_eq!(tests[0]["name"], "Build an environment (environment)");
        assert_eq!(tests[0]["status"], "passed");
        assert_eq!(tests[0]["score"], 20);
        assert_eq!(tests[0]["max_score"], 20);
        assert_eq!(tests[0]["visibility"], "visible");
        assert_eq!(tests[1]["status"], "failed");
        assert_eq!(tests[1]["max_score"], 30);
        let out = tests[1]["output"].as_str().unwrap();
        assert!(out.contains("[problem] requirements.txt:4: `numpy>=` is not a valid requirement <&\"> 버전\n    -> write it like `numpy>=1.24`\n"), "{out}");
        assert!(out.contains("[could not check] python timed out"));
        assert_eq!(
            tests[1]["name"],
            "요구사항 고정 (requirements) — could not grade"
        );
        // Not graded: its points, no score, no status (Gradescope has no "skipped").
        assert_eq!(
            tests[2]["name"],
            "Import your package (import) — not graded"
        );
        assert!(tests[2].get("status").is_none(), "{}", tests[2]);
        assert!(tests[2].get("score").is_none(), "{}", tests[2]);
        assert_eq!(tests[2]["max_score"], 10);
        assert!(tests[2]["output"]
            .as_str()
            .unwrap()
            .contains("[skipped] not run"));
        assert!(!out.contains('\x1b'));
    }

    #[test]
    fn korean_output() {
        let v: serde_json::Value = serde_json::from_str(&render(&sample(), Lang::Ko)).unwrap();
        assert_eq!(v["output"], "통과 1, 실패 1, 건너뜀 1 · 점수 20/60");
        assert!(v["tests"][1]["output"]
            .as_str()
            .unwrap()
            .starts_with("[문제] requirements.txt:4"));
    }
}
