//! Issue 9: a flow that keeps a learner moving, through the real binary on the built-in
//! course. `course next` outside a workspace never loops; each exercise comes right after its
//! lesson; `course skip` puts one aside and `course next` comes back to it; `course list`
//! says "not yet" for an exercise nobody tried and shows read and current apart; every
//! command honours `--workspace` or refuses it.

use std::path::Path;

use crate::common::*;
use predicates::prelude::*;

/// A workspace made with `course init`, in English.
fn workspace() -> tempfile::TempDir {
    let ws = tempdir();
    course()
        .args(["init", "--lang", "en"])
        .arg(ws.path())
        .assert()
        .success();
    ws
}

/// `course next` in `ws`: its stdout.
fn next(ws: &Path) -> String {
    let out = course_in(ws).arg("next").output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn list_json(ws: &Path) -> serde_json::Value {
    list_doc(&mut course_in(ws))
}

#[test]
fn issue9_next_outside_a_workspace_says_how_to_start_and_never_loops() {
    let dir = tempdir();
    for _ in 0..2 {
        course_in(dir.path())
            .args(["--lang", "en", "next"])
            .assert()
            .success()
            .stdout(predicate::str::contains(
                "course init --lang en && course next",
            ))
            .stdout(predicate::str::contains("course lesson 1"))
            .stdout(predicate::str::contains("Lesson 1/").not());
    }
    // Reading without a workspace moves on by lesson number, not back to `course next`.
    course_in(dir.path())
        .args(["--lang", "en", "lesson", "1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Next: course lesson 2"));
    // A folder named with --workspace that is not initialised: say how to make it one.
    course_in(dir.path())
        .args(["--lang", "en", "next", "--workspace"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("course init"))
        .stdout(predicate::str::contains("Lesson 1/").not());
    assert!(!dir.path().join(".course").exists());
}

#[test]
fn issue9_each_exercise_comes_right_after_its_lesson_and_can_be_skipped() {
    let ws = workspace();
    let root = ws.path();
    assert!(next(root).contains("Lesson 1/7"));
    assert!(next(root).contains("Lesson 2/7"));
    // Lesson 2 (pip) ends "the requirements exercise comes right after": it does.
    let shown = next(root);
    assert!(
        shown.contains("Exercise: Write a requirements.txt"),
        "{shown}"
    );
    assert!(shown.contains("course skip"), "{shown}");
    write(
        root,
        "requirements.txt",
        "torch==2.10.0  # model\nnumpy>=1.26  # arrays\npillow>=10.0  # images\nwandb>=0.15  # logging\ntransformers>=4.35  # language\n",
    );
    assert!(next(root).contains("Lesson 3/7"));
    // The environment exercise needs a torch download: skip it and read on.
    assert!(next(root).contains("Exercise: Build a Python environment"));
    course_in(root)
        .arg("skip")
        .assert()
        .success()
        .stdout(predicate::str::contains("`environment`"));
    assert!(next(root).contains("Lesson 4/7"));
    let state = std::fs::read_to_string(root.join(".course/state.yaml")).unwrap();
    assert!(state.contains("deferred"), "{state}");
    let list = list_json(root);
    assert_eq!(exercise(&list, "environment")["deferred"], true);
    // Undo: `course next` leads to it again in its place.
    course_in(root)
        .args(["skip", "--undo", "environment"])
        .assert()
        .success();
    assert!(next(root).contains("Exercise: Build a Python environment"));
    // Skipping with nothing to skip is a usage error that says what to do.
    let fresh = workspace();
    course_in(fresh.path())
        .arg("skip")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("course skip ID"));
}

#[test]
fn issue9_a_skipped_exercise_comes_back_once_everything_else_is_done() {
    let ws = workspace();
    let root = ws.path();
    for lesson in 1..=7 {
        course_in(root)
            .args(["lesson", &lesson.to_string()])
            .assert()
            .success();
    }
    for id in [
        "requirements",
        "environment",
        "jupyter-vs-script",
        "structure",
    ] {
        course_in(root).args(["skip", id]).assert().success();
    }
    // Everything but git-workflow is put aside, so next is git-workflow ...
    assert!(next(root).contains("Exercise: Practise the git workflow"));
    course_in(root)
        .args(["skip", "git-workflow"])
        .assert()
        .success();
    // ... and with all of them put aside, next comes back to the first, in lesson order,
    // without offering to skip it again (issue 9: that would lead straight back).
    let back = next(root);
    assert!(
        back.contains("Exercise: Write a requirements.txt"),
        "{back}"
    );
    assert!(!back.contains("course skip"), "{back}");
    assert!(back.contains("4 more exercises are left"), "{back}");
    // Skipping it again does not claim that next moves on (it cannot: it would loop).
    let again = course_in(root)
        .args(["skip", "requirements"])
        .output()
        .unwrap();
    let again = String::from_utf8(again.stdout).unwrap();
    assert!(again.contains("already put aside"), "{again}");
    assert!(!again.contains("moves on"), "{again}");
    assert!(!again.contains("Next: course next"), "{again}");
    assert!(again.contains("course skip --undo environment"), "{again}");
    assert!(next(root).contains("Exercise: Write a requirements.txt"));
    // In Korean too.
    let ko = course_in(root)
        .args(["--lang", "ko", "next"])
        .output()
        .unwrap();
    let ko = String::from_utf8(ko.stdout).unwrap();
    assert!(!ko.contains("course skip"), "{ko}");
    assert!(ko.contains("연습 문제가 4개 남아 있습니다"), "{ko}");
}

#[test]
fn issue9_an_untried_exercise_is_not_yet_and_read_and_current_show_apart() {
    let ws = workspace();
    let root = ws.path();
    let list = list_json(root);
    for e in list["exercises"].as_array().unwrap() {
        assert_eq!(e["status"], "fail");
        assert_eq!(e["tried"], false);
    }
    let text = |lang: &str| {
        let out = course_in(root)
            .args(["--lang", lang, "list"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(!text("ko").contains("실패"), "{}", text("ko"));
    assert!(text("ko").contains("아직"));
    assert!(!text("en").contains("fail"), "{}", text("en"));
    // Naming an exercise in `course check` is trying it.
    course_in(root)
        .args(["check", "requirements"])
        .assert()
        .code(1);
    assert_eq!(exercise(&list_json(root), "requirements")["tried"], true);
    let en = text("en");
    let line = en.lines().find(|l| l.ends_with(" requirements")).unwrap();
    assert!(line.contains("fail"), "{en}");
    // Read lesson 2, then go back to lesson 1: lesson 1 is read and current, lesson 2 read only.
    course_in(root).args(["lesson", "2"]).assert().success();
    course_in(root).args(["lesson", "1"]).assert().success();
    let en = text("en");
    let lesson = |n: &str| en.lines().find(|l| l.contains(n)).unwrap().to_string();
    assert!(lesson(" 1. ").starts_with("  +> "), "{en}");
    assert!(lesson(" 2. ").starts_with("  +  "), "{en}");
    assert!(lesson(" 3. ").starts_with("     "), "{en}");
}

#[test]
fn issue9_every_command_honours_workspace_or_refuses_it() {
    let cwd = tempdir();
    let target = tempdir();
    course_in(cwd.path())
        .args(["init", "--workspace"])
        .arg(target.path())
        .assert()
        .success();
    assert!(target.path().join(".course").is_dir());
    assert!(!cwd.path().join(".course").exists());
    // Two different folders: refuse rather than pick one.
    let other = tempdir();
    course_in(cwd.path())
        .args(["--lang", "en", "init"])
        .arg(other.path())
        .arg("--workspace")
        .arg(target.path())
        .assert()
        .code(2)
        .stderr(crate::common::says("give one"));
    assert!(!other.path().join(".course").exists());
    // Commands that use no workspace say so instead of ignoring it.
    course_in(cwd.path())
        .args(["--lang", "en", "validate", "--no-fixtures", "--workspace"])
        .arg(target.path())
        .assert()
        .code(2)
        .stderr(crate::common::says("not a workspace"));
    let md = write(cwd.path(), "a.md", "# A\n");
    course_in(cwd.path())
        .args(["--lang", "en", "lesson", "--file"])
        .arg(&md)
        .arg("--workspace")
        .arg(target.path())
        .assert()
        .code(2);
    // Learner commands use the named workspace from anywhere.
    course_in(cwd.path())
        .args(["lesson", "3", "--workspace"])
        .arg(target.path())
        .assert()
        .success();
    let list = {
        let out = course_in(cwd.path())
            .args(["list", "--format", "json", "--workspace"])
            .arg(target.path())
            .output()
            .unwrap();
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    assert_eq!(list["lessons"][2]["read"], true);
    course_in(cwd.path())
        .args(["skip", "environment", "--workspace"])
        .arg(target.path())
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(target.path().join(".course/state.yaml"))
            .unwrap()
            .contains("environment")
    );
}

/// A fresh learner is not told the same thing twice (issue 9): the exercise page says how to
/// check once (its footer; the prompt no longer repeats it), and a lesson's pointer to its
/// exercise leaves the exercise's instructions to the exercise.
#[test]
fn issue9_the_exercise_page_says_how_to_check_once() {
    for lang in ["ko", "en"] {
        let ws = tempdir();
        course_in(ws.path())
            .args(["init", "--lang", lang])
            .assert()
            .success();
        let mut pages = Vec::new();
        for _ in 0..3 {
            let out = course_in(ws.path())
                .args(["--no-pager", "--width", "200", "next"])
                .output()
                .unwrap();
            pages.push(String::from_utf8(out.stdout).unwrap());
        }
        let exercise = &pages[2];
        assert_eq!(
            exercise.matches("course check requirements").count(),
            1,
            "{exercise}"
        );
        for lesson in ["environments", "jupyter", "structure", "git"] {
            let out = course_in(ws.path())
                .args(["--no-pager", "--width", "200", "lesson", lesson])
                .output()
                .unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            assert!(!text.contains("course check "), "{lesson}: {text}");
            assert!(!text.contains("course answer "), "{lesson}: {text}");
        }
    }
}

/// `course list` as text in `ws`, in `lang`.
fn list_text(ws: &Path, lang: &str) -> String {
    let out = course_in(ws)
        .args(["--lang", lang, "list"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn issue9_list_explains_only_the_marks_it_shows() {
    let ws = workspace();
    // Nothing read, nothing put aside: no lesson legend, and only "not yet" explained.
    for (lang, not_yet, read, later) in [
        ("en", "(not yet: not started)", "+ read", "later:"),
        ("ko", "(아직: 시작하지 않음)", "+ 읽음", "나중에:"),
    ] {
        let text = list_text(ws.path(), lang);
        assert!(text.contains(not_yet), "{text}");
        assert!(!text.contains(read) && !text.contains(later), "{text}");
    }
    next(ws.path());
    course_in(ws.path())
        .args(["skip", "requirements"])
        .assert()
        .success();
    let text = list_text(ws.path(), "en");
    assert!(text.contains("(+ read; > the lesson you are on)"), "{text}");
    assert!(
        text.contains("(not yet: not started; later: put aside with `course skip`)"),
        "{text}"
    );
    let text = list_text(ws.path(), "ko");
    assert!(text.contains("(+ 읽음, > 지금 보는 레슨)"), "{text}");
    assert!(text.contains("나중에: `course skip`으로 미뤄 둠"), "{text}");
}
