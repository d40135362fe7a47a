//! `course grade`: formats on stdout and in files, exit codes, the GitHub job summary and
//! batch grading. The check kinds are written elsewhere; these tests use a fixture course
//! whose exercises have no checks (so they are skipped), which exercises the plumbing.
use std::path::{Path, PathBuf};

use crate::common::{course, course_in, tempdir, write};

/// A course with two exercises without checks (both come out `skip`, worth 0 of 0).
fn fixture_course(root: &Path) -> PathBuf {
    let dir = root.join("course");
    write(
        &dir,
        "course.yaml",
        "id: t\ntitle: T\ndefault_lang: en\nlessons: [x]\nexercises: [first, second]\n",
    );
    write(&dir, "lessons/en/x.md", "# X\n\ntext\n");
    write(&dir, "lessons/ko/x.md", "# 엑스\n\n본문\n");
    write(
        &dir,
        "exercises/first/exercise.yaml",
        "title: {en: First, ko: 첫째}\nlesson: x\npoints: 20\nprompt: do it\nchecks: []\n",
    );
    write(
        &dir,
        "exercises/second/exercise.yaml",
        "title: Second\nlesson: x\npoints: 10\nprompt: do it\nchecks: []\n",
    );
    dir
}

/// A submission folder with a few files.
fn submission(root: &Path, name: &str) -> PathBuf {
    let dir = root.join(name);
    write(&dir, "requirements.txt", "numpy>=1.24\n");
    write(&dir, "README.md", "# project\n");
    dir
}

fn grade(course_dir: &Path, ws: &Path, format: &str) -> assert_cmd::assert::Assert {
    course()
        .arg("--course")
        .arg(course_dir)
        .arg("grade")
        .arg("--workspace")
        .arg(ws)
        .args(["--format", format])
        .assert()
}

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stderr.clone()).unwrap()
}

#[test]
fn json_report_on_stdout_for_an_uninitialised_folder() {
    let tmp = tempdir();
    let c = fixture_course(tmp.path());
    let ws = submission(tmp.path(), "ws");
    let a = grade(&c, &ws, "json").code(0);
    let v: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(v["schema"], "course-report/1");
    assert_eq!(v["course"], "t");
    let ex = v["exercises"].as_array().unwrap();
    assert_eq!(ex.len(), 2);
    assert_eq!(ex[0]["id"], "first");
    assert_eq!(ex[0]["status"], "skip");
    assert_eq!(
        ex[0]["max_score"], 20,
        "an exercise not graded keeps its points"
    );
    assert_eq!(ex[0]["reason"], "no-checks");
    assert_eq!(v["summary"]["skipped"], 2);
    assert_eq!(v["summary"]["max_score"], 30);
    // Grading writes nothing into the submission.
    assert!(!ws.join(".course").exists());
}

#[test]
fn every_format_parses() {
    let tmp = tempdir();
    let c = fixture_course(tmp.path());
    let ws = submission(tmp.path(), "ws");

    let junit = stdout(&grade(&c, &ws, "junit").code(0));
    assert_eq!(junit.matches("<testcase").count(), 2, "{junit}");
    let parsed = quick_junit::Report::deserialize_from_str(&junit).expect("valid JUnit XML");
    assert_eq!(parsed.test_suites.len(), 2);
    assert_eq!(parsed.test_suites[0].name.as_str(), "first");
    assert_eq!(parsed.skipped, 2);

    let gs: serde_json::Value =
        serde_json::from_str(&stdout(&grade(&c, &ws, "gradescope").code(0))).unwrap();
    assert_eq!(gs["score"], 0);
    // Not graded (no checks): its points, no score, no status; never a failed test.
    assert_eq!(gs["tests"][0]["name"], "First (first) — not graded");
    assert_eq!(gs["tests"][0]["max_score"], 20);
    assert!(gs["tests"][0].get("status").is_none());
    assert!(gs["tests"][0].get("score").is_none());
    assert_eq!(gs["tests"][1]["visibility"], "visible");

    let c50: serde_json::Value =
        serde_json::from_str(&stdout(&grade(&c, &ws, "classroom50").code(0))).unwrap();
    assert_eq!(c50["schema"], "classroom50/result/v1");
    assert_eq!(c50["max-score"], 30);
    assert_eq!(c50["tests"][1]["test-name"], "second");
    assert_eq!(c50["tests"][1]["passed"], false);
    assert_eq!(c50["tests"][1]["status"], "skipped");

    let csv = stdout(&grade(&c, &ws, "csv").code(0));
    assert_eq!(
        csv,
        "submission,score,max_score,first,second,error\r\nws,0,30,not graded,not graded,\r\n"
    );

    let gh = stdout(&grade(&c, &ws, "github").code(0));
    assert_eq!(gh, "Score: 0/30\n");

    let text = stdout(&grade(&c, &ws, "text").code(0));
    assert!(text.contains("○ SKIP  First (first)"), "{text}");
    assert!(
        text.contains("0 passed, 0 failed, 2 skipped · score 0/30 · 30 points not graded"),
        "{text}"
    );
}

#[test]
fn korean_text_report() {
    let tmp = tempdir();
    let c = fixture_course(tmp.path());
    let ws = submission(tmp.path(), "ws");
    let a = course()
        .arg("--course")
        .arg(&c)
        .args(["--lang", "ko", "grade", "--workspace"])
        .arg(&ws)
        .assert()
        .code(0);
    let out = stdout(&a);
    assert!(out.contains("○ 건너뜀  첫째 (first)"), "{out}");
    assert!(
        out.contains("통과 0, 실패 0, 건너뜀 2 · 점수 0/30 · 30점은 채점하지 않음"),
        "{out}"
    );
}

#[test]
fn default_workspace_is_the_current_folder() {
    let tmp = tempdir();
    let c = fixture_course(tmp.path());
    let ws = submission(tmp.path(), "checkout");
    let a = course_in(&ws)
        .arg("--course")
        .arg(&c)
        .args(["grade", "--format", "json"])
        .assert()
        .code(0);
    let v: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let shown = v["workspace"].as_str().unwrap();
    assert!(shown.ends_with("checkout"), "{shown}");
}

#[test]
fn output_file_keeps_stdout_clean() {
    let tmp = tempdir();
    let c = fixture_course(tmp.path());
    let ws = submission(tmp.path(), "ws");
    for (format, file) in [
        ("junit", "out/junit.xml"),
        ("json", "report.json"),
        ("text", "r.txt"),
    ] {
        let out = tmp.path().join(file);
        let a = course()
            .arg("--course")
            .arg(&c)
            .arg("grade")
            .arg("--workspace")
            .arg(&ws)
            .args(["--format", format, "--output"])
            .arg(&out)
            .assert()
            .code(0);
        assert_eq!(stdout(&a), "", "{format}: stdout must stay empty");
        assert!(stderr(&a).contains("score 0/30"), "{}", stderr(&a));
        let written = std::fs::read_to_string(&out).unwrap();
        match format {
            "junit" => assert!(written.starts_with("<?xml") && written.contains("<testsuite ")),
            "json" => {
                let v: serde_json::Value = serde_json::from_str(&written).unwrap();
                assert_eq!(v["schema"], "course-report/1");
            }
            _ => {
                assert!(written.contains("2 skipped"));
                assert!(!written.contains('\x1b'));
            }
        }
    }
}

#[test]
fn github_summary_is_appended_to_the_step_summary_file() {
    let tmp = tempdir();
    let c = fixture_course(tmp.path());
    let ws = submission(tmp.path(), "ws");
    let summary = write(tmp.path(), "step_summary.md", "# Earlier step\n");
    let a = course()
        .env("GITHUB_STEP_SUMMARY", &summary)
        .arg("--course")
        .arg(&c)
        .arg("grade")
        .arg("--workspace")
        .arg(&ws)
        .args(["--format", "github"])
        .assert()
        .code(0);
    assert_eq!(stdout(&a), "Score: 0/30\n");
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(
        text.starts_with("# Earlier step\n## Course report: t\n"),
        "{text}"
    );
    assert!(text.contains("| Exercise | Status | Score |"));
    assert!(text.contains("| First (`first`) | ⏭️ not graded | 0/20 |"));
    assert!(text.contains("| Second (`second`) | ⏭️ not graded | 0/10 |"));
}

#[test]
fn usage_errors_exit_2() {
    let tmp = tempdir();
    let c = fixture_course(tmp.path());
    let ws = submission(tmp.path(), "ws");
    // Not a course folder.
    let a = course()
        .arg("--course")
        .arg(&ws)
        .arg("grade")
        .arg("--workspace")
        .arg(&ws)
        .assert()
        .code(2);
    assert!(stderr(&a).contains("no course.yaml"));
    // A workspace that does not exist.
    let a = course()
        .arg("--course")
        .arg(&c)
        .args(["grade", "--workspace"])
        .arg(tmp.path().join("nope"))
        .assert()
        .code(2);
    assert!(stderr(&a).contains("no such folder"));
    // A broken course file.
    write(&c, "exercises/second/exercise.yaml", "title: [\n");
    let a = grade(&c, &ws, "json").code(2);
    assert!(
        stderr(&a).contains("exercises/second/exercise.yaml"),
        "{}",
        stderr(&a)
    );
    assert_eq!(stdout(&a), "");
    // An unknown format.
    course().args(["grade", "--format", "xml"]).assert().code(2);
}

fn class(root: &Path) -> PathBuf {
    let dir = root.join("class");
    submission(&dir, "carol");
    submission(&dir, "alice");
    write(&dir, "bob", "a file, not a folder\n");
    std::os::unix::fs::symlink(root.join("missing"), dir.join("dave")).unwrap();
    submission(&dir, ".hidden");
    dir
}

fn batch(c: &Path, dir: &Path) -> assert_cmd::Command {
    let mut cmd = course();
    cmd.arg("--course")
        .arg(c)
        .arg("grade")
        .arg("--batch")
        .arg(dir);
    cmd
}

#[test]
fn batch_csv_has_a_row_per_submission_and_error_rows() {
    let tmp = tempdir();
    let c = fixture_course(tmp.path());
    let dir = class(tmp.path());
    let a = batch(&c, &dir).assert().code(3);
    let csv = stdout(&a);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "submission,score,max_score,first,second,error,course,course_version,shard,name,id,sis_user_id,sis_login_id,section,email"
    );
    // The course id and its fingerprint on every row; no shard (the whole class), and no
    // roster to say who the students are.
    assert!(lines[1].ends_with(",,,,,,,"), "{}", lines[1]);
    let version = lines[1].rsplit(',').nth(7).unwrap();
    assert_eq!(version.len(), 16, "{}", lines[1]);
    let tail = format!(",t,{version},,,,,,,");
    assert_eq!(lines[1], format!("alice,0,30,not graded,not graded,{tail}"));
    assert!(lines[2].starts_with("bob,,,,,not a folder"), "{}", lines[2]);
    assert!(
        lines[2].contains("[submission/not-a-folder],t,"),
        "{}",
        lines[2]
    );
    assert_eq!(lines[3], format!("carol,0,30,not graded,not graded,{tail}"));
    assert!(
        lines[4].starts_with("dave,,,,,a symbolic link to nothing"),
        "{}",
        lines[4]
    );
    assert_eq!(lines.len(), 5, "hidden folders are not submissions: {csv}");
    let err = stderr(&a);
    assert!(err.contains("graded 2 of 4 submissions"), "{err}");
    assert!(err.contains("2 submissions could not be graded"), "{err}");
}

#[test]
fn batch_that_grades_everything_exits_0_and_writes_the_file() {
    let tmp = tempdir();
    let c = fixture_course(tmp.path());
    let dir = tmp.path().join("class");
    for name in ["s3", "s1", "s2"] {
        submission(&dir, name);
    }
    let out = tmp.path().join("grades.csv");
    let a = batch(&c, &dir)
        .args(["--jobs", "2", "--output"])
        .arg(&out)
        .assert()
        .code(0);
    assert_eq!(stdout(&a), "");
    let csv = std::fs::read_to_string(&out).unwrap();
    let names: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(names, ["s1", "s2", "s3"]);
}

#[test]
fn batch_json_gradebook() {
    let tmp = tempdir();
    let c = fixture_course(tmp.path());
    let dir = class(tmp.path());
    let a = batch(&c, &dir).args(["--format", "json"]).assert().code(3);
    let v: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(v["schema"], "course-gradebook/1");
    assert_eq!(v["course"], "t");
    assert_eq!(v["exercises"], serde_json::json!(["first", "second"]));
    let subs = v["submissions"].as_array().unwrap();
    assert_eq!(subs.len(), 4);
    assert_eq!(subs[0]["submission"], "alice");
    assert_eq!(subs[0]["report"]["schema"], "course-report/1");
    assert!(subs[0]["error"].is_null());
    assert_eq!(subs[1]["submission"], "bob");
    assert!(subs[1]["report"].is_null());
    assert!(subs[1]["error"].as_str().unwrap().contains("not a folder"));
    assert_eq!(subs[1]["error_code"], "submission/not-a-folder");
    assert!(subs[0]["error_code"].is_null());
}

#[test]
fn batch_usage_errors_exit_2() {
    let tmp = tempdir();
    let c = fixture_course(tmp.path());
    let dir = class(tmp.path());
    let a = batch(&c, &dir).args(["--format", "junit"]).assert().code(2);
    assert!(stderr(&a).contains("--format csv"), "{}", stderr(&a));
    let a = batch(&c, &dir).args(["--jobs", "0"]).assert().code(2);
    assert!(stderr(&a).contains("--jobs"));
    let a = batch(&c, &tmp.path().join("nope")).assert().code(2);
    assert!(stderr(&a).contains("no such folder"));
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let a = batch(&c, &empty).assert().code(2);
    assert!(stderr(&a).contains("no submissions"));
    batch(&c, &dir)
        .arg("--workspace")
        .arg(&dir)
        .assert()
        .code(2);
}

/// `course check` prints every format `course grade` has, through the same printers.
#[test]
fn issue7_check_accepts_every_grade_format() {
    let tmp = tempdir();
    let c = tmp.path().join("course");
    crate::common::one_exercise_course(&c, "  - kind: paths\n    files: [README.md]\n");
    let ws = tmp.path().join("ws");
    std::fs::create_dir_all(&ws).unwrap();
    let summary = tmp.path().join("summary.md");
    let check = |format: &str| {
        let a = course()
            .arg("--course")
            .arg(&c)
            .args(["--lang", "en", "check", "--workspace"])
            .arg(&ws)
            .args(["--format", format])
            .env("GITHUB_STEP_SUMMARY", &summary)
            .assert()
            .code(1);
        stdout(&a)
    };
    let junit = check("junit");
    let parsed = quick_junit::Report::deserialize_from_str(&junit).expect("valid JUnit XML");
    assert_eq!(parsed.failures, 1, "{junit}");
    assert!(junit.contains("README.md"), "{junit}");
    let gs: serde_json::Value = serde_json::from_str(&check("gradescope")).unwrap();
    assert_eq!(gs["tests"][0]["status"], "failed");
    let c50: serde_json::Value = serde_json::from_str(&check("classroom50")).unwrap();
    assert_eq!(c50["tests"][0]["passed"], false);
    assert_eq!(
        check("csv"),
        "submission,score,max_score,ex,error\r\nws,0,20,0,\r\n"
    );
    let json: serde_json::Value = serde_json::from_str(&check("json")).unwrap();
    assert_eq!(json["exercises"][0]["status"], "fail");
    assert!(check("text").contains("README.md"));
    assert!(!summary.exists(), "only the github format writes a summary");
    let gh = check("github");
    assert!(gh.starts_with("::error file=README.md"), "{gh}");
    let written = std::fs::read_to_string(&summary).unwrap();
    assert!(written.contains("README.md"), "{written}");
}

#[test]
fn issue8_control_characters_in_folder_names_never_reach_the_batch_csv() {
    let tmp = tempdir();
    let c = fixture_course(tmp.path());
    let dir = tmp.path().join("class");
    submission(&dir, "eve\u{1b}[2J\u{9b}31m\u{7}");
    let a = batch(&c, &dir).assert().code(0);
    let csv = stdout(&a);
    assert!(!csv.contains(['\u{1b}', '\u{9b}', '\u{7}']), "{csv:?}");
    assert!(csv.contains("eve\\e[2J\\u{9b}31m\\x07,"), "{csv:?}");
}
