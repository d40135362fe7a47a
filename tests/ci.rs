//! `course ci init`: generated files parse as YAML, hold the steps that matter, and are never
//! overwritten without --force.
use crate::common::{course, course_in, tempdir};

fn yaml(path: &std::path::Path) -> serde_yaml::Value {
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn github_workflow_is_shown_written_and_protected() {
    let tmp = tempdir();
    // No course is loaded: a broken --course does not matter.
    let a = course_in(tmp.path())
        .args(["--course", "/nonexistent", "ci", "init", "--github"])
        .assert()
        .code(0);
    let shown = String::from_utf8(a.get_output().stdout.clone()).unwrap();
    assert!(shown.starts_with("# .github/workflows/grade.yml:\n"));
    let path = tmp.path().join(".github/workflows/grade.yml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(shown.contains(&text));
    assert!(text.contains("# TODO: set your course repository"));

    let v = yaml(&path);
    assert!(v["on"].get("push").is_some() && v["on"].get("pull_request").is_some());
    let steps = v["jobs"]["grade"]["steps"].as_sequence().unwrap();
    let checkout = steps
        .iter()
        .find(|s| s["uses"] == "actions/checkout@v4")
        .expect("a checkout step");
    assert_eq!(checkout["with"]["fetch-depth"], 0);
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(
        runs.contains(&"course grade --workspace . --format github"),
        "{runs:?}"
    );
    assert!(runs
        .iter()
        .any(|r| r.contains("--format junit") && r.contains("--output course-junit.xml")));
    assert!(!runs
        .iter()
        .any(|r| r.contains("--exec") || r.contains("pip install")));
    let upload = steps
        .iter()
        .find(|s| s["uses"] == "actions/upload-artifact@v4")
        .expect("an upload step");
    assert_eq!(upload["if"], "always()");
    assert_eq!(upload["with"]["path"], "course-junit.xml");

    // A second run without --force fails and leaves the file alone.
    std::fs::write(&path, "# my own edits\n").unwrap();
    let a = course_in(tmp.path())
        .args(["ci", "init", "--github"])
        .assert()
        .code(2);
    let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# my own edits\n");

    // --force replaces it.
    course_in(tmp.path())
        .args(["ci", "init", "--github", "--force", "--with-env"])
        .assert()
        .code(0);
    let v = yaml(&path);
    let steps = v["jobs"]["grade"]["steps"].as_sequence().unwrap();
    assert!(steps.iter().any(|s| s["uses"] == "actions/setup-python@v5"));
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(runs.contains(&"course grade --workspace . --format github --exec"));
    assert!(runs
        .iter()
        .any(|r| r.contains(".venv/bin/pip install -r requirements.txt")));
}

#[test]
fn gitlab_ci_in_the_workspace_folder() {
    let tmp = tempdir();
    course()
        .args(["ci", "init", "--gitlab", "--workspace"])
        .arg(tmp.path())
        .assert()
        .code(0);
    let v = yaml(&tmp.path().join(".gitlab-ci.yml"));
    assert_eq!(v["variables"]["GIT_DEPTH"], 0);
    let job = &v["grade"];
    assert_eq!(job["artifacts"]["when"], "always");
    assert_eq!(job["artifacts"]["reports"]["junit"], "course-junit.xml");
    let script: Vec<&str> = job["script"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert!(script
        .iter()
        .any(|l| l
            .starts_with("course grade --workspace . --format junit --output course-junit.xml")));
    assert!(script
        .iter()
        .any(|l| l.starts_with("cargo install --locked")));

    let before = std::fs::read(tmp.path().join(".gitlab-ci.yml")).unwrap();
    course()
        .args(["ci", "init", "--gitlab", "--with-env", "--workspace"])
        .arg(tmp.path())
        .assert()
        .code(2);
    assert_eq!(
        std::fs::read(tmp.path().join(".gitlab-ci.yml")).unwrap(),
        before
    );
}

#[test]
fn a_provider_is_required() {
    let tmp = tempdir();
    course_in(tmp.path()).args(["ci", "init"]).assert().code(2);
    course_in(tmp.path())
        .args(["ci", "init", "--github", "--gitlab"])
        .assert()
        .code(2);
    assert!(!tmp.path().join(".github").exists());
}
