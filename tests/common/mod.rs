//! Helpers shared by the integration tests: the real binary with a clean environment, and
//! real workspaces (folders, git repositories, virtual environments) in temp directories.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use assert_cmd::Command;

mod tmux;
mod watch;
pub use tmux::Tmux;
pub use watch::Watch;

/// Variables of the machine that change what `course` prints (colour, language, width, pager,
/// environment, editor): the tests run without them.
const MACHINE_VARS: [&str; 19] = [
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "COURSE_LANG",
    "COURSE_DIR",
    "COURSE_ASCII",
    "COURSE_WATCH_POLL",
    "COLUMNS",
    "VIRTUAL_ENV",
    "CONDA_PREFIX",
    "CONDA_DEFAULT_ENV",
    "GITHUB_STEP_SUMMARY",
    "GITHUB_ACTIONS",
    "TERM_PROGRAM",
    "COURSE_HYPERLINKS",
    "COURSE_ACCESSIBLE",
    "ACCESSIBLE",
    "VISUAL",
    "EDITOR",
];

/// The built `course` binary as a plain [`StdCommand`] (for a child a test reads while it
/// runs), with the environment of [`course`].
pub fn course_std() -> StdCommand {
    let mut cmd = StdCommand::new(env!("CARGO_BIN_EXE_course"));
    machine_free(&mut cmd);
    cmd
}

/// `cmd` (`course`, or a program that runs it) without the machine's [`MACHINE_VARS`], on a
/// terminal type that takes colour.
pub fn machine_free(cmd: &mut StdCommand) -> &mut StdCommand {
    for var in MACHINE_VARS {
        cmd.env_remove(var);
    }
    // 80 columns, the width with no terminal: piped output takes the width of the terminal
    // behind stderr or /dev/tty, which `cargo test` run by hand in a window would have.
    cmd.env("COLUMNS", "80");
    cmd.env("TERM", "xterm-256color")
}

/// The built `course` binary, with an environment that does not depend on the machine:
/// no colour variables, no language preference, no pager, a fixed width.
pub fn course() -> Command {
    let mut cmd = Command::from_std(course_std());
    cmd.timeout(std::time::Duration::from_secs(120));
    cmd
}

/// `text` with every run of whitespace (line ends from wrapping included) made one space:
/// for asserting what a message says, whatever the width it was wrapped to.
pub fn flat(text: &[u8]) -> String {
    String::from_utf8_lossy(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Output that says `text`, wherever the width made its lines break.
pub fn says(text: &'static str) -> impl predicates::Predicate<[u8]> {
    predicates::function::function(move |out: &[u8]| flat(out).contains(text))
}

/// `course` run inside `dir`.
pub fn course_in(dir: &Path) -> Command {
    let mut cmd = course();
    cmd.current_dir(dir);
    cmd
}

/// A fresh temp folder.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// Write `contents` to `root/rel`, creating folders.
pub fn write(root: &Path, rel: &str, contents: &str) -> PathBuf {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, contents).unwrap();
    path
}

/// `out`, once it is known to be a success (else the test fails with its stderr).
pub fn ok(out: std::process::Output) -> std::process::Output {
    assert!(
        out.status.success(),
        "{}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Run `git` in `dir` with a fixed identity, branch name and no user or system config.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = as_learner(StdCommand::new("git").args(args), dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `cmd` run in `dir` with a fixed git identity and dates and no user or system git config:
/// what a learner's git does, without this machine's settings.
pub fn as_learner<'a>(cmd: &'a mut StdCommand, dir: &Path) -> &'a mut StdCommand {
    crate::support::learner_identity(cmd.current_dir(dir))
        .env("GIT_AUTHOR_DATE", "2026-01-01T00:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-01-01T00:00:00Z")
}

/// `git init -b main` in `dir`.
pub fn git_init(dir: &Path) {
    git(dir, &["init", "-q", "-b", "main"]);
}

/// A real virtual environment at `dir/name` made by `python3 -m venv --without-pip`.
pub fn venv(dir: &Path, name: &str) -> PathBuf {
    let env = dir.join(name);
    let status = StdCommand::new("python3")
        .args(["-m", "venv", "--without-pip"])
        .arg(&env)
        .status()
        .expect("python3 runs");
    assert!(status.success(), "python3 -m venv failed");
    env
}

/// The site-packages folder of a venv made by [`venv`].
pub fn site_packages(env: &Path) -> PathBuf {
    let lib = env.join("lib");
    let py = std::fs::read_dir(&lib)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with("python"))
        .expect("lib/pythonX.Y exists");
    py.path().join("site-packages")
}

/// Install a stub package `name` (with `__version__`) into a venv the way pip leaves a
/// wheel: the package folder plus `name-version.dist-info` with METADATA, INSTALLER, WHEEL,
/// top_level.txt and a RECORD of every file with its hash. A stand-in for torch or numpy.
pub fn stub_package(env: &Path, name: &str, version: &str) {
    stub_package_source(
        env,
        name,
        version,
        &format!("__version__ = \"{version}\"\n"),
    );
}

/// [`stub_package`] with the given `__init__.py` source.
pub fn stub_package_source(env: &Path, name: &str, version: &str, init: &str) {
    let site = site_packages(env);
    write(&site, &format!("{name}/__init__.py"), init);
    let status = StdCommand::new("python3")
        .args(["-I", "-c", STUB_DIST_INFO, name, version])
        .arg(&site)
        .status()
        .expect("python3 runs");
    assert!(status.success(), "writing {name}'s dist-info failed");
}

/// Python that writes `<name>-<version>.dist-info` for the files already in `site/<name>/`,
/// as pip does (RECORD hashes are urlsafe base64 sha256 without padding; RECORD lists itself
/// without a hash). Arguments: name, version, site-packages folder.
const STUB_DIST_INFO: &str = r#"
import base64, hashlib, os, sys
name, version, site = sys.argv[1:4]
info = "%s-%s.dist-info" % (name, version)
os.makedirs(os.path.join(site, info), exist_ok=True)
files = {
    "METADATA": "Metadata-Version: 2.1\nName: %s\nVersion: %s\nSummary: stub for tests\n" % (name, version),
    "INSTALLER": "pip\n",
    "WHEEL": "Wheel-Version: 1.0\nGenerator: course-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    "top_level.txt": name + "\n",
}
for f, text in files.items():
    with open(os.path.join(site, info, f), "w") as out:
        out.write(text)
rows = []
for folder in (name, info):
    for d, _, names in os.walk(os.path.join(site, folder)):
        for n in sorted(names):
            p = os.path.join(d, n)
            data = open(p, "rb").read()
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            rows.append("%s,sha256=%s,%d" % (os.path.relpath(p, site).replace(os.sep, "/"), digest, len(data)))
rows.append("%s/RECORD,," % info)
with open(os.path.join(site, info, "RECORD"), "w") as out:
    out.write("\n".join(rows) + "\n")
"#;

/// Write a course into `dir` with one lesson `x` and one exercise `ex` whose checks are
/// `checks` (YAML list items, indented by two spaces).
pub fn one_exercise_course(dir: &Path, checks: &str) {
    write(
        dir,
        "course.yaml",
        "id: t\ntitle: T\ndefault_lang: en\nlessons: [x]\nexercises: [ex]\n",
    );
    write(dir, "lessons/ko/x.md", "# X\n\nx\n");
    write(dir, "lessons/en/x.md", "# X\n\nx\n");
    write(
        dir,
        "exercises/ex/exercise.yaml",
        &format!("title: Ex\nlesson: x\npoints: 20\nprompt: do it\nchecks:\n{checks}"),
    );
}

/// `course --course COURSE check --workspace WS --format json --lang LANG` with extra
/// environment variables: the exit code and the `course-report/1` document.
pub fn check_report<V: AsRef<std::ffi::OsStr>>(
    course_dir: &Path,
    ws: &Path,
    lang: &str,
    env: &[(&str, V)],
) -> (i32, serde_json::Value) {
    let mut cmd = course();
    cmd.arg("--course")
        .arg(course_dir)
        .args(["check", "--format", "json", "--lang", lang, "--workspace"])
        .arg(ws);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let json = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {stdout}\nstderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap_or(-1), json)
}

/// Run `checks` on `ws` in a one-exercise course ([`one_exercise_course`]) in `lang`: the exit
/// code and the exercise's findings.
pub fn exercise_findings(ws: &Path, checks: &str, lang: &str) -> (i32, Vec<serde_json::Value>) {
    let c = tempdir();
    one_exercise_course(c.path(), checks);
    let (code, report) = check_report::<&str>(c.path(), ws, lang, &[]);
    let findings = report["exercises"][0]["findings"]
        .as_array()
        .expect("findings")
        .clone();
    (code, findings)
}

/// `course check EXERCISE` of the built-in course on `ws` in `lang`: the exercise's findings.
pub fn builtin_findings(exercise: &str, ws: &Path, lang: &str) -> Vec<serde_json::Value> {
    let out = course()
        .args(["check", exercise, "--format", "json", "--lang", lang])
        .arg("--workspace")
        .arg(ws)
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["exercises"][0]["findings"]
        .as_array()
        .expect("findings")
        .clone()
}

/// (code, message, hint) of each of `findings` that does not pass.
pub fn failing(findings: &[serde_json::Value]) -> Vec<(String, String, String)> {
    findings
        .iter()
        .filter(|f| f["status"] != "pass")
        .map(|f| {
            let text = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (text("code"), text("message"), text("hint"))
        })
        .collect()
}

/// `CMD list --format json` (CMD: `course` with its options): the `course-list/1` document.
pub fn list_doc(cmd: &mut Command) -> serde_json::Value {
    let out = ok(cmd.args(["list", "--format", "json"]).output().unwrap());
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The exercise `id` of a `course-report/1` or `course-list/1` document.
pub fn exercise<'a>(doc: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    doc["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("no exercise `{id}` in {doc}"))
}

/// stdout and stderr (lossy UTF-8) of `cmd`, which must exit with `code`.
pub fn texts(cmd: &mut Command, code: i32) -> (String, String) {
    let out = cmd.assert().code(code).get_output().clone();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The shell line that runs the built binary with `args` in the environment of [`course`]
/// (UTF-8, a terminal that takes colour) plus `env`, for [`Tmux`].
pub fn course_line(args: &str) -> String {
    course_line_with(&[], args)
}

/// [`course_line`] with more variables (values are single-quoted).
pub fn course_line_with(env: &[(&str, &str)], args: &str) -> String {
    let mut line = String::from("env");
    for var in MACHINE_VARS {
        line.push_str(&format!(" -u {var}"));
    }
    line.push_str(" TERM=xterm-256color LANG=C.UTF-8");
    for (k, v) in env {
        line.push_str(&format!(" {k}='{v}'"));
    }
    format!("{line} {} {args}", env!("CARGO_BIN_EXE_course"))
}

/// Fixture `rel` of the built-in course (a folder under `exercises/`, such as
/// `git-workflow/fixtures/pass/good`) built as `course validate` builds it: copied into a temp
/// folder, then its `setup.sh` run there with a fixed git identity and dates, no user config,
/// and the exercise's shared `fixtures/setup-lib.sh` named in `$COURSE_SETUP_LIB`.
pub fn fixture_workspace(rel: &str) -> tempfile::TempDir {
    let exercises = Path::new(env!("CARGO_MANIFEST_DIR")).join("exercises");
    let tmp = tempdir();
    copy_tree(&exercises.join(rel), tmp.path());
    if tmp.path().join("setup.sh").is_file() {
        let lib = rel
            .find("/fixtures/")
            .map(|at| exercises.join(&rel[..at]).join("fixtures/setup-lib.sh"));
        let mut cmd = StdCommand::new("sh");
        cmd.arg("setup.sh");
        if let Some(lib) = lib {
            cmd.env("COURSE_SETUP_LIB", lib);
        }
        let out = as_learner(&mut cmd, tmp.path()).output().unwrap();
        assert!(
            out.status.success(),
            "{rel}/setup.sh: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::remove_file(tmp.path().join("setup.sh")).unwrap();
    }
    tmp
}

/// Copy the folder `from` (files and folders) into `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_tree(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// A fresh workspace made with `course init --lang LANG`.
pub fn init_workspace(lang: &str) -> tempfile::TempDir {
    let ws = tempdir();
    course()
        .args(["init", "--lang", lang])
        .arg(ws.path())
        .assert()
        .success();
    ws
}

/// A fresh workspace made by `course init`, with these files written into it.
pub fn learner_workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let ws = tempdir();
    course_in(ws.path()).arg("init").assert().success();
    for (rel, contents) in files {
        write(ws.path(), rel, contents);
    }
    ws
}

/// In `tmp`, a workspace whose `src.model` takes `secs` seconds to import (beside the
/// packages `src.<others>`), and a course of one exercise that imports them all (limit 60 s):
/// the workspace and, for a language, the shell line of `course check` there for [`Tmux`].
pub fn slow_import(tmp: &Path, others: &[&str], secs: u32) -> (PathBuf, impl Fn(&str) -> String) {
    let ws = tmp.join("ws");
    venv(&ws, ".venv");
    write(&ws, "src/__init__.py", "");
    let mut modules = vec!["src.model".to_string()];
    for m in others {
        write(&ws, &format!("src/{m}/__init__.py"), "");
        modules.push(format!("src.{m}"));
    }
    write(
        &ws,
        "src/model/__init__.py",
        &format!("import time\ntime.sleep({secs})\n"),
    );
    let c = tmp.join("course");
    let modules = modules.join(", ");
    one_exercise_course(
        &c,
        &format!("  - kind: python-import\n    modules: [{modules}]\n    timeout_secs: 60\n"),
    );
    let at = ws.clone();
    let line = move |lang: &str| {
        course_line(&format!(
            "--course {} --workspace {} --lang {lang} check",
            c.display(),
            at.display()
        ))
    };
    (ws, line)
}
