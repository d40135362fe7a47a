//! Issue 10: `course doctor` through the real binary: what it sees in real workspaces (a venv
//! with stub packages, real git repositories, a shallow clone), the reasons behind colour and
//! language, programs missing from PATH, and each problem with its fix and stable code.

use std::path::Path;

use crate::common::*;
use predicates::prelude::*;
use serde_json::Value;

/// `course doctor --format json` in `dir` with `args` and `env`: exit code and document.
fn doctor(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, Value) {
    let mut cmd = course_in(dir);
    cmd.env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE")
        .args(args)
        .args(["doctor", "--format", "json"]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert_eq!(doc["schema"], "course-doctor/1");
    (out.status.code().unwrap(), doc)
}

fn codes(doc: &Value) -> Vec<String> {
    doc["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap().to_string())
        .collect()
}

fn blocked_by(doc: &Value, id: &str) -> Vec<String> {
    exercise(doc, id)["blocked_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect()
}

/// An initialised workspace with a venv holding torch and numpy stubs, and a git repository
/// with two commits.
fn ready_workspace() -> tempfile::TempDir {
    let ws = init_workspace("en");
    let env = venv(ws.path(), ".venv");
    stub_package(&env, "torch", "2.3.0");
    stub_package(&env, "numpy", "1.26.4");
    write(ws.path(), ".gitignore", ".venv/\n");
    write(ws.path(), "README.md", "# project\n");
    git_init(ws.path());
    git(ws.path(), &["add", "."]);
    git(ws.path(), &["commit", "-q", "-m", "start"]);
    write(ws.path(), "README.md", "# project\n\nmore\n");
    git(ws.path(), &["commit", "-q", "-am", "more"]);
    ws
}

#[test]
fn issue10_doctor_in_a_ready_workspace_finds_no_problem() {
    let ws = ready_workspace();
    let (code, doc) = doctor(ws.path(), &[], &[]);
    assert_eq!(code, 0, "{doc:#}");
    assert!(codes(&doc).is_empty(), "{doc:#}");
    assert_eq!(doc["course"]["id"], "python-ecosystem");
    assert_eq!(doc["course"]["source"], "built-in");
    assert_eq!(doc["course"]["version"].as_str().unwrap().len(), 16);
    let w = &doc["workspace"];
    assert_eq!(w["initialised"], true);
    assert_eq!(w["progress"], "ok");
    assert_eq!(w["git"]["repository"], true);
    assert_eq!(w["git"]["shallow"], false);
    let env = &w["environment"];
    assert_eq!(env["status"], "found");
    assert_eq!(env["kind"], "venv");
    assert_eq!(env["found_by"], "workspace");
    assert!(
        env["version"].as_str().unwrap().starts_with("Python 3"),
        "{env}"
    );
    assert!(env["path"].as_str().unwrap().ends_with(".venv"));
    for p in doc["programs"].as_array().unwrap() {
        if p["name"] != "conda" {
            assert_eq!(p["found"], true, "{p}");
            assert!(p["version"].is_string(), "{p}");
        }
    }
    for ex in doc["exercises"].as_array().unwrap() {
        assert_eq!(ex["checkable"], true, "{ex}");
    }
    // The language is the saved one, and says so.
    assert_eq!(doc["language"]["lang"], "en");
    assert_eq!(doc["language"]["reason"], "saved");
    // Text: one line per fact, and the verdict.
    course_in(ws.path())
        .env("LANG", "C.UTF-8")
        .arg("doctor")
        .assert()
        .success()
        .stdout(predicate::str::contains("Environment: .venv (Python 3."))
        .stdout(predicate::str::contains("): the first environment folder"))
        .stdout(predicate::str::contains("(full history)"))
        .stdout(predicate::str::contains("No problems found."));
}

#[test]
fn issue10_doctor_names_each_problem_with_its_fix() {
    // Outside a workspace: every exercise waits for one.
    let dir = tempdir();
    let (code, doc) = doctor(dir.path(), &["--lang", "en"], &[]);
    assert_eq!(code, 1);
    assert!(doc["workspace"].is_null());
    assert_eq!(codes(&doc), ["workspace/none"]);
    assert_eq!(blocked_by(&doc, "requirements"), ["workspace/none"]);
    assert!(doc["problems"][0]["fix"]
        .as_str()
        .unwrap()
        .contains("course init"));

    // A workspace with no environment and no repository, in Korean.
    let ws = init_workspace("ko");
    let (code, doc) = doctor(ws.path(), &[], &[]);
    assert_eq!(code, 1);
    assert_eq!(codes(&doc), ["git/not-a-repo", "env/not-found"]);
    assert_eq!(blocked_by(&doc, "environment"), ["env/not-found"]);
    assert_eq!(blocked_by(&doc, "git-workflow"), ["git/not-a-repo"]);
    assert_eq!(exercise(&doc, "requirements")["checkable"], true);
    let looked = doc["workspace"]["environment"]["why"].as_array().unwrap();
    assert!(
        looked
            .iter()
            .any(|l| l.as_str().unwrap().contains("$VIRTUAL_ENV")),
        "{looked:?}"
    );
    course_in(ws.path())
        .env("LANG", "C.UTF-8")
        .arg("doctor")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("문제 2개"))
        // Commands in a fix are on lines of their own (issue 9).
        .stdout(predicate::str::contains(
            "해결: 작업 폴더에서:\n        git init -b main\n",
        ))
        .stdout(predicate::str::contains("python3 -m venv .venv"));

    // A damaged progress file does not stop the doctor: it is one more problem.
    write(ws.path(), ".course/state.yaml", "lessons_read: [\n");
    let (code, doc) = doctor(ws.path(), &["--lang", "en"], &[]);
    assert_eq!(code, 1);
    assert_eq!(doc["workspace"]["progress"], "damaged");
    assert!(codes(&doc).contains(&"workspace/progress-damaged".to_string()));
}

#[test]
fn issue10_doctor_sees_a_shallow_clone() {
    let origin = ready_workspace();
    let parent = tempdir();
    let url = format!("file://{}", origin.path().display());
    git(
        parent.path(),
        &["clone", "-q", "--depth", "1", &url, "clone"],
    );
    let clone = parent.path().join("clone");
    let (code, doc) = doctor(
        &clone,
        &["--lang", "en", "--workspace", clone.to_str().unwrap()],
        &[],
    );
    assert_eq!(code, 1);
    assert_eq!(doc["workspace"]["git"]["shallow"], true);
    assert!(codes(&doc).contains(&"git/shallow".to_string()), "{doc:#}");
    assert!(blocked_by(&doc, "git-workflow").contains(&"git/shallow".to_string()));
    let fix = &doc["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "git/shallow")
        .unwrap()["fix"];
    assert_eq!(
        fix,
        "fetch the whole history, in the workspace:\n  git fetch --unshallow"
    );
}

#[test]
fn issue10_doctor_says_why_colour_and_language_are_what_they_are() {
    let dir = tempdir();
    let colour = |args: &[&str], env: &[(&str, &str)]| {
        let (_, doc) = doctor(dir.path(), args, env);
        (
            doc["terminal"]["color"].as_bool().unwrap(),
            doc["terminal"]["color_reason"]
                .as_str()
                .unwrap()
                .to_string(),
        )
    };
    assert_eq!(colour(&[], &[]), (false, "not-a-terminal".into()));
    assert_eq!(
        colour(&[], &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]),
        (false, "no-color".into())
    );
    assert_eq!(
        colour(&[], &[("CLICOLOR_FORCE", "1")]),
        (true, "clicolor-force".into())
    );
    assert_eq!(
        colour(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]),
        (false, "flag-never".into())
    );
    assert_eq!(
        colour(&["--color", "always"], &[]),
        (true, "flag-always".into())
    );
    assert_eq!(
        colour(&["--plain"], &[("CLICOLOR_FORCE", "1")]),
        (false, "accessible".into())
    );

    let language = |args: &[&str], env: &[(&str, &str)]| {
        let (_, doc) = doctor(dir.path(), args, env);
        (
            doc["language"]["lang"].as_str().unwrap().to_string(),
            doc["language"]["reason"].as_str().unwrap().to_string(),
        )
    };
    assert_eq!(language(&[], &[]), ("ko".into(), "course-default".into()));
    assert_eq!(
        language(&[], &[("COURSE_LANG", "en")]),
        ("en".into(), "course-lang".into())
    );
    assert_eq!(
        language(&["--lang", "en"], &[("COURSE_LANG", "ko")]),
        ("en".into(), "flag".into())
    );

    // A locale that is not UTF-8 is a problem with a fix; LC_ALL wins over LANG.
    let (_, doc) = doctor(dir.path(), &["--lang", "en"], &[("LC_ALL", "C")]);
    assert_eq!(doc["language"]["locale_variable"], "LC_ALL");
    assert_eq!(doc["language"]["utf8"], false);
    assert!(codes(&doc).contains(&"locale/not-utf8".to_string()));
    // Width: the flag, else COLUMNS when not on a terminal.
    let (_, doc) = doctor(dir.path(), &["--width", "100"], &[]);
    assert_eq!(
        (
            doc["terminal"]["width"].as_u64(),
            doc["terminal"]["width_from"].as_str()
        ),
        (Some(100), Some("flag"))
    );
    let (_, doc) = doctor(dir.path(), &[], &[("COLUMNS", "70")]);
    assert_eq!(
        (
            doc["terminal"]["width"].as_u64(),
            doc["terminal"]["width_from"].as_str()
        ),
        (Some(70), Some("columns"))
    );
}

#[cfg(unix)]
#[test]
fn issue10_doctor_without_python3_or_git_on_path() {
    let ws = init_workspace("en");
    let empty = tempdir();
    let (code, doc) = doctor(ws.path(), &[], &[("PATH", empty.path().to_str().unwrap())]);
    assert_eq!(code, 1);
    let c = codes(&doc);
    assert!(c.contains(&"python3/not-found".to_string()), "{c:?}");
    assert!(c.contains(&"git/not-found".to_string()), "{c:?}");
    assert!(blocked_by(&doc, "git-workflow").contains(&"git/not-found".to_string()));
    for p in doc["programs"].as_array().unwrap() {
        assert_eq!(p["found"], false, "{p}");
    }
}

#[test]
fn issue10_doctor_uses_an_activated_environment_and_says_so() {
    let ws = init_workspace("en");
    let outside = tempdir();
    let env = venv(outside.path(), "myenv");
    let (_, doc) = doctor(ws.path(), &[], &[("VIRTUAL_ENV", env.to_str().unwrap())]);
    let e = &doc["workspace"]["environment"];
    assert_eq!(e["status"], "found");
    assert_eq!(e["found_by"], "virtual-env");
    assert!(e["why"][0].as_str().unwrap().contains("activated"), "{e}");
}

#[test]
fn issue10_doctor_on_a_real_terminal_sees_its_width_and_colour() {
    let ws = init_workspace("en");
    let tmux = Tmux::start(ws.path(), &course_line("doctor"));
    let screen = tmux.wait_for("[exit ");
    assert!(screen.contains("Output: a terminal"), "{screen}");
    assert!(screen.contains("Width: 80 columns (terminal)"), "{screen}");
    assert!(
        screen.contains("Colour: on: stdout is a terminal"),
        "{screen}"
    );
}

#[cfg(unix)]
#[test]
fn issue10_doctor_does_not_wait_for_a_python3_that_hangs() {
    use std::os::unix::fs::PermissionsExt;
    let ws = init_workspace("en");
    let bin = tempdir();
    let fake = write(bin.path(), "python3", "#!/bin/sh\nsleep 60\n");
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap()
    );
    let start = std::time::Instant::now();
    let (code, doc) = doctor(ws.path(), &[], &[("PATH", &path)]);
    assert!(
        start.elapsed() < std::time::Duration::from_secs(40),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(code, 1);
    let problem = doc["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "python3/not-working")
        .unwrap_or_else(|| panic!("{doc:#}"));
    assert!(
        problem["message"]
            .as_str()
            .unwrap()
            .contains("did not finish in 10 s"),
        "{problem}"
    );
    let python = &doc["programs"][0];
    assert_eq!(python["name"], "python3");
    assert_eq!(python["path"], fake.display().to_string());
}

/// The `env/not-found` fix of `course doctor` in `ws` (language from `args`).
fn env_fix(ws: &Path, args: &[&str]) -> String {
    let (_, doc) = doctor(ws, args, &[]);
    let problems = doc["problems"].as_array().unwrap();
    let p = problems
        .iter()
        .find(|p| p["code"] == "env/not-found")
        .unwrap_or_else(|| panic!("no env/not-found: {doc:#}"));
    p["fix"].as_str().unwrap().to_string()
}

/// Issue 9: `pip install -r requirements.txt` is suggested only when the file is there. A
/// fresh workspace gets the packages by name; a learner on the requirements exercise is told
/// to write the file first; with the file, it installs from it. Both languages.
#[test]
fn issue9_doctor_suggests_requirements_txt_only_when_it_fits() {
    let ws = init_workspace("en");
    let fresh = env_fix(ws.path(), &[]);
    assert!(
        fresh.contains("\n  .venv/bin/python -m pip install torch numpy\n"),
        "{fresh}"
    );
    assert!(!fresh.contains("requirements"), "{fresh}");
    let ko = env_fix(ws.path(), &["--lang", "ko"]);
    assert!(ko.starts_with("작업 폴더에 환경을 만드십시오:"), "{ko}");
    assert!(ko.contains("-m pip install torch numpy\n"), "{ko}");

    // On the requirements exercise (named in `course check`), without the file yet.
    course_in(ws.path())
        .args(["check", "requirements"])
        .assert()
        .code(1);
    let on_it = env_fix(ws.path(), &[]);
    assert!(
        on_it.starts_with("write requirements.txt first (the exercise you are on: "),
        "{on_it}"
    );
    assert!(
        on_it.contains("\n  .venv/bin/python -m pip install -r requirements.txt\n"),
        "{on_it}"
    );
    let ko = env_fix(ws.path(), &["--lang", "ko"]);
    assert!(
        ko.starts_with("먼저 requirements.txt를 작성하십시오"),
        "{ko}"
    );
    // Put aside: by name again.
    course_in(ws.path())
        .args(["skip", "requirements"])
        .assert()
        .success();
    assert!(env_fix(ws.path(), &[]).contains("-m pip install torch numpy\n"));

    // With the file: from it.
    write(ws.path(), "requirements.txt", "numpy>=1.26  # arrays\n");
    let from_file = env_fix(ws.path(), &[]);
    assert!(
        from_file.starts_with("make one in the workspace:\n  python3 -m venv .venv\n  .venv/bin/python -m pip install -r requirements.txt\n"),
        "{from_file}"
    );
}

/// Issue 9: why git cannot open the repository is said in Korean too (it was English inside
/// a Korean sentence).
#[test]
fn issue9_doctor_explains_a_bare_repository_in_korean() {
    let ws = init_workspace("ko");
    git(ws.path(), &["init", "-q", "--bare", ".git"]);
    let (code, doc) = doctor(ws.path(), &[], &[]);
    assert_eq!(code, 1);
    let error = doc["workspace"]["git"]["error"].as_str().unwrap();
    assert!(
        error.ends_with("은 작업 트리가 없는 bare 저장소입니다"),
        "{error}"
    );
    let (_, doc) = doctor(ws.path(), &["--lang", "en"], &[]);
    let error = doc["workspace"]["git"]["error"].as_str().unwrap();
    assert!(error.ends_with(" is a bare repository"), "{error}");
}

/// Issue 9: the environment's Python version stands beside the folder it belongs to
/// (`.venv (Python 3.11.7): ...`), not loose after the reason's parenthesis, where in Korean it
/// wrapped onto a line of its own.
#[test]
fn issue9_doctor_puts_the_python_version_beside_the_environment() {
    let ws = ready_workspace();
    for (lang, label, reason) in [
        (
            "en",
            "Environment: .venv (Python 3.",
            "): the first environment folder",
        ),
        (
            "ko",
            "가상환경: .venv (Python 3.",
            "): 작업 폴더에서 처음 찾은 환경 폴더",
        ),
    ] {
        let (out, _) = texts(
            course_in(ws.path()).args(["--lang", lang, "--width", "80", "doctor"]),
            0,
        );
        let line = out
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no {label:?} line:\n{out}"));
        assert!(line.contains(reason), "{line}\n{out}");
        // Nothing after the reason: the next line is the reason's own end or the next item.
        assert!(
            !out.lines().any(|l| l.trim_start().starts_with("Python 3.")),
            "{out}"
        );
        assert!(
            !out.contains("first) Python") && !out.contains("먼저) Python"),
            "{out}"
        );
    }
}
