//! Issue 12: hostile interpreters. A submission's `.venv/bin/python` is a shell or Python
//! script that opens a socket, writes outside its folder, fork-bombs (bounded: this machine
//! is shared), allocates 8 GB, loops forever, leaves a child running, or reads the grader's
//! files and variables. Each gets its own `error` finding (could not grade), `course` does
//! not wait on it, nothing is written outside and no process is left.
#![cfg(target_os = "linux")]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::common::*;

/// A workspace whose interpreter is `script` (the real venv's `python3` stays beside it),
/// and a course with one python-env check of a standard module.
fn hostile(script: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempdir();
    let ws = tmp.path().join("ws");
    let env = venv(&ws, ".venv");
    let script = script.replace("{py3}", &env.join("bin/python3").display().to_string());
    replace_interpreter(&env, &script);
    let c = tmp.path().join("course");
    one_exercise_course(&c, "  - kind: python-env\n    modules: [json]\n");
    (tmp, ws, c)
}

/// `course check --format json` with `args`; the exit code, the one finding, how long it took.
fn check(
    ws: &Path,
    c: &Path,
    args: &[&str],
    env: &[(&str, &str)],
) -> (i32, serde_json::Value, Duration) {
    let start = Instant::now();
    let mut cmd = course();
    cmd.arg("--course")
        .arg(c)
        .args(["check", "--format", "json", "--lang", "en", "--workspace"])
        .arg(ws)
        .args(args)
        .timeout(Duration::from_secs(120));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let took = start.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let finding = json["exercises"][0]["findings"][0].clone();
    (out.status.code().unwrap_or(-1), finding, took)
}

/// A sleep length of `secs` seconds unique to this test run (`30.<pid>`): the suite runs
/// beside other runs of itself on a shared machine, whose processes must not be counted.
fn unique(secs: &str) -> String {
    format!("{secs}.{}", std::process::id())
}

/// Processes whose command line contains `token` (a unique sleep length per test).
fn running(token: &str) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| {
            let cmdline = std::fs::read(e.path().join("cmdline")).ok()?;
            let text = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            (text.contains(token) && !text.contains("cargo")).then_some(text)
        })
        .collect()
}

/// The codes of the first exercise's findings.
fn codes(json: &serde_json::Value) -> Vec<&str> {
    json["exercises"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect()
}

/// Replace the venv's `bin/python` with `script` (executable).
fn replace_interpreter(env: &Path, script: &str) {
    use std::os::unix::fs::PermissionsExt;
    let python = env.join("bin/python");
    std::fs::remove_file(&python).unwrap();
    std::fs::write(&python, script).unwrap();
    std::fs::set_permissions(&python, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn assert_error(code: i32, finding: &serde_json::Value, expected: &str) {
    assert_eq!(finding["code"], expected, "{finding:#}");
    assert_eq!(finding["status"], "error", "{finding:#}");
    assert_eq!(code, 3, "could not grade: {finding:#}");
}

#[test]
fn issue12_a_socket_is_stopped_and_said() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    listener.set_nonblocking(true).unwrap();
    let (_t, ws, c) = hostile(&format!(
        "#!{{py3}}\nimport socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=5)\n"
    ));
    let (code, f, _) = check(&ws, &c, &[], &[]);
    assert_error(code, &f, "sandbox/network");
    assert!(f["message"].as_str().unwrap().contains("network"), "{f:#}");
    assert!(
        listener.accept().is_err(),
        "a connection reached the grader"
    );
}

#[test]
fn issue12_a_shell_whose_child_opens_a_socket_is_stopped_and_said() {
    let (_t, ws, c) = hostile(
        "#!/bin/sh\n{py3} -c 'import socket; socket.socket(socket.AF_INET6)'\nexec {py3} \"$@\"\n",
    );
    let (code, f, _) = check(&ws, &c, &[], &[]);
    assert_error(code, &f, "sandbox/network");
}

#[test]
fn issue12_a_write_outside_the_submission_is_refused_and_said() {
    let outside = tempdir();
    let marker = outside.path().join("pwned");
    let (_t, ws, c) = hostile(&format!(
        "#!/bin/sh\necho x > '{}'\necho x > '{}/in-the-workspace'\nexec {{py3}} \"$@\"\n",
        marker.display(),
        "."
    ));
    let (code, f, _) = check(&ws, &c, &[], &[]);
    assert_error(code, &f, "sandbox/denied");
    assert!(
        f["message"].as_str().unwrap().contains("Permission denied"),
        "{f:#}"
    );
    assert!(!marker.exists(), "the submission wrote outside its folder");
    assert!(
        !ws.join("in-the-workspace").exists(),
        "the workspace is read-only"
    );
}

#[test]
fn issue12_a_bounded_fork_bomb_is_stopped_and_leaves_nothing() {
    // At most 400 processes (the limit here is 64); each becomes a `sleep` of a length
    // unique to this run (other runs of this suite share the machine).
    let token = unique("30");
    let (_t, ws, c) = hostile(&format!(
        "#!{{py3}}\nimport os, time\nfor i in range(400):\n    try:\n        pid = os.fork()\n    except OSError:\n        break\n    if pid == 0:\n        os.execv('/bin/sleep', ['sleep', '{token}'])\ntime.sleep(30)\n"
    ));
    let (code, f, took) = check(&ws, &c, &["--sandbox-limit", "processes=64"], &[]);
    assert_error(code, &f, "sandbox/processes");
    assert!(took < Duration::from_secs(25), "{took:?}");
    assert_eq!(running(&token), Vec::<String>::new(), "processes left");
}

#[test]
fn issue12_an_8_gb_allocation_is_refused_and_said() {
    let (_t, ws, c) = hostile("#!{py3}\nx = bytearray(8 * 1024 ** 3)\n");
    let (code, f, _) = check(&ws, &c, &[], &[]);
    assert_error(code, &f, "sandbox/memory");
    assert!(f["message"].as_str().unwrap().contains("2048 MiB"), "{f:#}");
}

#[test]
fn issue12_an_endless_loop_uses_up_its_cpu_seconds() {
    let (_t, ws, c) = hostile("#!{py3}\nwhile True:\n    pass\n");
    let (code, f, _) = check(&ws, &c, &["--sandbox-limit", "cpu-secs=1"], &[]);
    assert_error(code, &f, "sandbox/cpu-time");
}

#[test]
fn issue12_a_child_that_outlives_its_parent_is_stopped_at_once() {
    let outside = tempdir();
    let token = unique("40");
    let (_t, ws, c) = hostile(&format!(
        "#!/bin/sh\nsleep {token} &\nsetsid sleep {token} &\n(sleep 2; echo x > '{}/late') &\nexec {{py3}} \"$@\"\n",
        outside.path().display()
    ));
    let (code, f, took) = check(&ws, &c, &[], &[]);
    assert_error(code, &f, "sandbox/left-running");
    assert!(
        took < Duration::from_secs(20),
        "course waited for the child: {took:?}"
    );
    assert_eq!(running(&token), Vec::<String>::new(), "processes left");
    std::thread::sleep(Duration::from_secs(3));
    assert!(!outside.path().join("late").exists());
}

#[test]
fn issue12_the_graders_files_and_variables_stay_out_of_reach() {
    let home = tempdir();
    write(home.path(), ".ssh/id_ed25519", "TOPSECRET-KEY\n");
    let (_t, ws, c) = hostile(&format!(
        "#!/bin/sh\necho \"token=$GRADER_TOKEN home=$HOME\" >&2\ncat '{}/.ssh/id_ed25519' >&2\nexit 1\n",
        home.path().display()
    ));
    let (code, f, _) = check(
        &ws,
        &c,
        &[],
        &[
            ("HOME", home.path().to_str().unwrap()),
            ("GRADER_TOKEN", "ghp_SECRET"),
        ],
    );
    let text = f.to_string();
    assert!(!text.contains("TOPSECRET"), "{f:#}");
    assert!(!text.contains("ghp_SECRET"), "{f:#}");
    assert_error(code, &f, "sandbox/denied");
}

#[test]
fn issue12_an_honest_environment_passes_in_the_sandbox() {
    let tmp = tempdir();
    let ws = tmp.path().join("내 프로젝트");
    let env = venv(&ws, ".venv");
    stub_package(&env, "torch", "2.3.0");
    stub_package(&env, "numpy", "1.26.4");
    write(&ws, "src/__init__.py", "");
    write(
        &ws,
        "src/model/__init__.py",
        "import torch\nimport numpy\n\nclass VLA:\n    pass\n",
    );
    let c = tmp.path().join("course");
    one_exercise_course(
        &c,
        "  - kind: python-env\n    modules: [torch, numpy]\n  - kind: python-import\n    modules: [src.model]\n",
    );
    for lang in ["en", "ko"] {
        let (code, json) = check_report(&c, &ws, lang, &[] as &[(&str, &str)]);
        assert_eq!(code, 0, "{json:#}");
        assert_eq!(codes(&json), ["env/ok", "import/ok"], "{json:#}");
    }
}

#[test]
fn issue12_bad_sandbox_limits_are_usage_errors() {
    let (_t, ws, c) = hostile("#!/bin/sh\nexit 0\n");
    for bad in ["memory=4", "memory-mib=0", "memory-mib=lots", "cpu-secs"] {
        let out = course()
            .arg("--course")
            .arg(&c)
            .args(["check", "--workspace"])
            .arg(&ws)
            .args(["--sandbox-limit", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--sandbox-limit"), "{bad}: {err}");
    }
}

/// A workspace whose interpreter logs each start to `log` (outside: so run without the
/// sandbox) and then runs the real one; a course with a python-env and a python-import check
/// in two exercises.
fn logged_workspace(tmp: &Path, log: &Path) -> (PathBuf, PathBuf) {
    let ws = tmp.join("ws");
    let env = venv(&ws, ".venv");
    stub_package(&env, "torch", "2.3.0");
    stub_package(&env, "numpy", "1.26.4");
    write(&ws, "src/__init__.py", "");
    write(&ws, "src/model/__init__.py", "import torch\n");
    let script = format!(
        "#!/bin/sh\necho start >> '{}'\nexec '{}' \"$@\"\n",
        log.display(),
        env.join("bin/python3").display()
    );
    replace_interpreter(&env, &script);
    let c = tmp.join("course");
    write(
        &c,
        "course.yaml",
        "id: t\ntitle: {en: T, ko: T}\ndefault_lang: en\nlessons: [l]\nexercises: [env, structure]\n",
    );
    write(&c, "lessons/en/l.md", "# L\n");
    for (id, check) in [
        ("env", "  - kind: python-env\n    modules: [torch, numpy]\n"),
        (
            "structure",
            "  - kind: python-import\n    modules: [src.model]\n",
        ),
    ] {
        write(
            &c,
            &format!("exercises/{id}/exercise.yaml"),
            &format!(
                "title: {{en: E, ko: E}}\nlesson: l\nprompt: {{en: P, ko: P}}\nchecks:\n{check}"
            ),
        );
    }
    (ws, c)
}

#[test]
fn issue12_one_interpreter_launch_answers_every_python_check() {
    let tmp = tempdir();
    let log = tmp.path().join("starts.log");
    let (ws, c) = logged_workspace(tmp.path(), &log);
    let starts = || {
        std::fs::read_to_string(&log)
            .unwrap_or_default()
            .lines()
            .count()
    };
    let out = course()
        .arg("--course")
        .arg(&c)
        .args([
            "--lang",
            "en",
            "grade",
            "--exec",
            "--no-sandbox",
            "--format",
            "json",
            "--workspace",
        ])
        .arg(&ws)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("env/ok") && stdout.contains("import/ok"),
        "{stdout}"
    );
    assert_eq!(starts(), 1, "one launch for both checks");

    // A learner's `course check`: one launch, then none while nothing changed (the cache).
    let init = course()
        .arg("--course")
        .arg(&c)
        .arg("init")
        .arg(&ws)
        .output()
        .unwrap();
    assert!(init.status.success(), "{init:?}");
    let before = starts();
    for _ in 0..2 {
        let (code, json) = check_report(&c, &ws, "en", &[("COURSE_NO_SANDBOX", "1")]);
        assert_eq!(code, 0, "{json:#}");
    }
    assert_eq!(
        starts() - before,
        1,
        "the second check is answered by the cache"
    );
}

#[test]
fn issue12_an_import_that_hangs_keeps_the_environments_answer() {
    let tmp = tempdir();
    let ws = tmp.path().join("ws");
    let env = venv(&ws, ".venv");
    stub_package(&env, "torch", "2.3.0");
    write(
        &ws,
        "src/__init__.py",
        "import time\nwhile True:\n    time.sleep(0.0917)\n",
    );
    let c = tmp.path().join("course");
    one_exercise_course(
        &c,
        "  - kind: python-env\n    modules: [torch]\n  - kind: python-import\n    modules: [src]\n    timeout_secs: 2\n",
    );
    let (code, json) = check_report(&c, &ws, "en", &[] as &[(&str, &str)]);
    assert_eq!(code, 3, "{json:#}");
    assert_eq!(codes(&json), ["env/ok", "import/timeout"], "{json:#}");
}

/// Issue 9: the sandbox's hidden modes typed by hand are refused like any usage error: in
/// the chosen language, wrapped to the width, exit 2 (they printed an English line of their
/// own before).
#[test]
fn issue9_hidden_modes_typed_by_hand_are_refused_in_the_chosen_language() {
    let dir = tempdir();
    for (lang, says) in [
        ("ko", "직접 실행하지 마십시오"),
        ("en", "not for use by hand"),
    ] {
        let out = course_in(dir.path())
            .env("COURSE_LANG", lang)
            .env("COLUMNS", "40")
            .args(["__sandbox", "x"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(flat(err.as_bytes()).contains(says), "{lang}: {err}");
        assert!(
            err.lines()
                .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 40),
            "{lang}: {err}"
        );
    }
    let plan = r#"{"not":"a plan"}"#;
    course_in(dir.path())
        .env("COURSE_LANG", "en")
        .args(["__sandbox-inner", plan, "--", "true"])
        .assert()
        .code(2)
        .stderr(says("internal mode"));
}

/// An honest workspace (stub torch and numpy; `src.model` imports them) and a course with
/// one python-env and one python-import check.
fn honest_workspace(ws_name: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempdir();
    let ws = tmp.path().join(ws_name);
    let env = venv(&ws, ".venv");
    stub_package(&env, "torch", "2.3.0");
    stub_package(&env, "numpy", "1.26.4");
    write(&ws, "src/__init__.py", "");
    write(&ws, "src/model/__init__.py", "import torch\nimport numpy\n");
    let c = tmp.path().join("course");
    one_exercise_course(
        &c,
        "  - kind: python-env\n    modules: [torch, numpy]\n  - kind: python-import\n    modules: [src.model]\n",
    );
    (tmp, ws, c)
}

#[test]
fn class10_a_partial_sandbox_is_said_once_and_honest_work_still_passes() {
    // COURSE_SANDBOX_SKIP leaves a layer off as a kernel without it would.
    let (_t, ws, c) = honest_workspace("내 프로젝트");
    for (skip, missing) in [
        ("landlock", vec!["landlock"]),
        ("seccomp", vec!["seccomp"]),
        ("landlock,seccomp", vec!["landlock", "seccomp"]),
    ] {
        for lang in ["en", "ko"] {
            let (code, json) = check_report(&c, &ws, lang, &[("COURSE_SANDBOX_SKIP", skip)]);
            assert_eq!(code, 0, "{skip}: honest work passes: {json:#}");
            assert_eq!(
                codes(&json),
                ["sandbox/partial", "env/ok", "import/ok"],
                "{skip}: the note once per workspace, not per check: {json:#}"
            );
            let note = json["exercises"][0]["findings"][0]["message"]
                .as_str()
                .unwrap()
                .to_string();
            for layer in &missing {
                assert!(note.contains(layer), "{skip}: {note}");
            }
            for layer in ["landlock", "seccomp"] {
                if !missing.contains(&layer) {
                    assert!(!note.contains(layer), "{skip}: {note}");
                }
            }
        }
    }
    // Without the variable every layer applies here: no note.
    let (code, json) = check_report(&c, &ws, "en", &[] as &[(&str, &str)]);
    assert_eq!(code, 0);
    assert_eq!(codes(&json), ["env/ok", "import/ok"], "{json:#}");
}

#[test]
fn class10_require_sandbox_refuses_to_run_anything_when_a_layer_is_missing() {
    // The interpreter leaves a mark in the workspace when it runs at all (it could: Landlock,
    // which would refuse the write, is the layer left off).
    let (_t, ws, c) = hostile("#!/bin/sh\ntouch \"$PWD/ran\" 2>/dev/null\nexec {py3} \"$@\"\n");
    let skip = [("COURSE_SANDBOX_SKIP", "landlock")];
    let (code, f, _) = check(&ws, &c, &["--require-sandbox"], &skip);
    assert_error(code, &f, "sandbox/unavailable");
    let message = f["message"].as_str().unwrap();
    assert!(message.contains("landlock"), "{message}");
    assert!(
        !ws.join("ran").exists(),
        "--require-sandbox ran the interpreter"
    );
    // The same with every layer: it runs and passes.
    let (code, f, _) = check(&ws, &c, &["--require-sandbox"], &[]);
    assert_eq!((code, f["code"].as_str()), (0, Some("env/ok")), "{f:#}");
    // And grading: the submission is could-not-grade (exit 3), in both languages.
    for lang in ["en", "ko"] {
        let out = course()
            .arg("--course")
            .arg(&c)
            .args([
                "grade",
                "--exec",
                "--require-sandbox",
                "--format",
                "json",
                "--lang",
                lang,
            ])
            .arg("--workspace")
            .arg(&ws)
            .env("COURSE_SANDBOX_SKIP", "seccomp")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3), "{lang}: {out:?}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let f = &json["exercises"][0]["findings"][0];
        assert_eq!(f["code"], "sandbox/unavailable", "{f:#}");
        assert!(f["message"].as_str().unwrap().contains("seccomp"), "{f:#}");
    }
}
