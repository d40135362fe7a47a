//! End to end: a complete learner workspace passes every exercise of the built-in course,
//! and breaking one thing fails exactly that exercise.

use crate::common::*;
use crate::support;

fn check_json(ws: &std::path::Path, extra: &[&str]) -> (i32, serde_json::Value) {
    let out = course_in(ws)
        .args(["check", "--format", "json", "--lang", "en"])
        .args(extra)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap(), json)
}

fn statuses(report: &serde_json::Value) -> Vec<(String, String)> {
    report["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["id"].as_str().unwrap().to_string(),
                e["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_complete_workspace_passes_every_exercise() {
    let ws = tempdir();
    support::build_passing_workspace(ws.path());
    course().arg("init").arg(ws.path()).assert().success();
    let (code, report) = check_json(ws.path(), &[]);
    assert_eq!(code, 0, "{report:#}");
    assert!(
        statuses(&report).iter().all(|(_, s)| s == "pass"),
        "{report:#}"
    );
    assert_eq!(report["summary"]["score"], 100);
    assert_eq!(report["summary"]["max_score"], 100);
    // The learner's files are untouched: only .course/ was written.
    let git_status = git(ws.path(), &["status", "--porcelain", "--ignored"]);
    assert!(
        git_status
            .lines()
            .all(|l| l.contains(".course/") || l.contains(".venv/")),
        "{git_status}"
    );
    // Nothing left to do.
    course_in(ws.path())
        .args(["--lang", "en", "next"])
        .assert()
        .success();
}

#[test]
fn breaking_one_thing_fails_only_that_exercise() {
    let ws = tempdir();
    support::build_passing_workspace(ws.path());
    course().arg("init").arg(ws.path()).assert().success();
    std::fs::write(ws.path().join("requirements.txt"), "torch\nnumpy\n").unwrap();
    let (code, report) = check_json(ws.path(), &[]);
    assert_eq!(code, 1);
    let failed: Vec<_> = statuses(&report)
        .into_iter()
        .filter(|(_, s)| s != "pass")
        .collect();
    assert_eq!(
        failed,
        [("requirements".to_string(), "fail".to_string())],
        "{report:#}"
    );
}
