//! `course grade` with the real check kinds and the built-in course: what an instructor sees
//! on real student repositories (passing, broken, shallow, hanging), in every format.

use crate::support;
use std::path::Path;

use crate::common::*;

fn grade(ws: &Path, args: &[&str]) -> (i32, String, String) {
    let out = course()
        .args(["--lang", "en", "grade", "--workspace"])
        .arg(ws)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn report(ws: &Path, args: &[&str]) -> (i32, serde_json::Value) {
    let (code, stdout, _) = grade(ws, &[&["--format", "json"], args].concat());
    (
        code,
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}")),
    )
}

#[test]
fn without_exec_nothing_from_the_submission_runs() {
    let ws = tempdir();
    support::build_passing_workspace(ws.path());
    // A torch that would leave a trace if it were ever imported.
    let marker = ws.path().join("imported");
    let site = crate::common::site_packages(&ws.path().join(".venv"));
    std::fs::write(
        site.join("torch/__init__.py"),
        format!(
            "open({:?}, 'w').write('x')\n__version__ = '2.1.0'\n",
            marker.display().to_string()
        ),
    )
    .unwrap();
    let (code, r) = report(ws.path(), &[]);
    assert_eq!(code, 0, "{r:#}");
    assert_eq!(exercise(&r, "environment")["status"], "skip");
    assert!(exercise(&r, "environment")["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("--exec"));
    assert_eq!(r["summary"]["score"], 80);
    assert!(
        !marker.exists(),
        "grading without --exec imported the submission's torch"
    );
    let (_, _, stderr) = grade(ws.path(), &[]);
    assert!(stderr.contains("--exec"), "{stderr}");

    // With --exec the import runs, in the sandbox: its write into the submission is
    // refused, and that is said (could not grade), not passed.
    let (code, r) = report(ws.path(), &["--exec"]);
    assert_eq!(code, 3, "{r:#}");
    let env = &exercise(&r, "environment")["findings"][0];
    assert_eq!(env["code"], "sandbox/denied", "{r:#}");
    assert!(
        !marker.exists(),
        "the sandbox let the import write into the submission"
    );

    let (code, r) = report(ws.path(), &["--exec", "--no-sandbox"]);
    assert_eq!(code, 0, "{r:#}");
    assert_eq!(r["summary"]["score"], 100);
    assert!(marker.exists(), "--exec runs the environment check");
}

#[test]
fn the_graders_own_environment_never_counts() {
    let ws = tempdir();
    support::build_project(ws.path());
    let elsewhere = tempdir();
    support::build_environment(elsewhere.path());
    let out = course()
        .args(["grade", "--exec", "--format", "json", "--workspace"])
        .arg(ws.path())
        .env("VIRTUAL_ENV", elsewhere.path().join(".venv"))
        .output()
        .unwrap();
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(exercise(&r, "environment")["status"], "fail", "{r:#}");
    // The learner's own `course check` does use the active environment.
    course().arg("init").arg(ws.path()).assert().success();
    let out = course_in(ws.path())
        .args(["check", "environment", "--format", "json"])
        .env("VIRTUAL_ENV", elsewhere.path().join(".venv"))
        .output()
        .unwrap();
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(exercise(&r, "environment")["status"], "pass", "{r:#}");
}

#[test]
fn failures_reach_every_format_with_file_and_line() {
    let ws = tempdir();
    support::build_passing_workspace(ws.path());
    write(
        ws.path(),
        "requirements.txt",
        "torch  # 딥러닝\nnumpy>=  # 배열 <&\">\n",
    );
    let (code, r) = report(ws.path(), &[]);
    assert_eq!(code, 1);
    let findings = exercise(&r, "requirements")["findings"]
        .as_array()
        .unwrap()
        .clone();
    assert!(
        findings
            .iter()
            .any(|f| f["file"] == "requirements.txt" && f["line"] == 2),
        "{findings:#?}"
    );

    let (code, junit, _) = grade(ws.path(), &["--format", "junit"]);
    assert_eq!(code, 1);
    let parsed = quick_junit::Report::deserialize_from_str(&junit).expect("valid JUnit XML");
    assert!(parsed.tests >= 5);
    assert!(
        junit.contains("classname=\"requirements\"") && junit.contains("<failure"),
        "{junit}"
    );
    assert!(junit.contains("requirements.txt:2"), "{junit}");

    let (_, github, _) = grade(ws.path(), &["--format", "github"]);
    assert!(
        github
            .lines()
            .any(|l| l.starts_with("::error file=requirements.txt,line=2")),
        "{github}"
    );
    assert!(github.contains("Score: 60/100"), "{github}");

    let (_, gradescope, _) = grade(ws.path(), &["--format", "gradescope"]);
    let g: serde_json::Value = serde_json::from_str(&gradescope).unwrap();
    assert_eq!(g["score"], 60);
    let req = g["tests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"].as_str().unwrap().contains("requirements"))
        .unwrap();
    assert_eq!(req["status"], "failed");
    assert!(req["output"]
        .as_str()
        .unwrap()
        .contains("requirements.txt:2"));

    let (_, classroom, _) = grade(ws.path(), &["--format", "classroom50"]);
    let c: serde_json::Value = serde_json::from_str(&classroom).unwrap();
    assert_eq!(c["schema"], "classroom50/result/v1");
    assert_eq!(
        c["max-score"], 100,
        "the environment exercise, not run without --exec, keeps its points"
    );
    let not_passed: Vec<&str> = c["tests"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["passed"] == false)
        .map(|t| t["test-name"].as_str().unwrap())
        .collect();
    // requirements failed; environment was not run (no --exec) and so did not pass either,
    // but it says so: skipped, not failed.
    assert_eq!(not_passed, ["requirements", "environment"]);
    let status = |id: &str| {
        c["tests"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["test-name"] == id)
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(status("requirements"), "failed");
    assert_eq!(status("environment"), "skipped");
}

#[test]
fn a_shallow_checkout_says_what_to_change_in_ci() {
    let origin = tempdir();
    support::build_project(origin.path());
    let parent = tempdir();
    let url = format!("file://{}", origin.path().display());
    git(
        parent.path(),
        &["clone", "-q", "--depth", "1", &url, "student"],
    );
    let (code, r) = report(&parent.path().join("student"), &[]);
    assert_eq!(code, 1);
    let git_ex = exercise(&r, "git-workflow");
    assert_eq!(git_ex["status"], "fail");
    let text = git_ex["findings"].to_string();
    assert!(
        text.contains("fetch-depth: 0") && text.contains("--unshallow"),
        "{text}"
    );
}

#[test]
fn a_check_that_cannot_run_is_exit_code_3() {
    let ws = tempdir();
    support::build_project(ws.path());
    // An interpreter that never answers, and a course that waits for it only briefly.
    write(
        ws.path(),
        ".venv/pyvenv.cfg",
        "home = /usr/bin\nversion = 3.11.7\n",
    );
    let python = write(ws.path(), ".venv/bin/python", "#!/bin/sh\nsleep 30\n");
    std::fs::set_permissions(&python, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let c = tempdir();
    write(
        c.path(),
        "course.yaml",
        "id: t\ntitle: T\ndefault_lang: en\nlessons: [x]\nexercises: [env]\n",
    );
    write(c.path(), "lessons/en/x.md", "# X\n");
    write(
        c.path(),
        "exercises/env/exercise.yaml",
        "title: Env\nlesson: x\npoints: 20\nprompt: p\nchecks:\n  - kind: python-env\n    modules: [torch]\n    timeout_secs: 2\n",
    );
    let out = course()
        .arg("--course")
        .arg(c.path())
        .args(["grade", "--exec", "--format", "json", "--workspace"])
        .arg(ws.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["exercises"][0]["findings"][0]["status"], "error");
}

#[test]
fn a_class_is_graded_into_one_gradebook() {
    let class = tempdir();
    support::build_project(&class.path().join("alice"));
    support::build_project(&class.path().join("bob"));
    write(&class.path().join("bob"), "requirements.txt", "torch\n");
    std::fs::create_dir(class.path().join("carol")).unwrap();
    let out = course()
        .args(["grade", "--batch"])
        .arg(class.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let csv = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert!(rows[0].starts_with("submission,score,max_score,requirements,environment,jupyter-vs-script,structure,git-workflow"), "{csv}");
    // environment needs --exec: not graded, its 20 points still in max_score.
    assert!(
        rows[1].starts_with("alice,80,100,20,not graded,20,20,20"),
        "{csv}"
    );
    assert!(
        rows[2].starts_with("bob,60,100,0,not graded,20,20,20"),
        "{csv}"
    );
    assert!(rows[3].starts_with("carol,0,100,"), "{csv}");
}

#[test]
fn hostile_submission_files_neither_hang_nor_steer_grading() {
    let ws = tempdir();
    support::build_project(ws.path());
    // Files a submission controls: endless, or claiming things about the grader's run.
    std::os::unix::fs::symlink("/dev/zero", ws.path().join("environment.yml")).unwrap();
    write(
        ws.path(),
        ".course/state.yaml",
        "lang: ko\nthis is: [not valid\n",
    );
    let (code, r) = report(ws.path(), &[]);
    assert_eq!(code, 0, "{r:#}");
    let env = exercise(&r, "environment");
    assert_eq!(env["status"], "skip");
    assert!(
        env["findings"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("no Python environment in the submission"),
        "English, as asked with --lang en: {env:#}"
    );
    // The learner's own check does read environment.yml (for a named conda env): bounded.
    std::fs::remove_dir_all(ws.path().join(".course")).unwrap();
    let out = course()
        .args(["check", "environment", "--format", "json", "--workspace"])
        .arg(ws.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "no environment, and no hang: {out:?}"
    );
}

#[test]
fn links_out_of_the_submission_are_not_read_or_quoted() {
    let ws = tempdir();
    support::build_project(ws.path());
    let secret_dir = tempdir();
    let secret = write(secret_dir.path(), "secret.txt", "TOKEN-do-not-print==1\n");
    for file in [
        "requirements.txt",
        "README.md",
        "answers/jupyter_vs_script.yaml",
    ] {
        std::fs::remove_file(ws.path().join(file)).unwrap();
        std::os::unix::fs::symlink(&secret, ws.path().join(file)).unwrap();
    }
    let (code, stdout, stderr) = grade(ws.path(), &["--format", "json"]);
    assert_eq!(code, 1);
    assert!(
        !stdout.contains("TOKEN") && !stderr.contains("TOKEN"),
        "{stdout}"
    );
    let r: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    for id in ["requirements", "structure", "jupyter-vs-script"] {
        let text = exercise(&r, id)["findings"].to_string();
        assert!(text.contains("outside the workspace"), "{id}: {text}");
    }
}

#[test]
fn a_submission_is_graded_on_its_own_repository_never_the_one_around_it() {
    // The instructor's repository holds a folder of submissions; one has no .git of its own.
    let instructor = tempdir();
    support::build_project(instructor.path());
    let student = instructor.path().join("submissions/lee");
    std::fs::create_dir_all(&student).unwrap();
    write(&student, "hello.py", "print(1)\n");
    let (_, r) = report(&student, &[]);
    let git_ex = exercise(&r, "git-workflow");
    assert_eq!(git_ex["status"], "fail");
    assert!(
        git_ex["findings"]
            .to_string()
            .contains("not a git repository"),
        "{git_ex:#}"
    );
}

#[test]
fn issue8_not_graded_keeps_its_points_and_says_so_in_every_format() {
    let ws = tempdir();
    support::build_passing_workspace(ws.path());
    let (code, r) = report(ws.path(), &[]);
    assert_eq!(code, 0, "{r:#}");
    let env = exercise(&r, "environment");
    assert_eq!(env["status"], "skip");
    assert_eq!(env["reason"], "needs-exec");
    assert_eq!(env["max_score"], 20);
    assert_eq!(r["summary"]["score"], 80);
    assert_eq!(r["summary"]["max_score"], 100);

    let (_, text, _) = grade(ws.path(), &[]);
    assert!(
        text.contains("NOT GRADED  Build a Python environment"),
        "{text}"
    );
    assert!(
        text.contains("score 80/100 · 20 points not graded"),
        "{text}"
    );

    let (_, junit, _) = grade(ws.path(), &["--format", "junit"]);
    assert!(junit.contains("<skipped"), "{junit}");

    let (_, gs, _) = grade(ws.path(), &["--format", "gradescope"]);
    let gs: serde_json::Value = serde_json::from_str(&gs).unwrap();
    let t = gs["tests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"].as_str().unwrap().contains("(environment)"))
        .unwrap()
        .clone();
    assert!(t["name"].as_str().unwrap().ends_with("— not graded"), "{t}");
    assert!(t.get("status").is_none() && t.get("score").is_none(), "{t}");
    assert_eq!(t["max_score"], 20);

    // With --exec it is graded: 100 of 100.
    let (code, r) = report(ws.path(), &["--exec"]);
    assert_eq!(code, 0, "{r:#}");
    assert_eq!(r["summary"]["score"], 100);
    assert!(exercise(&r, "environment").get("reason").is_none());
}

#[test]
fn issue8_a_corrupt_git_head_is_could_not_grade_exit_3_with_the_reason() {
    let ws = tempdir();
    support::build_project(ws.path());
    std::fs::write(ws.path().join(".git/HEAD"), "garbage\n").unwrap();
    let (code, r) = report(ws.path(), &[]);
    assert_eq!(code, 3, "{r:#}");
    let git = exercise(&r, "git-workflow");
    assert_eq!(git["reason"], "could-not-run");
    let (code, csv, _) = grade(ws.path(), &["--format", "csv"]);
    assert_eq!(code, 3);
    let row = csv.lines().nth(1).unwrap();
    assert!(row.contains(",error,"), "{row}");
    assert!(row.contains("git-workflow: git cannot read HEAD"), "{row}");

    // In a batch: the row says why, and the run exits 3.
    let class = tempdir();
    support::build_project(&class.path().join("alice"));
    std::fs::write(class.path().join("alice/.git/HEAD"), "garbage\n").unwrap();
    let out = course()
        .args(["--lang", "en", "grade", "--batch"])
        .arg(class.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.contains("git-workflow: git cannot read HEAD"), "{csv}");
}
