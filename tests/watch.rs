//! `course watch`: the real binary re-checks when the learner saves a file, with OS file
//! events and with `--poll`.

use crate::support;
use std::path::Path;
use std::time::Duration;

use crate::common::{course, course_std, tempdir, write, Watch};

fn mini() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-course")
}

/// `course watch EXTRA` in `ws` on the mini course.
fn watch(ws: &Path, extra: &[&str]) -> Watch {
    let mut cmd = course_std();
    cmd.arg("--course").arg(mini());
    watch_with(ws, cmd, extra)
}

/// `cmd watch EXTRA` in `ws`, in English.
fn watch_with(ws: &Path, mut cmd: std::process::Command, extra: &[&str]) -> Watch {
    // Wide enough that no phrase the tests wait for is wrapped (the layout at 60 to 140
    // columns is tested in `wrap`).
    cmd.args(["--lang", "en", "--width", "400", "watch"])
        .args(extra)
        .current_dir(ws);
    Watch::spawn(cmd)
}

fn watch_through_both_exercises(extra: &[&str], mode_line: &str) {
    let ws = tempdir();
    course().arg("init").arg(ws.path()).assert().success();
    let mut w = watch(ws.path(), extra);
    w.expect("0/2 exercises pass");
    w.expect("First exercise");
    w.expect(mode_line);
    write(ws.path(), "done.txt", "");
    w.expect("1/2 exercises pass");
    w.expect("Second exercise");
    write(ws.path(), "second.txt", "");
    w.expect("2/2 exercises pass");
    w.expect("Every exercise passes");
}

#[test]
fn file_events_recheck_on_save() {
    watch_through_both_exercises(&[], "save a file to check again");
}

#[test]
fn polling_rechecks_too_and_says_so() {
    watch_through_both_exercises(&["--poll"], "looking every 0.5 s");
}

#[test]
fn reading_files_to_check_them_does_not_count_as_a_change() {
    // The real course reads README.md, src/, configs/, .gitignore, git: none of that reading
    // may wake the watcher, or it would check forever.
    let ws = tempdir();
    support::build_project(ws.path());
    course().arg("init").arg(ws.path()).assert().success();
    let mut w = watch_with(ws.path(), course_std(), &[]);
    w.expect("4/5 exercises pass");
    w.expect("Ctrl-C to stop");
    let since = w.gather(Duration::from_secs(3));
    assert!(
        !since.contains("exercises pass"),
        "redrew without a change:\n{since}"
    );
    write(ws.path(), "requirements.txt", "torch\n");
    w.expect("3/5 exercises pass");
}

#[test]
fn watch_needs_a_workspace() {
    let dir = tempdir();
    course()
        .current_dir(dir.path())
        .args(["--lang", "en", "watch"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("course init"));
}

#[test]
fn issue9_watch_shows_the_exercise_next_is_on_not_one_put_aside() {
    let ws = tempdir();
    course().arg("init").arg(ws.path()).assert().success();
    course()
        .current_dir(ws.path())
        .arg("--course")
        .arg(mini())
        .args(["skip", "first"])
        .assert()
        .success();
    let mut w = watch(ws.path(), &[]);
    w.expect("0/2 exercises pass");
    // The rest of the first screen, up to its last line.
    let screen = w.wait_for("Ctrl-C to stop");
    assert!(screen.contains("Second exercise"), "{screen}");
    assert!(!screen.contains("First exercise"), "{screen}");
}
