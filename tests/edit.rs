//! `course edit` (issue 10): the learner's editor opens the file a failing finding points at,
//! at its line, by the editor's own convention. The "editors" are scripts named like the real
//! ones that write down the arguments they were given. An editor that draws in the terminal
//! (vim, nano, helix) is started only when stdin and stdout are a terminal, so those runs go
//! through a pseudo-terminal.
#![cfg(unix)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

use crate::common::{course_in, learner_workspace, machine_free, tempdir, texts, write};

/// Runs the command after it with stdin and stdout on a pseudo-terminal (stderr stays the
/// test's pipe), reading the terminal until it closes; exits with the command's code.
const ON_TERMINAL: &str = r#"
import os, pty, subprocess, sys
master, slave = pty.openpty()
p = subprocess.Popen(sys.argv[1:], stdin=slave, stdout=slave)
os.close(slave)
while True:
    try:
        if not os.read(master, 65536):
            break
    except OSError:
        break
sys.exit(p.wait())
"#;

/// `course` run inside `dir` as from a terminal (a terminal editor such as vim or nano is
/// only started there), without colour so the notes on stderr read as text.
fn on_terminal(dir: &Path) -> Command {
    // By the interpreter's own path (not a shim): some tests give `course` a PATH of a few
    // programs only.
    let python = std::process::Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .expect("python3 runs");
    let python = String::from_utf8(python.stdout).unwrap();
    let mut std = std::process::Command::new(python.trim());
    std.arg("-c")
        .arg(ON_TERMINAL)
        .arg(env!("CARGO_BIN_EXE_course"));
    machine_free(&mut std).env("NO_COLOR", "1").current_dir(dir);
    let mut cmd = Command::from_std(std);
    cmd.timeout(std::time::Duration::from_secs(120));
    cmd
}

/// A fake editor called `name` in `dir` that writes its arguments, one a line, to `args.txt`.
fn fake_editor(dir: &Path, name: &str) -> PathBuf {
    let log = dir.join("args.txt");
    let path = write(
        dir,
        &format!("bin/{name}"),
        &format!(
            "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done > '{}'\n",
            log.display()
        ),
    );
    std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    path
}

fn args(dir: &Path) -> Vec<String> {
    std::fs::read_to_string(dir.join("args.txt"))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// A workspace whose requirements.txt has an unexplained `numpy` on line 3.
fn workspace() -> tempfile::TempDir {
    learner_workspace(&[(
        "requirements.txt",
        "torch==2.5.1  # 딥러닝 프레임워크\n# 학습 기록\nnumpy>=1.24\nwandb\ntransformers  # 언어 모델\n",
    )])
}

#[test]
fn issue10_edit_opens_the_failing_line_in_each_editor_family() {
    let ws = workspace();
    let tools = tempdir();
    for (name, extra, expected) in [
        ("vim", "", vec!["+4", "requirements.txt"]),
        ("nano", "", vec!["+4", "requirements.txt"]),
        ("hx", "", vec!["requirements.txt:4"]),
        ("code", " --wait", vec!["-g", "requirements.txt:4"]),
        ("gedit", "", vec!["requirements.txt"]),
    ] {
        let editor = fake_editor(tools.path(), name);
        on_terminal(ws.path())
            .args(["edit", "requirements"])
            .env("EDITOR", format!("{}{extra}", editor.display()))
            .assert()
            .success();
        let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        if extra == " --wait" {
            want.insert(0, "--wait".into());
        }
        assert_eq!(args(tools.path()), want, "{name}");
    }
}

#[test]
fn issue10_visual_wins_and_a_passing_exercise_opens_its_main_file() {
    let ws = tempdir();
    course_in(ws.path()).arg("init").assert().success();
    let tools = tempdir();
    let vim = fake_editor(tools.path(), "vim");
    let nano = tempdir();
    let nano = fake_editor(nano.path(), "nano");
    // The answer file is missing: its finding names the file but no line.
    on_terminal(ws.path())
        .args(["edit", "jupyter-vs-script"])
        .env("VISUAL", &vim)
        .env("EDITOR", &nano)
        .assert()
        .success();
    assert_eq!(args(tools.path()), ["answers/jupyter_vs_script.yaml"]);
    assert!(
        !ws.path().join("answers").exists(),
        "course edit writes nothing itself"
    );
}

/// A `PATH` of one folder holding `sh` (the editor runs through it) and the given programs.
fn path_with(dir: &Path, programs: &[&str]) -> PathBuf {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let sh = std::fs::canonicalize("/bin/sh").unwrap();
    std::os::unix::fs::symlink(sh, bin.join("sh")).unwrap();
    for name in programs {
        fake_editor(dir, name);
    }
    bin
}

#[test]
fn issue10_without_an_editor_it_says_how_to_set_one() {
    let ws = workspace();
    let tools = tempdir();
    let bin = path_with(tools.path(), &[]);
    for lang in ["en", "ko"] {
        let (_, err) = texts(
            on_terminal(ws.path())
                .args(["edit", "requirements", "--lang", lang])
                .env("PATH", &bin),
            2,
        );
        assert!(err.contains("export EDITOR=nano"), "{err}");
        assert!(err.contains("requirements.txt:4"), "{err}");
        assert!(err.contains("editor, nano, vi"), "{err}");
    }
}

/// With no `$VISUAL` or `$EDITOR`, as git: the editor chosen for git, else one on PATH
/// (`editor`, then `nano`, then `vi`), and the learner is told which opened.
#[test]
fn issue9_edit_without_visual_or_editor_falls_back_as_git_does_and_says_which() {
    let ws = workspace();
    for (programs, opened, line) in [
        // A program course does not know by name gets only the file.
        (&["vi", "nano", "editor"][..], "editor", false),
        (&["vi", "nano"], "nano", true),
        (&["vi"], "vi", true),
    ] {
        let tools = tempdir();
        let bin = path_with(tools.path(), programs);
        let path = bin.join(opened).canonicalize().unwrap();
        for lang in ["en", "ko"] {
            let (_, err) = texts(
                on_terminal(ws.path())
                    .args(["edit", "requirements", "--lang", lang])
                    .env("PATH", &bin),
                0,
            );
            let want: &[&str] = if line {
                &["+4", "requirements.txt"]
            } else {
                &["requirements.txt"]
            };
            assert_eq!(args(tools.path()), want, "{opened}");
            let says = if lang == "en" {
                format!("Opening requirements.txt:4 in {}", path.display())
            } else {
                format!("requirements.txt:4를 {}로 엽니다", path.display())
            };
            let flat = crate::common::flat(err.as_bytes());
            assert!(flat.contains(&says), "{says}: {err}");
            assert!(flat.contains("export EDITOR="), "{err}");
        }
    }
    // git's editor, before any on PATH: $GIT_EDITOR, then core.editor.
    let tools = tempdir();
    let bin = path_with(tools.path(), &["nano"]);
    let hx = fake_editor(tools.path(), "hx");
    let config = write(
        tools.path(),
        "gitconfig",
        &format!("[core]\n\teditor = {}\n", hx.display()),
    );
    let git = std::env::split_paths(&std::env::var_os("PATH").unwrap())
        .map(|d| d.join("git"))
        .find(|p| p.is_file())
        .expect("git on PATH");
    let git = std::fs::canonicalize(git).unwrap();
    std::os::unix::fs::symlink(git, bin.join("git")).unwrap();
    on_terminal(ws.path())
        .args(["edit", "requirements"])
        .env("PATH", &bin)
        .env("GIT_CONFIG_GLOBAL", &config)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .assert()
        .success();
    assert_eq!(args(tools.path()), ["requirements.txt:4"]);
    let code = fake_editor(tools.path(), "code");
    on_terminal(ws.path())
        .args(["edit", "requirements"])
        .env("PATH", &bin)
        .env("GIT_CONFIG_GLOBAL", &config)
        .env("GIT_EDITOR", &code)
        .assert()
        .success();
    assert_eq!(args(tools.path()), ["-g", "requirements.txt:4"]);
}

#[test]
fn issue10_an_exercise_without_files_and_a_failing_editor_exit_2() {
    let ws = workspace();
    let edit = |id: &str, editor: &str| {
        let mut cmd = course_in(ws.path());
        cmd.args(["edit", id, "--lang", "en"]).env("EDITOR", editor);
        texts(&mut cmd, 2).1
    };
    assert!(edit("environment", "true").contains("no file to edit"));
    let err = edit("requirements", "false");
    assert!(
        err.contains("the editor `false` (from $EDITOR) ended with an error"),
        "{err}"
    );
}

#[test]
fn issue10_file_links_never_when_piped_or_plain() {
    let ws = workspace();
    for extra in [&["--color", "always"][..], &["--plain"]] {
        let mut cmd = course_in(ws.path());
        cmd.args(["check", "requirements"])
            .args(extra)
            .env("COURSE_HYPERLINKS", "1");
        let (out, _) = texts(&mut cmd, 1);
        assert!(out.contains("requirements.txt:4"), "{out}");
        assert!(!out.contains("\x1b]8;;"), "{extra:?}: {out:?}");
    }
}

/// Issue 9, third audit: with no editor set and only vi on PATH, the learner was left in vi
/// with the way to choose another hidden until it closed. The way out of vi is said before
/// it opens, and how to choose another editor after it closes (only then: fourth audit);
/// nano gets no vi keys.
#[test]
fn issue9_edit_says_how_to_quit_vi_before_and_how_to_choose_after() {
    let ws = workspace();
    for (programs, vi) in [
        (&["vi"][..], true),
        (&["vim.basic"], true),
        (&["nano"], false),
    ] {
        let tools = tempdir();
        let bin = path_with(tools.path(), programs);
        if programs == ["vim.basic"] {
            // Debian's `editor`: a link to the editor chosen.
            std::os::unix::fs::symlink(bin.join("vim.basic"), bin.join("editor")).unwrap();
        }
        for (lang, quit, choose) in [
            (
                "en",
                "press Esc, then type :wq and Enter",
                "To open another editor next time",
            ),
            (
                "ko",
                "Esc를 누른 뒤 :wq를 치고 Enter",
                "다음에 다른 편집기로 열려면",
            ),
        ] {
            let (_, err) = texts(
                on_terminal(ws.path())
                    .args(["edit", "requirements", "--lang", lang, "--width", "60"])
                    .env("PATH", &bin),
                0,
            );
            let flat = crate::common::flat(err.as_bytes());
            assert_eq!(flat.contains(quit), vi, "{programs:?}: {err}");
            // Said once (issue 9, fourth audit: the note before the editor said it too), the
            // command whole on one line at 60 columns, as a learner copies it.
            assert_eq!(err.matches("EDITOR=").count(), 1, "{lang}: {err}");
            assert!(err.contains("`export EDITOR=nano`"), "{lang}: {err}");
            // After the editor: the last thing said is how to choose another.
            let after = flat.find(choose).unwrap_or_else(|| panic!("{err}"));
            assert!(flat[after..].contains("export EDITOR=nano"), "{err}");
            if vi {
                assert!(flat.find(quit).unwrap() < after, "{err}");
                // vim at the failing line, Debian's `vim.basic` too.
                assert_eq!(args(tools.path()), ["+4", "requirements.txt"]);
            }
        }
    }
}

/// Issue 9, progress audit item 3: with stdout piped, vim was started anyway and wrote its
/// screen into the pipe. A terminal editor is not started without a terminal; the message
/// names the file and the line to open. A window editor (`code --wait`) still opens.
#[test]
fn issue9_edit_without_a_terminal_names_the_line_instead_of_starting_vim() {
    let ws = workspace();
    let tools = tempdir();
    let vim = fake_editor(tools.path(), "vim");
    for (lang, says) in [
        ("en", "Open line 4 of requirements.txt yourself"),
        ("ko", "requirements.txt의 4번째 줄을 직접 열거나"),
    ] {
        let (_, err) = texts(
            course_in(ws.path())
                .args(["edit", "requirements", "--lang", lang])
                .env("EDITOR", &vim),
            2,
        );
        let flat = crate::common::flat(err.as_bytes());
        assert!(flat.contains(says), "{err}");
        assert!(!tools.path().join("args.txt").exists(), "vim was started");
    }
    let code = fake_editor(tools.path(), "code");
    course_in(ws.path())
        .args(["edit", "requirements"])
        .env("EDITOR", format!("{} --wait", code.display()))
        .assert()
        .success();
    assert_eq!(args(tools.path()), ["--wait", "-g", "requirements.txt:4"]);
}

/// Issue 9, progress audit item 2: the editor's failure said `(exit status: 1)` in a Korean
/// sentence.
#[test]
fn issue9_a_failing_editor_says_its_exit_code_in_the_run_language() {
    let ws = workspace();
    for (lang, says) in [("en", "(exit code 1)"), ("ko", "(종료 코드 1)")] {
        let mut cmd = course_in(ws.path());
        cmd.args(["edit", "requirements", "--lang", lang])
            .env("EDITOR", "false");
        let err = texts(&mut cmd, 2).1;
        assert!(crate::common::flat(err.as_bytes()).contains(says), "{err}");
        assert!(!err.contains("exit status"), "{err}");
    }
}
