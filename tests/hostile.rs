//! Issue 8, item 5: workspaces and files built to break `course`. Each reproducer from the
//! hostile-input run is a test through the real binary: a clear message and a documented
//! exit code, never a panic, a stack overflow or a hang. (Time is bounded by construction;
//! `scripts/hostile-timings` measures it.)

use crate::common::*;

/// `lesson --file` on `text`: exit code and output.
fn lesson_file(text: &str) -> (i32, String) {
    let dir = tempdir();
    let file = write(dir.path(), "deep.md", text);
    let out = course()
        .args(["lesson", "--no-pager", "--width", "60", "--file"])
        .arg(&file)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// The words of rendered text, without quote bars, bullets and line breaks.
fn words(out: &str) -> String {
    out.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn issue8_ten_thousand_nested_quotes_render_flat_after_a_note() {
    let (code, out) = lesson_file(&format!("{}깊은 인용\n", "> ".repeat(10_000)));
    assert_eq!(code, 0, "{out}");
    assert!(words(&out).contains("deeper nesting shown flat"), "{out}");
    assert!(out.contains("인용"), "{out}");
    assert!(out.lines().all(|l| l.chars().count() <= 60), "{out}");
}

#[test]
fn issue8_ten_thousand_nested_list_items_render_flat_after_a_note() {
    let (code, out) = lesson_file(&format!("{}deep item\n", "- ".repeat(10_000)));
    assert_eq!(code, 0, "{out}");
    assert!(words(&out).contains("deeper nesting shown flat"), "{out}");
    assert!(out.contains("item"), "{out}");
    let (code, out) = lesson_file(&" -\n".repeat(9_355));
    assert_eq!(code, 0, "{out}");
}

#[test]
fn issue8_nesting_within_the_limit_has_no_note() {
    let (code, out) = lesson_file("> > - 하나\n>   - 둘\n");
    assert_eq!(code, 0);
    assert!(!out.contains("shown flat"), "{out}");
    assert!(out.contains("하나") && out.contains("둘"), "{out}");
}

#[cfg(unix)]
#[test]
fn issue8_lesson_file_reads_only_regular_files() {
    let dir = tempdir();
    let fifo = dir.path().join("lesson.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    for path in [fifo.as_path(), std::path::Path::new("/dev/urandom")] {
        course()
            .args(["--lang", "en", "lesson", "--no-pager", "--file"])
            .arg(path)
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(predicates::str::contains(path.display().to_string()))
            .stderr(predicates::str::contains("not a regular file"));
    }
    let big = write(dir.path(), "big.md", &"가".repeat(400_000));
    course()
        .args(["--lang", "en", "lesson", "--no-pager", "--file"])
        .arg(&big)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("big.md"))
        .stderr(predicates::str::contains("at most 1 MiB"));
}

/// `course check` of a one-exercise course with `checks` on workspace `ws`: exit code and
/// the exercise's findings.
fn check_one(checks: &str, ws: &std::path::Path) -> (i32, Vec<serde_json::Value>) {
    let dir = tempdir();
    one_exercise_course(dir.path(), checks);
    let (code, json) = check_report(dir.path(), ws, "en", &[] as &[(&str, &str)]);
    let findings = json["exercises"][0]["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    (code, findings)
}

/// The findings whose message contains `text`.
fn with_message<'a>(findings: &'a [serde_json::Value], text: &str) -> Vec<&'a serde_json::Value> {
    findings
        .iter()
        .filter(|f| f["message"].as_str().unwrap_or("").contains(text))
        .collect()
}

#[test]
fn issue8_deeply_nested_config_yaml_is_a_finding_not_a_hang() {
    let ws = tempdir();
    write(ws.path(), "configs/base.yaml", &"{a: ".repeat(250_000));
    write(
        ws.path(),
        "configs/ok.yaml",
        "lr: [0.1, 0.01]\nmodel: {name: \"[x]\"}\n",
    );
    let (code, findings) = check_one("  - kind: config-files\n    dir: configs\n", ws.path());
    assert_eq!(code, 1, "{findings:#?}");
    let deep = with_message(&findings, "nested too deep");
    assert_eq!(deep.len(), 1, "{findings:#?}");
    assert_eq!(deep[0]["file"], "configs/base.yaml");
    assert_eq!(deep[0]["code"], "yaml/too-deep");
    assert_eq!(deep[0]["line"], 1);
    assert!(
        with_message(&findings, "ok.yaml").is_empty(),
        "{findings:#?}"
    );
}

#[test]
fn issue8_deeply_nested_answers_yaml_is_a_finding() {
    let ws = tempdir();
    write(
        ws.path(),
        "answers.yaml",
        &format!("q1:\n  choice: {}\n", "[".repeat(100_000)),
    );
    let checks = "  - kind: choices\n    file: answers.yaml\n    options: {a: [a], b: [b]}\n    questions:\n      - {key: q1, expected: a, prompt: Q}\n";
    let (code, findings) = check_one(checks, ws.path());
    assert_eq!(code, 1, "{findings:#?}");
    let deep = with_message(&findings, "nested too deep");
    assert_eq!(deep.len(), 1, "{findings:#?}");
    assert_eq!(deep[0]["line"], 2);
    assert_eq!(deep[0]["code"], "yaml/too-deep");
}

#[test]
fn issue8_deeply_nested_exercise_file_is_a_course_error() {
    let dir = tempdir();
    one_exercise_course(dir.path(), &format!("  - {}\n", "[".repeat(100_000)));
    // Loading the course stops with a usage error (2); `validate` reports it as a problem (1).
    load_and_validate_refuse(dir.path(), &["exercise.yaml:6:", "nested too deep"]);
}

const GIT_CHECKS: &str = "  - kind: gitignore\n    must_ignore: [{path: data/x.csv, pattern: data/}]\n  - kind: git-history\n    min_commits: 1\n";

/// A committed repository in `dir` that ignores `data/`.
fn repo(dir: &std::path::Path) {
    std::fs::create_dir_all(dir).unwrap();
    git_init(dir);
    write(dir, "train.py", "print('학습')\n");
    git(dir, &["add", "train.py"]);
    git(dir, &["commit", "-q", "-m", "First commit"]);
}

#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success());
}

/// `course grade --format json` of `ws` with [`GIT_CHECKS`]: exit code and findings.
fn grade_one(ws: &std::path::Path) -> (i32, Vec<serde_json::Value>) {
    let dir = tempdir();
    one_exercise_course(dir.path(), GIT_CHECKS);
    let out = course()
        .arg("--course")
        .arg(dir.path())
        .args(["grade", "--format", "json", "--workspace"])
        .arg(ws)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&out.stderr));
    });
    let findings = json["exercises"][0]["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    (out.status.code().unwrap_or(-1), findings)
}

#[cfg(unix)]
#[test]
fn issue8_fifos_git_would_read_are_findings_not_hangs() {
    type Setup = fn(&std::path::Path);
    let cases: [(&str, Setup, &str); 5] = [
        (
            ".gitignore",
            |ws| mkfifo(&ws.join(".gitignore")),
            ".gitignore",
        ),
        (
            "data/.gitignore",
            |ws| {
                std::fs::create_dir_all(ws.join("data")).unwrap();
                mkfifo(&ws.join("data/.gitignore"));
            },
            "data/.gitignore",
        ),
        (
            "info/exclude",
            |ws| {
                let exclude = ws.join(".git/info/exclude");
                let _ = std::fs::remove_file(&exclude);
                std::fs::create_dir_all(exclude.parent().unwrap()).unwrap();
                mkfifo(&exclude);
            },
            ".git/info/exclude",
        ),
        (
            "include",
            |ws| {
                mkfifo(&ws.join("inc.cfg"));
                git(ws, &["config", "include.path", "../inc.cfg"]);
            },
            "inc.cfg",
        ),
        (
            "excludesFile",
            |ws| {
                mkfifo(&ws.join("ignore.fifo"));
                git(ws, &["config", "core.excludesFile", "ignore.fifo"]);
            },
            "ignore.fifo",
        ),
    ];
    for (name, setup, shown) in cases {
        let tmp = tempdir();
        let ws = tmp.path().join("ws");
        repo(&ws);
        setup(&ws);
        let (code, findings) = grade_one(&ws);
        assert_eq!(code, 1, "{name}: {findings:#?}");
        let bad = with_message(&findings, "is not a regular file");
        assert_eq!(bad.len(), 1, "{name}: {findings:#?}");
        assert_eq!(bad[0]["file"], shown, "{name}");
        assert_eq!(bad[0]["code"], "git/not-regular-file", "{name}");
        assert!(bad[0]["hint"].as_str().unwrap().contains("rm "), "{name}");
    }
}

#[cfg(unix)]
#[test]
fn issue8_a_fifo_in_one_submission_does_not_stop_the_batch() {
    let tmp = tempdir();
    let c = tmp.path().join("course");
    one_exercise_course(&c, GIT_CHECKS);
    let class = tmp.path().join("class");
    for name in ["alice", "bob"] {
        repo(&class.join(name));
        write(&class.join(name), ".gitignore", "data/\n");
        git(&class.join(name), &["add", ".gitignore"]);
        git(&class.join(name), &["commit", "-q", "-m", "Ignore data"]);
    }
    std::fs::remove_file(class.join("bob/.gitignore")).unwrap();
    mkfifo(&class.join("bob/.gitignore"));
    let out = course()
        .arg("--course")
        .arg(&c)
        .args(["grade", "--batch"])
        .arg(&class)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let csv = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{csv}");
    assert!(csv.contains("\nalice,20,20,20,"), "{csv}");
    assert!(csv.contains("\nbob,0,20,0,"), "{csv}");
}

/// The grader's own git config is checked once per batch (issue 7), but a relative
/// `core.excludesFile` in it names a file in each work tree: a FIFO there is still found in
/// the one submission that has it, and the others are graded.
#[cfg(unix)]
#[test]
fn issue7_a_relative_global_excludes_file_is_checked_in_each_submission() {
    let tmp = tempdir();
    let c = tmp.path().join("course");
    one_exercise_course(&c, GIT_CHECKS);
    let home = tmp.path().join("home");
    write(
        &home,
        ".gitconfig",
        "[core]\n\texcludesFile = ignore.fifo\n",
    );
    let class = tmp.path().join("class");
    for name in ["alice", "bob", "carol"] {
        repo(&class.join(name));
        write(&class.join(name), ".gitignore", "data/\n");
        git(&class.join(name), &["add", ".gitignore"]);
        git(&class.join(name), &["commit", "-q", "-m", "Ignore data"]);
    }
    mkfifo(&class.join("bob/ignore.fifo"));
    let out = course()
        .arg("--course")
        .arg(&c)
        .args(["grade", "--batch"])
        .arg(&class)
        .env("HOME", &home)
        .env_remove("XDG_CONFIG_HOME")
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let csv = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{csv}");
    assert!(csv.contains("\nalice,20,20,20,"), "{csv}");
    assert!(csv.contains("\nbob,0,20,0,"), "{csv}");
    assert!(csv.contains("\ncarol,20,20,20,"), "{csv}");
}

#[cfg(unix)]
#[test]
fn issue8_a_git_link_out_of_the_submission_is_refused_when_grading() {
    let tmp = tempdir();
    let other = tmp.path().join("instructor");
    repo(&other);
    for n in 2..=5 {
        write(&other, "train.py", &format!("print({n})\n"));
        git(&other, &["commit", "-q", "-am", &format!("Change {n}")]);
    }
    // A `.git` symbolic link, and a `gitdir:` file.
    let linked = tmp.path().join("linked");
    std::fs::create_dir_all(&linked).unwrap();
    std::os::unix::fs::symlink(other.join(".git"), linked.join(".git")).unwrap();
    let gitdir = tmp.path().join("gitdir");
    write(
        &gitdir,
        ".git",
        &format!("gitdir: {}\n", other.join(".git").display()),
    );
    for ws in [&linked, &gitdir] {
        let (code, findings) = grade_one(ws);
        assert_eq!(code, 1, "{findings:#?}");
        let out = with_message(&findings, "outside");
        assert_eq!(out.len(), 1, "{findings:#?}");
        assert_eq!(out[0]["file"], ".git");
        assert_eq!(out[0]["code"], "git/outside-workspace");
    }
}

#[cfg(unix)]
#[test]
fn issue8_honest_repositories_and_worktrees_still_pass() {
    let tmp = tempdir();
    let ws = tmp.path().join("ws");
    repo(&ws);
    write(&ws, ".gitignore", "# 데이터는 올리지 않는다\ndata/\n");
    git(&ws, &["config", "core.excludesFile", "/dev/null"]);
    git(&ws, &["add", ".gitignore"]);
    git(&ws, &["commit", "-q", "-m", "Ignore data"]);
    let (code, findings) = grade_one(&ws);
    assert_eq!(code, 0, "{findings:#?}");
    // A learner's worktree (a `gitdir:` file leading to the main repository) is checked
    // as git sees it.
    let wt = tmp.path().join("wt");
    git(&ws, &["worktree", "add", "-q", wt.to_str().unwrap()]);
    let (code, json) = check_report(
        &{
            let c = tmp.path().join("course");
            one_exercise_course(&c, GIT_CHECKS);
            c
        },
        &wt,
        "ko",
        &[("GIT_CONFIG_GLOBAL", "/dev/null")],
    );
    assert_eq!(code, 0, "{json:#}");
}

/// A shell line that starts two background jobs and returns: one holds the output pipes for
/// 100 s, the other leaves `marker` behind if it is still alive after a second.
#[cfg(unix)]
fn background_jobs(marker: &std::path::Path) -> String {
    // The second job touches the marker only once the script (`$$`, which `exec` makes the
    // interpreter) has exited, so a slow machine cannot make it write while the sandbox still
    // watches (it did at load 19: `sandbox/denied` instead of `sandbox/left-running`); then it
    // waits a second more, the time `course` has to end the job after the script ended.
    format!(
        "sleep 100 &\n(while kill -0 $$ 2>/dev/null; do sleep 0.1; done; sleep 1; touch '{}') &\n",
        marker.display()
    )
}

#[cfg(unix)]
#[test]
fn issue8_a_forking_interpreter_neither_stalls_the_check_nor_outlives_it() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempdir();
    let ws = tmp.path().join("ws");
    let env = venv(&ws, ".venv");
    stub_package(&env, "torch", "2.3.0");
    stub_package(&env, "numpy", "1.26.4");
    // The interpreter is a wrapper script: background jobs, then the real python.
    let marker = tmp.path().join("job-survived");
    let python = env.join("bin/python");
    std::fs::remove_file(&python).unwrap();
    let script = format!(
        "#!/bin/sh\n{}exec \"$(dirname \"$0\")/python3\" \"$@\"\n",
        background_jobs(&marker)
    );
    std::fs::write(&python, script).unwrap();
    std::fs::set_permissions(&python, std::fs::Permissions::from_mode(0o755)).unwrap();
    let c = tmp.path().join("course");
    one_exercise_course(&c, "  - kind: python-env\n    modules: [torch, numpy]\n");
    let out = course()
        .arg("--course")
        .arg(&c)
        .args(["check", "--format", "json", "--workspace"])
        .arg(&ws)
        // Well under the check's own 120 s: waiting on the job's pipe would fail here.
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Issue 12: the jobs left behind are said (could not grade), not passed over.
    assert_eq!(out.status.code(), Some(3), "{stdout}");
    assert!(stdout.contains("sandbox/left-running"), "{stdout}");
    std::thread::sleep(std::time::Duration::from_secs(2));
    assert!(
        !marker.exists(),
        "a background job of the interpreter outlived the check"
    );
}

#[cfg(unix)]
#[test]
fn issue8_a_forking_setup_sh_neither_stalls_validate_nor_outlives_it() {
    let tmp = tempdir();
    let c = tmp.path().join("course");
    one_exercise_course(&c, "  - kind: paths\n    files: [notes.md]\n");
    let marker = tmp.path().join("job-survived");
    let fixtures = c.join("exercises/ex/fixtures");
    write(&fixtures, "pass/done/notes.md", "# 노트\n");
    write(
        &fixtures,
        "pass/done/setup.sh",
        &format!("{}echo ready\n", background_jobs(&marker)),
    );
    write(&fixtures, "fail/empty/.keep", "");
    let out = course()
        .arg("validate")
        .arg(&c)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0), "{text}");
    std::thread::sleep(std::time::Duration::from_secs(2));
    assert!(
        !marker.exists(),
        "a background job of setup.sh outlived validate"
    );
}

#[cfg(unix)]
#[test]
fn issue8_nothing_is_written_through_a_course_link_that_leaves_the_workspace() {
    let tmp = tempdir();
    let c = tmp.path().join("course");
    one_exercise_course(&c, "  - kind: paths\n    files: [notes.md]\n");
    let outside = tmp.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    // `.course` itself a link, then `.course/cache` a link.
    let linked = tmp.path().join("linked");
    std::fs::create_dir_all(&linked).unwrap();
    std::os::unix::fs::symlink(&outside, linked.join(".course")).unwrap();
    let cached = tmp.path().join("cached");
    std::fs::create_dir_all(cached.join(".course")).unwrap();
    std::os::unix::fs::symlink(&outside, cached.join(".course/cache")).unwrap();
    let runs: [(&std::path::Path, &[&str]); 4] = [
        (&linked, &["init"]),
        (&linked, &["lesson", "1"]),
        (&linked, &["check"]),
        (&cached, &["check"]),
    ];
    for (ws, args) in runs {
        let out = course()
            .arg("--course")
            .arg(&c)
            .args(["--workspace"])
            .arg(ws)
            .args(args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("is a symbolic link"), "{args:?}: {err}");
        assert!(err.contains(".course"), "{args:?}: {err}");
    }
    assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0);
    // An honest workspace keeps its progress in its own `.course/`.
    let honest = tmp.path().join("honest");
    std::fs::create_dir_all(&honest).unwrap();
    course()
        .arg("--course")
        .arg(&c)
        .arg("--workspace")
        .arg(&honest)
        .arg("init")
        .assert()
        .success();
    assert!(honest.join(".course/state.yaml").is_file());
}

#[test]
fn issue8_course_paths_that_leave_the_workspace_are_rejected() {
    let dir = tempdir();
    for (checks, path) in [
        (
            "  - kind: paths\n    files: [README.md, /etc/passwd]\n",
            "/etc/passwd",
        ),
        (
            "  - kind: mentions\n    file: ../../etc/hostname\n    words: [x]\n",
            "../../etc/hostname",
        ),
        (
            "  - kind: gitignore\n    must_ignore: [{path: 'data/../../x', pattern: x}]\n",
            "data/../../x",
        ),
    ] {
        let c = dir.path().join("course");
        let _ = std::fs::remove_dir_all(&c);
        one_exercise_course(&c, checks);
        let what = format!("`{path}` leads out of the workspace");
        load_and_validate_refuse(&c, &[&what, "exercise.yaml"]);
    }
    // Paths inside, even with `.` and folders, load.
    let c = dir.path().join("course");
    let _ = std::fs::remove_dir_all(&c);
    one_exercise_course(
        &c,
        "  - kind: paths\n    files: [./README.md, src/model/__init__.py]\n",
    );
    course()
        .arg("--course")
        .arg(&c)
        .arg("list")
        .assert()
        .success();
}

/// `course --course C list` (expected to exit 2) and `course validate C` (expected to exit 1):
/// both must say everything in `what` (the broken file, the problem).
fn load_and_validate_refuse(c: &std::path::Path, what: &[&str]) {
    let load = course()
        .args(["--lang", "en", "--course"])
        .arg(c)
        .arg("list")
        .output()
        .unwrap();
    let validate = course()
        .args(["--lang", "en", "validate"])
        .arg(c)
        .output()
        .unwrap();
    for (out, code) in [(load, 2), (validate, 1)] {
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(code), "{text}");
        for w in what {
            assert!(text.contains(w), "{w}: {text}");
        }
    }
}
