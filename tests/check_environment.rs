//! `python-env` and `python-import` end to end: the real binary, a fixture course, real venvs
//! made by `python3 -m venv --without-pip` with stub packages standing in for torch and numpy.
#![cfg(unix)]
use std::path::{Path, PathBuf};

use crate::common::{
    check_report, course, one_exercise_course, site_packages, stub_package, stub_package_source,
    tempdir, venv, write,
};
use serde_json::Value;

/// A one-exercise course in `dir/course` whose exercise runs `checks`.
fn fixture_course(dir: &Path, checks: &str) -> PathBuf {
    let c = dir.join("course");
    one_exercise_course(&c, checks);
    c
}

/// `course check --format json` in `ws`; returns (exit code, the exercise's JSON).
fn check(course_dir: &Path, ws: &Path, envs: &[(&str, &str)]) -> (i32, Value) {
    let (code, json) = check_report(course_dir, ws, "en", envs);
    (code, json["exercises"][0].clone())
}

fn findings(ex: &Value) -> Vec<Value> {
    ex["findings"].as_array().unwrap().clone()
}

fn one(ex: &Value) -> Value {
    let f = findings(ex);
    assert_eq!(f.len(), 1, "expected one finding: {ex:#}");
    f[0].clone()
}

fn s(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or_default().to_string()
}

/// For tests that count imports in a log file outside the workspace: the sandbox would
/// (rightly) refuse that write.
const NO_SANDBOX: &[(&str, &str)] = &[("COURSE_NO_SANDBOX", "1")];

const ENV_CHECK: &str = "  - kind: python-env\n    modules: [torch, numpy]\n";

#[test]
fn a_venv_with_torch_and_numpy_passes_with_versions() {
    let t = tempdir();
    let ws = t.path().join("ws");
    let env = venv(&ws, ".venv");
    stub_package(&env, "torch", "2.1.0");
    stub_package(&env, "numpy", "1.26.4");
    let c = fixture_course(t.path(), ENV_CHECK);
    let (code, ex) = check(&c, &ws, &[]);
    let f = one(&ex);
    assert_eq!(code, 0, "{ex:#}");
    assert_eq!(s(&f, "status"), "pass");
    assert_eq!(s(&f, "check"), "python-env");
    let msg = s(&f, "message");
    assert!(msg.starts_with("Python 3."), "{msg}");
    assert!(msg.contains("(.venv): torch 2.1.0, numpy 1.26.4"), "{msg}");
}

#[test]
fn a_missing_module_names_the_install_command_for_this_env() {
    let t = tempdir();
    let ws = t.path().join("ws");
    let env = venv(&ws, ".venv");
    stub_package(&env, "torch", "2.1.0");
    let c = fixture_course(t.path(), ENV_CHECK);
    let (code, ex) = check(&c, &ws, &[]);
    let f = one(&ex);
    assert_eq!(code, 1, "{ex:#}");
    assert_eq!(s(&f, "status"), "fail");
    assert!(
        s(&f, "message").contains("`numpy` is not installed in .venv"),
        "{f:#}"
    );
    let hint = s(&f, "hint");
    assert!(
        hint.contains("\n  .venv/bin/python -m pip install numpy\n"),
        "{hint}"
    );
    // Made with --without-pip: the hint says how to get pip first.
    assert!(hint.contains(".venv/bin/python -m ensurepip"), "{hint}");
    assert!(hint.contains("source .venv/bin/activate"), "{hint}");
}

#[test]
fn korean_message_for_a_missing_module() {
    let t = tempdir();
    let ws = t.path().join("ws");
    venv(&ws, ".venv");
    let c = fixture_course(t.path(), "  - kind: python-env\n    modules: [numpy]\n");
    let out = course()
        .arg("--course")
        .arg(&c)
        .arg("--workspace")
        .arg(&ws)
        .args(["check", "--format", "json", "--lang", "ko"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = one(&json["exercises"][0]);
    assert!(s(&f, "message").contains("설치되어 있지 않습니다"), "{f:#}");
    assert!(
        s(&f, "hint").contains(".venv/bin/python -m pip install numpy"),
        "{f:#}"
    );
}

#[test]
fn no_environment_fails_and_says_how_to_make_one() {
    let t = tempdir();
    let ws = t.path().join("ws");
    write(&ws, "train.py", "print('hi')\n");
    let c = fixture_course(t.path(), ENV_CHECK);
    let (code, ex) = check(&c, &ws, &[]);
    let f = one(&ex);
    assert_eq!(code, 1, "{ex:#}");
    assert_eq!(s(&f, "status"), "fail");
    let msg = s(&f, "message");
    assert!(msg.contains("no Python environment found"), "{msg}");
    assert!(msg.contains("$VIRTUAL_ENV: not set"), "{msg}");
    let hint = s(&f, "hint");
    assert!(
        hint.contains("\n  python3 -m venv .venv\n  .venv/bin/python -m pip install torch numpy\n"),
        "{hint}"
    );
    // The same conda command as the exercise's prompt (issue 9), each on its own line.
    assert!(
        hint.contains("\n  conda create -p ./env python=3.12\n  conda activate ./env\n"),
        "{hint}"
    );
    let prompt = include_str!("../exercises/environment/exercise.yaml");
    assert!(prompt.contains("\n       conda create -p ./env python=3.12\n"));
}

#[test]
fn issue9_a_conda_prefix_env_gets_the_lessons_pip_install_inside_it() {
    let t = tempdir();
    let ws = t.path().join("ws");
    // A conda `-p` environment: `conda-meta/history` marks it. (Its interpreter is a venv's,
    // so that the stub packages in its own site-packages are the ones Python sees.)
    let env = venv(&ws, "condaenv");
    write(&env, "conda-meta/history", "==> 2026-01-01 <==\n");
    stub_package(&env, "numpy", "1.26.4");
    let c = fixture_course(t.path(), ENV_CHECK);
    let (code, ex) = check(&c, &ws, &[]);
    let f = one(&ex);
    assert_eq!(code, 1, "{ex:#}");
    assert!(
        s(&f, "message").contains("`torch` is not installed in condaenv"),
        "{f:#}"
    );
    let hint = s(&f, "hint");
    // The environments lesson installs PyTorch with pip inside the activated conda environment
    // (PyTorch no longer publishes to conda): the fix says the same, and no conda channel.
    assert!(
        hint.contains("\n  conda activate condaenv\n  python -m pip install torch"),
        "{hint}"
    );
    assert!(!hint.contains("conda install"), "{hint}");
}

#[test]
fn an_env_whose_python_links_to_the_system_python_is_not_taken_for_it() {
    let t = tempdir();
    let ws = t.path().join("ws");
    let real = std::process::Command::new("python3")
        .args([
            "-c",
            "import os, sys; print(os.path.realpath(sys.executable))",
        ])
        .output()
        .unwrap();
    let real = String::from_utf8(real.stdout).unwrap().trim().to_string();
    write(&ws, "sysenv/conda-meta/history", "");
    std::fs::create_dir_all(ws.join("sysenv/bin")).unwrap();
    std::os::unix::fs::symlink(&real, ws.join("sysenv/bin/python")).unwrap();
    let c = fixture_course(t.path(), "  - kind: python-env\n    modules: [json]\n");
    let (code, ex) = check(&c, &ws, &[]);
    let f = one(&ex);
    assert_eq!(code, 1, "{ex:#}");
    let msg = s(&f, "message");
    assert!(
        msg.contains("sysenv/bin/python runs the Python installed in"),
        "{msg}"
    );
    assert!(msg.contains("not the environment sysenv"), "{msg}");
}

#[test]
fn virtual_env_outside_the_workspace_is_used() {
    let t = tempdir();
    let ws = t.path().join("ws");
    std::fs::create_dir_all(&ws).unwrap();
    let env = venv(&t.path().join("elsewhere"), "myenv");
    stub_package(&env, "torch", "2.2.0");
    stub_package(&env, "numpy", "2.0.1");
    let c = fixture_course(t.path(), ENV_CHECK);
    let (code, ex) = check(&c, &ws, &[("VIRTUAL_ENV", env.to_str().unwrap())]);
    let f = one(&ex);
    assert_eq!(code, 0, "{ex:#}");
    let msg = s(&f, "message");
    let expected = format!("($VIRTUAL_ENV={}): torch 2.2.0, numpy 2.0.1", env.display());
    assert!(msg.contains(&expected), "{msg}");

    // issue 8: accepted, but `course grade` will not see it, and check says so.
    let out = course()
        .arg("--course")
        .arg(&c)
        .args(["check", "--lang", "en", "--workspace"])
        .arg(&ws)
        .env("VIRTUAL_ENV", &env)
        .output()
        .unwrap();
    let stderr = crate::common::flat(&out.stderr);
    assert!(
        stderr.contains("outside the workspace; `course grade` looks only inside the submission"),
        "{stderr}"
    );
    // An environment inside the workspace draws no note.
    let inside = venv(&ws, ".venv");
    stub_package(&inside, "torch", "2.2.0");
    stub_package(&inside, "numpy", "2.0.1");
    let out = course()
        .arg("--course")
        .arg(&c)
        .args(["check", "--lang", "en", "--workspace"])
        .arg(&ws)
        .env("VIRTUAL_ENV", &inside)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("outside the workspace"));
}

#[test]
fn the_environment_yml_env_is_found_in_home_conda_envs() {
    let t = tempdir();
    let ws = t.path().join("ws");
    write(
        &ws,
        "environment.yml",
        "name: vla\ndependencies:\n  - python=3.11\n",
    );
    let home = t.path().join("home");
    let env = venv(&home.join(".conda/envs"), "vla");
    write(&env, "conda-meta/history", "");
    stub_package(&env, "torch", "2.1.0");
    let c = fixture_course(t.path(), ENV_CHECK);
    let (code, ex) = check(&c, &ws, &[("HOME", home.to_str().unwrap())]);
    let f = one(&ex);
    assert_eq!(code, 1, "{ex:#}");
    let msg = s(&f, "message");
    assert!(
        msg.contains("`numpy` is not installed in conda env vla from environment.yml"),
        "{msg}"
    );
    assert!(
        s(&f, "hint").contains("\n  conda activate vla\n  python -m pip install numpy\n"),
        "{f:#}"
    );
}

#[test]
fn a_moved_venv_with_a_dangling_python_is_reported_as_broken() {
    let t = tempdir();
    let ws = t.path().join("ws");
    write(
        &ws,
        ".venv/pyvenv.cfg",
        "home = /nonexistent/python/bin\ninclude-system-site-packages = false\nversion = 3.10.12\n",
    );
    std::fs::create_dir_all(ws.join(".venv/bin")).unwrap();
    std::os::unix::fs::symlink(
        "/nonexistent/python/bin/python3.10",
        ws.join(".venv/bin/python"),
    )
    .unwrap();
    let c = fixture_course(t.path(), ENV_CHECK);
    let (code, ex) = check(&c, &ws, &[]);
    let f = one(&ex);
    assert_eq!(code, 1, "{ex:#}");
    assert_eq!(s(&f, "status"), "fail");
    let msg = s(&f, "message");
    assert!(
        msg.contains(".venv/bin/python is a link to /nonexistent/python/bin/python3.10, which does not exist"),
        "{msg}"
    );
    assert!(
        msg.contains("Python 3.10.12 from /nonexistent/python/bin"),
        "{msg}"
    );
    assert_eq!(s(&f, "file"), ".venv/bin/python");
    assert!(
        s(&f, "hint").contains("\n  rm -rf .venv\n  python3 -m venv .venv\n"),
        "{f:#}"
    );
}

/// A fake environment whose interpreter is a shell script.
fn script_env(ws: &Path, script: &str) {
    write(
        ws,
        ".venv/pyvenv.cfg",
        &format!("home = {}\nversion = 3.11.0\n", ws.display()),
    );
    let py = write(ws, ".venv/bin/python", script);
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&py, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_hanging_interpreter_is_an_error_not_a_failure() {
    let t = tempdir();
    let ws = t.path().join("ws");
    script_env(&ws, "#!/bin/sh\nsleep 30\n");
    let c = fixture_course(
        t.path(),
        "  - kind: python-env\n    modules: [torch]\n    timeout_secs: 2\n",
    );
    let (code, ex) = check(&c, &ws, &[]);
    let f = one(&ex);
    assert_eq!(code, 3, "{ex:#}");
    assert_eq!(s(&f, "status"), "error");
    assert!(
        s(&f, "message").contains("the interpreter .venv/bin/python did not answer in 2 s"),
        "{f:#}"
    );
}

#[test]
fn an_interpreter_that_does_not_start_is_a_failure() {
    let t = tempdir();
    let ws = t.path().join("ws");
    script_env(
        &ws,
        "#!/bin/sh\necho 'Could not find platform independent libraries <prefix>' >&2\nexit 1\n",
    );
    let c = fixture_course(t.path(), ENV_CHECK);
    let (code, ex) = check(&c, &ws, &[]);
    let f = one(&ex);
    assert_eq!(code, 1, "{ex:#}");
    let msg = s(&f, "message");
    assert!(
        msg.contains("exited with code 1 without answering"),
        "{msg}"
    );
    assert!(
        msg.contains("Could not find platform independent libraries"),
        "{msg}"
    );
}

#[test]
fn a_module_that_raises_on_import_is_a_failure_with_the_error() {
    let t = tempdir();
    let ws = t.path().join("ws");
    let env = venv(&ws, ".venv");
    stub_package(&env, "numpy", "1.26.4");
    stub_package_source(
        &env,
        "torch",
        "2.1.0",
        "raise OSError('libcudart.so.12: cannot open shared object file')\n",
    );
    let c = fixture_course(t.path(), ENV_CHECK);
    let (code, ex) = check(&c, &ws, &[]);
    let f = one(&ex);
    assert_eq!(code, 1, "{ex:#}");
    let msg = s(&f, "message");
    assert!(
        msg.contains("`import torch` fails in .venv: OSError: libcudart.so.12"),
        "{msg}"
    );
    assert!(s(&f, "hint").contains("--force-reinstall torch"), "{f:#}");
}

#[test]
fn a_passing_probe_is_cached_until_site_packages_changes() {
    let t = tempdir();
    let ws = t.path().join("ws");
    std::fs::create_dir_all(&ws).unwrap();
    let c = fixture_course(t.path(), ENV_CHECK);
    let init = course()
        .arg("--course")
        .arg(&c)
        .arg("init")
        .arg(&ws)
        .output()
        .unwrap();
    assert!(init.status.success(), "{init:?}");
    let env = venv(&ws, ".venv");
    stub_package(&env, "numpy", "1.26.4");
    let log = t.path().join("imports.log");
    stub_package_source(
        &env,
        "torch",
        "2.1.0",
        &format!(
            "__version__ = '2.1.0'\nwith open({:?}, 'a') as f:\n    f.write('imported\\n')\n",
            log.display().to_string()
        ),
    );
    let lines = || {
        std::fs::read_to_string(&log)
            .unwrap_or_default()
            .lines()
            .count()
    };

    let (code, _) = check(&c, &ws, NO_SANDBOX);
    assert_eq!(code, 0);
    assert_eq!(lines(), 1);
    let cached: Vec<_> = std::fs::read_dir(ws.join(".course/cache"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("python-env-") && n.ends_with(".json"))
        .collect();
    assert_eq!(cached.len(), 1, "{cached:?}");

    let (code, ex) = check(&c, &ws, NO_SANDBOX);
    assert_eq!(code, 0, "{ex:#}");
    assert!(s(&one(&ex), "message").contains("torch 2.1.0, numpy 1.26.4"));
    assert_eq!(lines(), 1, "an unchanged environment is not imported again");

    // Installing a package changes site-packages: probe again.
    stub_package(&env, "einops", "0.7.0");
    let (code, _) = check(&c, &ws, NO_SANDBOX);
    assert_eq!(code, 0);
    assert_eq!(lines(), 2);
}

#[test]
fn a_failing_probe_is_not_cached() {
    let t = tempdir();
    let ws = t.path().join("ws");
    std::fs::create_dir_all(&ws).unwrap();
    let c = fixture_course(t.path(), ENV_CHECK);
    let init = course()
        .arg("--course")
        .arg(&c)
        .arg("init")
        .arg(&ws)
        .output()
        .unwrap();
    assert!(init.status.success(), "{init:?}");
    venv(&ws, ".venv");
    let (code, _) = check(&c, &ws, &[]);
    assert_eq!(code, 1);
    let cached = std::fs::read_dir(ws.join(".course/cache"))
        .map(|r| r.count())
        .unwrap_or(0);
    assert_eq!(cached, 0);
}

// ---- python-import ------------------------------------------------------------------------

#[test]
fn python_import_passes_for_a_package_structure() {
    let t = tempdir();
    let ws = t.path().join("ws");
    venv(&ws, ".venv");
    write(&ws, "src/__init__.py", "");
    write(&ws, "src/training/__init__.py", "from .loop import train\n");
    write(&ws, "src/training/loop.py", "def train():\n    return 1\n");
    write(&ws, "src/utils/__init__.py", "");
    let c = fixture_course(
        t.path(),
        "  - kind: python-import\n    modules: [src.training, src.utils]\n",
    );
    let (code, ex) = check(&c, &ws, &[]);
    let f = one(&ex);
    assert_eq!(code, 0, "{ex:#}");
    assert_eq!(s(&f, "check"), "python-import");
    assert!(
        s(&f, "message")
            .contains("`import src.training, src.utils` works from the workspace root (.venv)"),
        "{f:#}"
    );
    // Nothing was written into the workspace.
    assert!(!ws.join("src/__pycache__").exists());
}

/// `python-import` of `src.utils` in a venv workspace whose `src/utils/__init__.py` is `init`:
/// the exit code and the one finding.
fn import_src_utils(init: &str) -> (i32, Value) {
    let t = tempdir();
    let ws = t.path().join("ws");
    venv(&ws, ".venv");
    write(&ws, "src/__init__.py", "");
    write(&ws, "src/utils/__init__.py", init);
    let c = fixture_course(
        t.path(),
        "  - kind: python-import\n    modules: [src.utils]\n",
    );
    let (code, ex) = check(&c, &ws, &[]);
    (code, one(&ex))
}

#[test]
fn python_import_points_at_the_failing_line_of_an_init_file() {
    let (code, f) = import_src_utils("import os\nimport missing_dependency_xyz\n");
    assert_eq!(code, 1, "{f:#}");
    assert_eq!(s(&f, "status"), "fail");
    assert!(
        s(&f, "message").contains("ModuleNotFoundError: No module named 'missing_dependency_xyz'"),
        "{f:#}"
    );
    assert_eq!(s(&f, "file"), "src/utils/__init__.py");
    assert_eq!(f["line"].as_u64(), Some(2));
    assert!(
        s(&f, "hint").contains("src/utils/__init__.py line 2 imports `missing_dependency_xyz`"),
        "{f:#}"
    );
}

#[test]
fn python_import_explains_an_error_raised_in_an_init_file() {
    let (code, f) = import_src_utils("\n\nraise ImportError('cannot import name helper')\n");
    assert_eq!(code, 1, "{f:#}");
    assert!(
        s(&f, "message").contains("ImportError: cannot import name helper"),
        "{f:#}"
    );
    assert_eq!(s(&f, "file"), "src/utils/__init__.py");
    assert_eq!(f["line"].as_u64(), Some(3));
    assert!(
        s(&f, "hint").contains("__init__.py` runs every time"),
        "{f:#}"
    );
}

#[test]
fn python_import_of_a_missing_package_says_what_is_looked_for() {
    let t = tempdir();
    let ws = t.path().join("ws");
    venv(&ws, ".venv");
    write(&ws, "src/__init__.py", "");
    let c = fixture_course(
        t.path(),
        "  - kind: python-import\n    modules: [src.training]\n",
    );
    let (code, ex) = check(&c, &ws, &[]);
    let f = one(&ex);
    assert_eq!(code, 1, "{ex:#}");
    assert!(
        s(&f, "message").contains("No module named 'src.training'"),
        "{f:#}"
    );
    assert!(s(&f, "hint").contains("`src/training/`"), "{f:#}");
}

#[test]
fn python_import_without_an_environment_is_skipped() {
    let t = tempdir();
    let ws = t.path().join("ws");
    write(&ws, "src/__init__.py", "");
    let c = fixture_course(t.path(), "  - kind: python-import\n    modules: [src]\n");
    let (_, ex) = check(&c, &ws, &[]);
    let f = one(&ex);
    assert_eq!(s(&f, "status"), "skip", "{f:#}");
    assert!(
        s(&f, "message").contains("no Python environment found"),
        "{f:#}"
    );
    assert_eq!(s(&ex, "status"), "skip");
}

#[test]
fn a_passing_import_is_cached_until_the_package_changes() {
    let t = tempdir();
    let ws = t.path().join("ws");
    std::fs::create_dir_all(&ws).unwrap();
    let c = fixture_course(
        t.path(),
        "  - kind: python-import\n    modules: [src.model]\n",
    );
    let init = course()
        .arg("--course")
        .arg(&c)
        .arg("init")
        .arg(&ws)
        .output()
        .unwrap();
    assert!(init.status.success(), "{init:?}");
    venv(&ws, ".venv");
    let log = t.path().join("imports.log");
    let logging_init = |extra: &str| {
        format!(
            "with open({:?}, 'a') as f:\n    f.write('imported\\n')\n{extra}",
            log.display().to_string()
        )
    };
    write(&ws, "src/__init__.py", "");
    write(&ws, "src/model/__init__.py", &logging_init(""));
    let lines = || {
        std::fs::read_to_string(&log)
            .unwrap_or_default()
            .lines()
            .count()
    };

    assert_eq!(check(&c, &ws, NO_SANDBOX).0, 0);
    assert_eq!(check(&c, &ws, NO_SANDBOX).0, 0);
    assert_eq!(lines(), 1, "an unchanged package is not imported again");

    // A new module in the package: import again.
    write(&ws, "src/model/vla.py", "class VLAModel:\n    pass\n");
    assert_eq!(check(&c, &ws, NO_SANDBOX).0, 0);
    assert_eq!(lines(), 2);

    // A broken edit is found at once, never hidden by the cache.
    write(
        &ws,
        "src/model/__init__.py",
        &logging_init("from .missing import x\n"),
    );
    assert_eq!(check(&c, &ws, NO_SANDBOX).0, 1);
}

// ---- issue 8: installed distributions, not folders dropped into site-packages ------------

#[test]
fn issue8_a_stub_torch_folder_in_site_packages_fails() {
    let t = tempdir();
    let ws = t.path().join("ws");
    let env = venv(&ws, ".venv");
    stub_package(&env, "numpy", "1.26.4");
    // The trick: a folder written by hand, no .dist-info.
    write(
        &site_packages(&env),
        "torch/__init__.py",
        "__version__ = '2.1.0'\n",
    );
    let c = fixture_course(t.path(), ENV_CHECK);
    let (code, ex) = check(&c, &ws, &[]);
    let f = one(&ex);
    assert_eq!(code, 1, "{ex:#}");
    let msg = s(&f, "message");
    assert!(
        msg.starts_with("`torch` in .venv is not an installed package"),
        "{msg}"
    );
    assert!(
        msg.contains("site-packages/torch was put there by hand"),
        "{msg}"
    );
    assert!(s(&f, "hint").contains("-m pip install torch"), "{f:#}");

    let (_, json) = check_report(&c, &ws, "ko", &[] as &[(&str, &str)]);
    let ko = s(&json["exercises"][0]["findings"][0], "message");
    assert!(
        ko.starts_with(".venv의 `torch`는 설치된 패키지가 아닙니다"),
        "{ko}"
    );
}

#[test]
fn issue8_a_module_imported_from_outside_the_environment_fails() {
    let t = tempdir();
    let ws = t.path().join("ws");
    let env = venv(&ws, ".venv");
    stub_package(&env, "numpy", "1.26.4");
    // torch with its dist-info, but in a folder outside the venv that a .pth file adds.
    // (Inside the workspace, which the sandbox lets the interpreter read.)
    let elsewhere = ws.join("elsewhere");
    write(&elsewhere, "torch/__init__.py", "__version__ = '2.1.0'\n");
    write(
        &elsewhere,
        "torch-2.1.0.dist-info/METADATA",
        "Name: torch\nVersion: 2.1.0\n",
    );
    write(&elsewhere, "torch-2.1.0.dist-info/top_level.txt", "torch\n");
    write(
        &site_packages(&env),
        "elsewhere.pth",
        &format!("{}\n", elsewhere.display()),
    );
    let c = fixture_course(t.path(), ENV_CHECK);
    let (code, ex) = check(&c, &ws, &[]);
    let f = one(&ex);
    assert_eq!(code, 1, "{ex:#}");
    let msg = s(&f, "message");
    assert!(msg.starts_with("`torch` is imported from "), "{msg}");
    assert!(msg.contains("outside .venv"), "{msg}");
}

#[test]
fn issue8_honest_installs_pass_in_a_korean_folder_and_without_top_level_txt() {
    let t = tempdir();
    // A learner whose project folder has a Korean name.
    let ws = t.path().join("내 프로젝트");
    let env = venv(&ws, ".venv");
    stub_package(&env, "torch", "2.1.0");
    // NumPy 2 wheels (meson-python) have no top_level.txt: RECORD alone names the module.
    stub_package(&env, "numpy", "2.1.3");
    let info = site_packages(&env).join("numpy-2.1.3.dist-info");
    std::fs::remove_file(info.join("top_level.txt")).unwrap();
    let c = fixture_course(t.path(), ENV_CHECK);
    for lang in ["en", "ko"] {
        let (code, json) = check_report(&c, &ws, lang, &[] as &[(&str, &str)]);
        let ex = &json["exercises"][0];
        assert_eq!(code, 0, "{ex:#}");
        assert!(
            s(&one(ex), "message").contains("torch 2.1.0, numpy 2.1.3"),
            "{ex:#}"
        );
    }
}

#[test]
fn issue8_standard_library_modules_need_no_distribution() {
    let t = tempdir();
    let ws = t.path().join("ws");
    venv(&ws, ".venv");
    let c = fixture_course(
        t.path(),
        "  - kind: python-env\n    modules: [json, sys, xml.dom]\n",
    );
    let (code, ex) = check(&c, &ws, &[]);
    assert_eq!(code, 0, "{ex:#}");
}

/// `from .vla import VLAModel` with no `src/model/vla.py`: the fix names the learner's missing
/// file, never `pip install src` (an unrelated project on PyPI), in both languages.
#[test]
fn issue9_a_missing_own_module_is_not_offered_pip_install() {
    let t = tempdir();
    let ws = t.path().join("ws");
    venv(&ws, ".venv");
    write(&ws, "src/__init__.py", "");
    write(&ws, "src/model/__init__.py", "from .vla import VLAModel\n");
    let c = fixture_course(
        t.path(),
        "  - kind: python-import\n    modules: [src.model]\n",
    );
    for (lang, said) in [
        ("en", "the workspace has no `src/model/vla.py`"),
        (
            "ko",
            "작업 폴더에 `src/model/vla.py` 파일(또는 `src/model/vla/` 패키지)이 없습니다",
        ),
    ] {
        let (code, json) = check_report(&c, &ws, lang, &[] as &[(&str, &str)]);
        assert_eq!(code, 1, "{json:#}");
        let f = one(&json["exercises"][0]);
        let hint = s(&f, "hint");
        assert!(hint.contains(said), "{hint}");
        assert!(!hint.contains("pip install"), "{hint}");
        assert_eq!(s(&f, "file"), "src/model/__init__.py");
    }
}
