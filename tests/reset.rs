//! Issue 10: `course reset EXERCISE` and `course reset --all` through the real binary on the
//! built-in course. Progress is forgotten, the learner's files never change, a script must
//! say `--yes`, and on a real terminal (tmux) the question is asked and "no" is the default.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::*;
use predicates::prelude::*;

/// A workspace made with `course init --lang LANG`, holding a file of the learner's.
fn workspace(lang: &str) -> tempfile::TempDir {
    let ws = init_workspace(lang);
    write(ws.path(), "requirements.txt", "numpy  # 배열 계산\n");
    ws
}

/// Progress of every kind: a lesson read and current, a hint seen, an exercise worked on, one
/// put aside.
fn make_progress(ws: &Path) {
    for args in [
        &["lesson", "1"][..],
        &["hint", "requirements"],
        &["skip", "environment"],
    ] {
        course_in(ws).args(args).assert().success();
    }
}

fn list_json(ws: &Path) -> serde_json::Value {
    list_doc(&mut course_in(ws))
}

/// Every file outside `.course/` with its contents: what reset must leave alone.
fn learner_files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.file_name().is_some_and(|n| n == ".course") {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(root).unwrap().display().to_string();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

fn state(ws: &Path) -> String {
    std::fs::read_to_string(ws.join(".course/state.yaml")).unwrap()
}

#[test]
fn issue10_reset_one_exercise_forgets_only_its_marks() {
    let ws = workspace("en");
    make_progress(ws.path());
    let before = list_json(ws.path());
    assert_eq!(exercise(&before, "requirements")["tried"], true);
    let files = learner_files(ws.path());

    course_in(ws.path())
        .args(["reset", "requirements", "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::contains("1 hint seen"))
        .stdout(predicate::str::contains("worked on"))
        .stdout(predicate::str::contains("Kept: your files"));
    let after = list_json(ws.path());
    assert_eq!(exercise(&after, "requirements")["tried"], false);
    // Other exercises and the lessons keep their progress.
    assert_eq!(exercise(&after, "environment")["deferred"], true);
    assert_eq!(after["lessons"][0]["read"], true);
    // The first hint is shown again.
    course_in(ws.path())
        .args(["hint", "requirements"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Hint 1/"));
    assert_eq!(learner_files(ws.path()), files);

    // Skipping is forgotten the same way; twice is "nothing to reset".
    course_in(ws.path())
        .args(["reset", "environment", "-y"])
        .assert()
        .success()
        .stdout(predicate::str::contains("putting it aside"));
    course_in(ws.path())
        .args(["reset", "environment", "-y"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Nothing to reset for `environment`",
        ));
    assert_eq!(
        exercise(&list_json(ws.path()), "environment")["deferred"],
        false
    );
}

#[test]
fn issue10_reset_all_forgets_everything_but_the_language_and_the_files() {
    let ws = workspace("ko");
    make_progress(ws.path());
    let files = learner_files(ws.path());
    course_in(ws.path())
        .args(["reset", "--all", "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::contains("읽은 레슨 1개"))
        .stdout(predicate::str::contains("지금 보던 레슨 (`why`)"))
        .stdout(predicate::str::contains(
            "연습 문제 1개에서 본 힌트 (모두 1개)",
        ))
        .stdout(predicate::str::contains("미뤄 둔 연습 문제 1개"))
        .stdout(predicate::str::contains("언어 선택 (ko)"));
    let list = list_json(ws.path());
    assert_eq!(list["lang"], "ko");
    for lesson in list["lessons"].as_array().unwrap() {
        assert_eq!(lesson["read"], false, "{lesson}");
        assert_eq!(lesson["current"], false, "{lesson}");
    }
    for ex in list["exercises"].as_array().unwrap() {
        assert_eq!(ex["tried"], false, "{ex}");
        assert_eq!(ex["deferred"], false, "{ex}");
    }
    assert_eq!(learner_files(ws.path()), files);
    // No temporary file is left behind in .course/.
    let names: Vec<String> = std::fs::read_dir(ws.path().join(".course"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains("tmp")), "{names:?}");
    course_in(ws.path())
        .args(["reset", "--all", "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::contains("초기화할 것이 없습니다"));
}

#[test]
fn issue10_reset_without_a_terminal_needs_yes() {
    let ws = workspace("en");
    make_progress(ws.path());
    let saved = state(ws.path());
    for args in [&["reset", "--all"][..], &["reset", "requirements"]] {
        course_in(ws.path())
            .args(args)
            .write_stdin("y\n")
            .assert()
            .code(2)
            .stdout(predicate::str::contains("This forgets:"))
            .stderr(predicate::str::contains("--yes"))
            .stderr(predicate::str::contains("nothing was reset"));
        assert_eq!(state(ws.path()), saved);
    }
}

#[test]
fn issue10_reset_refuses_unknown_ids_and_bad_arguments() {
    let ws = workspace("en");
    course_in(ws.path())
        .args(["reset", "requirement", "--yes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `requirements`"))
        .stderr(predicate::str::contains("git-workflow"));
    // Part of an id is enough to be pointed at it.
    course_in(ws.path())
        .args(["reset", "git", "--yes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `git-workflow`?"));
    course_in(ws.path())
        .args(["reset", "--yes"])
        .assert()
        .code(2);
    course_in(ws.path())
        .args(["reset", "requirements", "--all"])
        .assert()
        .code(2);
    // Outside a workspace: how to get one.
    let dir = tempdir();
    course_in(dir.path())
        .args(["--lang", "en", "reset", "--all", "--yes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("course init"));
    assert!(!dir.path().join(".course").exists());
}

#[test]
fn issue10_reset_all_replaces_a_damaged_progress_file() {
    let ws = workspace("en");
    write(ws.path(), ".course/state.yaml", "lessons_read: [\n");
    course_in(ws.path())
        .arg("list")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("course reset --all"));
    // One exercise cannot be reset in a file that does not parse.
    course_in(ws.path())
        .args(["reset", "requirements", "--yes"])
        .assert()
        .code(2);
    course_in(ws.path())
        .args(["--lang", "en", "reset", "--all", "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::contains("damaged progress file"));
    course_in(ws.path()).arg("list").assert().success();
}

#[cfg(unix)]
#[test]
fn issue10_reset_with_a_symlinked_course_folder_writes_nothing_through_it() {
    let ws = workspace("en");
    make_progress(ws.path());
    let elsewhere = tempdir();
    let moved = elsewhere.path().join("state");
    std::fs::rename(ws.path().join(".course"), &moved).unwrap();
    std::os::unix::fs::symlink(&moved, ws.path().join(".course")).unwrap();
    let saved = std::fs::read_to_string(moved.join("state.yaml")).unwrap();
    course_in(ws.path())
        .args(["--lang", "en", "reset", "--all", "--yes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("symbolic link"));
    assert_eq!(
        std::fs::read_to_string(moved.join("state.yaml")).unwrap(),
        saved
    );
}

// ---- on a real terminal: tmux (common::Tmux) ---------------------------------------------

#[test]
fn issue10_reset_asks_on_a_terminal_and_no_is_the_default() {
    let ws = workspace("en");
    make_progress(ws.path());
    let saved = state(ws.path());

    // Enter alone is "no".
    let tmux = Tmux::start(ws.path(), &course_line("reset --all"));
    let screen = tmux.wait_for("Reset? [y/N]");
    assert!(screen.contains("1 lesson read"), "{screen}");
    tmux.send(&["Enter"]);
    tmux.wait_for("[exit 0]");
    assert!(tmux.screen().contains("Nothing was reset."));
    assert_eq!(state(ws.path()), saved);
    drop(tmux);

    // Something else is asked again; then `y` resets.
    let tmux = Tmux::start(ws.path(), &course_line("reset --all"));
    tmux.wait_for("Reset? [y/N]");
    tmux.send(&["maybe", "Enter"]);
    tmux.wait_for("answer y (yes) or n (no)");
    tmux.send(&["y", "Enter"]);
    let screen = tmux.wait_for("[exit 0]");
    assert!(screen.contains("Reset. Forgot:"), "{screen}");
    assert_eq!(list_json(ws.path())["lessons"][0]["read"], false);
}

#[test]
fn issue10_reset_on_a_terminal_in_korean_and_ctrl_d_or_ctrl_c_keep_everything() {
    let ws = workspace("ko");
    make_progress(ws.path());
    let saved = state(ws.path());
    // Ctrl-D is "no" (exit 0); Ctrl-C stops it (exit 130, as documented).
    for (key, code) in [("C-d", "[exit 0]"), ("C-c", "[exit 130]")] {
        let tmux = Tmux::start(ws.path(), &course_line("reset requirements"));
        tmux.wait_for("초기화하시겠습니까?");
        tmux.send(&[key]);
        let screen = tmux.wait_for(code);
        assert!(!screen.contains("초기화했습니다"), "{key}: {screen}");
        assert_eq!(state(ws.path()), saved, "{key}");
    }
    let tmux = Tmux::start(ws.path(), &course_line("reset requirements"));
    tmux.wait_for("초기화하시겠습니까?");
    tmux.send(&["예", "Enter"]);
    let screen = tmux.wait_for("[exit 0]");
    assert!(screen.contains("초기화했습니다"), "{screen}");
    assert_eq!(
        exercise(&list_json(ws.path()), "requirements")["tried"],
        false
    );
}

/// Issue 9: resetting an exercise that passes does not promise "not yet" in `course list`:
/// the checks still see the files, so it still shows "pass" (통과); the message says both.
#[test]
fn issue9_reset_of_a_passing_exercise_says_it_still_shows_pass() {
    for (lang, pass, said, not_said) in [
        (
            "en",
            "pass",
            "\"pass\" when it passes",
            "as \"not yet\" again",
        ),
        ("ko", "통과", "통과하면 \"통과\"로", "다시 \"아직\"으로"),
    ] {
        let ws = init_workspace(lang);
        write(
            ws.path(),
            "requirements.txt",
            "torch==2.10.0  # model definition and training\nnumpy>=1.26  # arrays\n\
pillow>=9.0  # camera images\npyyaml>=6.0  # config files\ntqdm>=4.0  # progress bars\n",
        );
        course_in(ws.path())
            .args(["check", "requirements"])
            .assert()
            .success();
        assert_eq!(
            exercise(&list_json(ws.path()), "requirements")["tried"],
            true
        );
        let (out, _) = texts(
            course_in(ws.path()).args(["reset", "requirements", "--yes"]),
            0,
        );
        assert!(out.contains(said), "{lang}: {out}");
        assert!(!out.contains(not_said), "{lang}: {out}");
        let (list, _) = texts(course_in(ws.path()).arg("list"), 0);
        let line = list
            .lines()
            .find(|l| l.trim_end().ends_with(" requirements"))
            .unwrap_or_else(|| panic!("{list}"));
        assert!(line.trim_start().starts_with(pass), "{lang}: {line}");
    }
}
