//! The core commands through the real binary: init, lesson, list, next, hint, orientation,
//! languages, course loading errors, and output for terminals versus pipes.

use std::path::{Path, PathBuf};

use crate::common::*;
use predicates::prelude::*;

fn mini() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-course")
}

/// An initialised workspace using the mini course.
fn workspace() -> tempfile::TempDir {
    let ws = tempdir();
    course().args(["init"]).arg(ws.path()).assert().success();
    ws
}

fn mini_in(ws: &Path) -> assert_cmd::Command {
    let mut cmd = course_in(ws);
    cmd.arg("--course").arg(mini());
    cmd
}

fn list_json(ws: &Path) -> serde_json::Value {
    list_doc(&mut mini_in(ws))
}

#[test]
fn version_and_help_follow_clap_conventions() {
    course()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("course "));
    for cmd in [
        "init", "list", "lesson", "next", "check", "hint", "answer", "grade", "validate",
    ] {
        // English by `--lang`: with no choice made, help follows the course's default.
        course()
            .args(["--lang", "en", cmd, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:"));
    }
    course().arg("no-such-command").assert().code(2);
    course().args(["list", "--format", "yaml"]).assert().code(2);
}

#[test]
fn bare_course_orients_instead_of_failing() {
    let dir = tempdir();
    course_in(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("course init"));
    let ws = workspace();
    mini_in(ws.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("0/3"))
        .stdout(predicate::str::contains("course next"));
}

#[test]
fn init_creates_only_the_state_folder_and_keeps_progress() {
    let ws = tempdir();
    write(ws.path(), "keep.txt", "mine");
    course().arg("init").arg(ws.path()).assert().success();
    let mut names: Vec<String> = std::fs::read_dir(ws.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".course", "keep.txt"]);
    assert_eq!(
        std::fs::read_to_string(ws.path().join("keep.txt")).unwrap(),
        "mine"
    );
    mini_in(ws.path()).args(["lesson", "2"]).assert().success();
    course()
        .arg("init")
        .arg(ws.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("이미"));
    assert_eq!(list_json(ws.path())["lessons"][1]["read"], true);
}

#[test]
fn lesson_marks_read_and_remembers_the_current_one() {
    let ws = workspace();
    mini_in(ws.path())
        .args(["lesson", "middle"])
        .assert()
        .success()
        .stdout(predicate::str::contains("중간 레슨"))
        .stdout(predicate::str::contains("레슨 2/3"))
        // A link to another lesson reads as the command that shows it.
        .stdout(predicate::str::contains("소개 (course lesson intro)"));
    let list = list_json(ws.path());
    assert_eq!(list["lessons"][0]["read"], false);
    assert_eq!(list["lessons"][1]["read"], true);
    assert_eq!(list["lessons"][1]["current"], true);
    // No argument: the current lesson again.
    mini_in(ws.path())
        .arg("lesson")
        .assert()
        .success()
        .stdout(predicate::str::contains("중간 레슨"));
    let state = std::fs::read_to_string(ws.path().join(".course/state.yaml")).unwrap();
    let state: serde_yaml::Value = serde_yaml::from_str(&state).unwrap();
    assert_eq!(state["current_lesson"], "middle");
    assert_eq!(state["version"], 1);
}

#[test]
fn unknown_lessons_are_usage_errors_that_say_what_exists() {
    let ws = workspace();
    mini_in(ws.path())
        .args(["lesson", "9"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("1").and(predicate::str::contains("3")));
    mini_in(ws.path())
        .args(["--lang", "en", "lesson", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("intro, middle, last"));
}

#[test]
fn language_comes_from_flag_then_env_then_saved_choice_then_course() {
    let ws = workspace();
    let lesson = |args: &[&str], env: Option<&str>| {
        let mut cmd = mini_in(ws.path());
        cmd.args(args).args(["lesson", "1"]);
        if let Some(lang) = env {
            cmd.env("COURSE_LANG", lang);
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    assert!(
        lesson(&[], None).contains("첫 레슨"),
        "course default is ko"
    );
    assert!(lesson(&[], Some("en")).contains("The first lesson"));
    course()
        .args(["init", "--lang", "en"])
        .arg(ws.path())
        .assert()
        .success();
    assert!(
        lesson(&[], None).contains("The first lesson"),
        "saved choice"
    );
    assert!(
        lesson(&[], Some("ko")).contains("첫 레슨"),
        "env beats saved choice"
    );
    assert!(
        lesson(&["--lang", "ko"], Some("en")).contains("첫 레슨"),
        "flag beats env"
    );
}

#[test]
fn missing_translation_falls_back_with_a_notice() {
    let ws = workspace();
    mini_in(ws.path())
        .args(["--lang", "en", "lesson", "last"])
        .assert()
        .success()
        .stdout(predicate::str::contains("한국어로만 쓴"))
        .stderr(predicate::str::contains("no `en` version"));
}

#[test]
fn next_walks_lessons_then_the_exercise_and_advances_when_done() {
    let ws = workspace();
    let next = || {
        let out = mini_in(ws.path())
            .args(["--lang", "en", "next"])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(next().contains("The first lesson"));
    assert!(next().contains("The middle lesson"));
    // Both lessons before the first exercise's are read: now its prompt.
    let ex = next();
    assert!(
        ex.contains("Create `done.txt`") || ex.contains("Create done.txt"),
        "{ex}"
    );
    assert!(ex.contains("course check first"), "{ex}");
    assert!(
        next().contains("course check first"),
        "no progress, same step"
    );
    write(ws.path(), "done.txt", "");
    assert!(
        next().contains("한국어로만 쓴"),
        "then the last lesson (Korean fallback)"
    );
    let last = next();
    assert!(last.contains("course check second"), "{last}");
    write(ws.path(), "second.txt", "");
    assert!(next().contains("Well done"));
}

#[test]
fn hints_come_one_more_each_time() {
    let ws = workspace();
    let hint = || {
        let out = mini_in(ws.path())
            .args(["--lang", "en", "hint", "first"])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let h1 = hint();
    assert!(h1.contains("Hint 1/2") && h1.contains("first hint"), "{h1}");
    let h2 = hint();
    assert!(
        h2.contains("Hint 2/2") && h2.contains("second hint") && h2.contains("last hint"),
        "{h2}"
    );
    assert!(hint().contains("Hint 2/2"), "stays on the last hint");
    mini_in(ws.path())
        .args(["hint", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("first, second"));
}

#[test]
fn list_shows_lessons_and_exercises_in_order() {
    let ws = workspace();
    let list = list_json(ws.path());
    assert_eq!(list["schema"], "course-list/1");
    let ids: Vec<&str> = list["lessons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["intro", "middle", "last"]);
    assert_eq!(list["lessons"][0]["title"], "소개");
    assert_eq!(list["exercises"][0]["status"], "fail");
    write(ws.path(), "done.txt", "");
    assert_eq!(list_json(ws.path())["exercises"][0]["status"], "pass");
    mini_in(ws.path())
        .args(["--lang", "en", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("First exercise"));
}

#[test]
fn piped_output_is_plain_and_colour_follows_the_environment() {
    let ws = workspace();
    let out = mini_in(ws.path()).arg("list").output().unwrap();
    assert!(
        !out.stdout.contains(&0x1b),
        "piped output has no escape codes"
    );
    let forced = mini_in(ws.path())
        .arg("list")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(
        forced.stdout.contains(&0x1b),
        "CLICOLOR_FORCE=1 forces colour"
    );
    let both = mini_in(ws.path())
        .arg("list")
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!both.stdout.contains(&0x1b), "NO_COLOR wins");
    let flag = mini_in(ws.path())
        .args(["--color", "always", "list"])
        .output()
        .unwrap();
    assert!(flag.stdout.contains(&0x1b));
}

#[test]
fn commands_outside_a_workspace_say_how_to_get_one() {
    let dir = tempdir();
    mini_in(dir.path())
        .args(["--lang", "en", "check"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("course init"));
    // Reading needs no workspace.
    mini_in(dir.path()).args(["lesson", "1"]).assert().success();
    mini_in(dir.path())
        .args(["--workspace", "/no/such/folder", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/no/such/folder"));
}

/// A copy of the mini course with one file replaced.
fn broken_course(rel: &str, contents: &str) -> tempfile::TempDir {
    let dir = tempdir();
    for entry in walk(&mini()) {
        let rel_path = entry.strip_prefix(mini()).unwrap();
        let target = dir.path().join(rel_path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &target).unwrap();
    }
    write(dir.path(), rel, contents);
    dir
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn broken_course_files_are_named_with_line_and_field() {
    let cases = [
        (
            "course.yaml",
            "id: x\ntitle: X\ndefault_lang: ko\nlessons: [intro]\nexercises: []\ncolour: red\n",
            "course.yaml:6",
            "unknown field `colour`",
        ),
        (
            "course.yaml",
            "id: x\ntitle: X\ndefault_lang: fr\nlessons: [intro]\nexercises: []\n",
            "course.yaml:3",
            "unknown variant `fr`",
        ),
        (
            "exercises/first/exercise.yaml",
            "title: T\nlesson: middle\nprompt: p\nchecks:\n  - kind: telepathy\n",
            "exercise.yaml:5",
            "unknown variant `telepathy`",
        ),
        (
            "exercises/first/exercise.yaml",
            "title: T\nlesson: nowhere\nprompt: p\n",
            "exercise.yaml",
            "`lesson: nowhere` is not a lesson",
        ),
        (
            "exercises/first/exercise.yaml",
            "title: T\nlesson: middle\nprompt: [unclosed\n",
            "exercise.yaml:",
            "prompt",
        ),
        (
            "exercises/first/exercise.yaml",
            "title: T\nlesson: middle\nprompt: p\nchecks:\n  - kind: paths\n    filez: [a]\n",
            "exercise.yaml:5",
            "unknown field `filez`",
        ),
        (
            "course.yaml",
            "id: mini\ntitle: X\ndefault_lang: ko\nlessons: [intro, middle, intro]\nexercises: [first]\n",
            "course.yaml",
            "lesson id `intro` is listed twice; lesson ids must be unique",
        ),
        (
            "course.yaml",
            "id: mini\ntitle: X\ndefault_lang: ko\nlessons: [intro, middle, last]\nexercises: [first, second, first]\n",
            "course.yaml",
            "exercise id `first` is listed twice; exercise ids must be unique",
        ),
    ];
    for (rel, contents, place, what) in cases {
        let dir = broken_course(rel, contents);
        course()
            .args(["--lang", "en", "--course"])
            .arg(dir.path())
            .arg("list")
            .assert()
            .code(2)
            .stderr(crate::common::says(place).and(crate::common::says(what)));
    }
    course()
        .args(["--course", "/no/such/course", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no course.yaml"));
}

#[test]
fn issue9_the_embedded_course_lists_exercises_right_after_their_lessons() {
    let dir = tempdir();
    let out = course_in(dir.path())
        .args(["list", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = list["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "requirements",
            "environment",
            "jupyter-vs-script",
            "structure",
            "git-workflow"
        ]
    );
    assert!(list["lessons"].as_array().unwrap().len() >= 5);
}

#[test]
fn the_embedded_course_validates_with_its_fixtures() {
    course()
        .arg("validate")
        .assert()
        .success()
        .stdout(predicate::str::contains("course is valid"));
}

#[test]
fn validate_reports_broken_links_and_missing_translations() {
    let dir = broken_course(
        "lessons/ko/middle.md",
        "# 중간\n\n[없는 레슨](nowhere.md)\n",
    );
    std::fs::remove_file(dir.path().join("lessons/ko/last.md")).unwrap();
    write(
        dir.path(),
        "lessons/en/last.md",
        "# Last\n\nEnglish only.\n",
    );
    course()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("middle.md:3: link `nowhere.md`"))
        .stdout(predicate::str::contains("lessons/ko/last.md"));
}

#[test]
fn ascii_tables_from_the_flag_or_the_environment() {
    let dir = tempdir();
    let table = write(
        dir.path(),
        "t.md",
        "| 도구 | 역할 |\n|---|---|\n| pip | 설치 |\n",
    );
    let render = |args: &[&str], env: Option<&str>| {
        let mut cmd = course();
        cmd.args(args).args(["lesson", "--file"]).arg(&table);
        if let Some(v) = env {
            cmd.env("COURSE_ASCII", v);
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    assert!(render(&[], None).contains('│'));
    assert!(render(&["--ascii"], None).contains("| 도구 | 역할 |"));
    assert!(render(&[], Some("1")).contains("+------+"));
    assert!(render(&[], Some("0")).contains('│'));
}

#[test]
fn hostile_course_values_are_errors_not_panics() {
    let no_lessons = broken_course(
        "course.yaml",
        "id: x\ntitle: X\ndefault_lang: ko\nlessons: []\nexercises: []\n",
    );
    course()
        .args(["--lang", "en", "--course"])
        .arg(no_lessons.path())
        .arg("next")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`lessons:` is empty"));
    let huge_timeout = broken_course(
        "exercises/first/exercise.yaml",
        "title: T\nlesson: middle\nprompt: p\nchecks:\n  - kind: python-import\n    modules: [src]\n    timeout_secs: 18446744073709551615\n",
    );
    let ws = tempdir();
    let script = write(ws.path(), ".venv/bin/python", "#!/bin/sh\nexit 0\n");
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    write(ws.path(), ".venv/pyvenv.cfg", "home = /usr/bin\n");
    let out = course()
        .arg("--course")
        .arg(huge_timeout.path())
        .args(["check", "first", "--workspace"])
        .arg(ws.path())
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0..=3)), "{out:?}");
}

#[test]
fn a_closed_pipe_is_not_a_panic() {
    let ws = workspace();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_course"))
        .arg("--course")
        .arg(mini())
        .args(["list", "--format", "json"])
        .current_dir(ws.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn issue8_validate_shows_a_fixtures_stderr_without_control_characters() {
    let dir = tempdir();
    crate::common::one_exercise_course(dir.path(), "  - kind: paths\n    files: [x]\n");
    write(
        dir.path(),
        "exercises/ex/fixtures/pass/evil/setup.sh",
        "printf 'boom \\033[2J\\302\\233\\007 done\\n' >&2\nexit 1\n",
    );
    let out = course().arg("validate").arg(dir.path()).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("boom \\e[2J\\u{9b}\\x07 done"),
        "{stdout:?}"
    );
    assert!(
        !stdout.contains(['\u{1b}', '\u{9b}', '\u{7}']),
        "{stdout:?}"
    );
}

/// `--help` in Korean under `--lang ko`: Korean headings, descriptions and examples.
#[test]
fn issue9_help_is_korean_under_lang_ko() {
    let dir = tempdir();
    let out = course_in(dir.path())
        .args(["--lang", "ko", "--help"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for said in [
        "사용법: course",
        "명령:",
        "옵션:",
        "예:",
        "종료 코드:",
        "작업 폴더의 연습 문제를 확인합니다",
    ] {
        assert!(text.contains(said), "{said}:\n{text}");
    }
    for english in ["Usage:", "Options:", "Commands:", "Examples:", "Print help"] {
        assert!(!text.contains(english), "{english}:\n{text}");
    }
    let out = course_in(dir.path())
        .args(["--lang", "ko", "check", "--help"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for said in [
        "작업 폴더의 연습 문제를 확인합니다",
        "인자:",
        "연습 문제 id [기본: 전부]",
        "종료 코드:",
    ] {
        assert!(text.contains(said), "{said}:\n{text}");
    }
    assert!(!text.contains("Verify exercises"), "{text}");
}

/// A bad flag under `--lang ko`, and a mistyped command under a Korean locale: `오류:` and the
/// reason in Korean, clap's words after it, exit code 2 as before.
#[test]
fn issue9_usage_errors_are_korean_under_lang_ko_and_a_korean_locale() {
    let dir = tempdir();
    let out = course_in(dir.path())
        .args(["--lang", "ko", "check", "--frob"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("오류: 알 수 없는 옵션 `--frob`이 있습니다"),
        "{err}"
    );
    assert!(err.contains("사용법: course check"), "{err}");
    let korean_locale = |args: &[&str]| {
        let out = course_in(dir.path())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "ko_KR.UTF-8")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8(out.stderr).unwrap()
    };
    let err = korean_locale(&["chek"]);
    assert!(err.starts_with("오류: `chek`은 없는 명령입니다"), "{err}");
    assert!(err.contains("`check`를 쓰려던 것입니까?"), "{err}");
    let err = korean_locale(&["list", "--format", "yaml"]);
    assert!(
        err.contains("`yaml`은 쓸 수 없습니다 (가능한 값: text, json)"),
        "{err}"
    );
    let err = korean_locale(&["--width"]);
    assert!(err.contains("에는 값이 필요합니다"), "{err}");
    // `--lang en` wins over the locale. An English locale does not decide either: usage
    // errors follow the rule of every other output, whose last word is the course's default
    // (Korean for the built-in course; tests/content.rs has a course whose default is English).
    let err = korean_locale(&["--lang", "en", "chek"]);
    assert!(err.starts_with("error: unrecognized subcommand"), "{err}");
    let out = course_in(dir.path())
        .env_remove("LC_ALL")
        .env("LANG", "en_US.UTF-8")
        .arg("--frob")
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("오류: 알 수 없는 옵션 `--frob`"), "{err}");
}

/// A command's error in Korean starts `오류:`, not `error:` (issue 9).
#[test]
fn issue9_command_errors_have_a_korean_prefix() {
    let dir = tempdir();
    for (lang, prefix) in [("ko", "오류: "), ("en", "error: ")] {
        let out = course_in(dir.path())
            .args(["--lang", lang, "--no-pager", "skip", "no-such-exercise"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with(prefix), "{err}");
    }
}

/// Issue 9: code in notices and errors (stderr) is shown as code on a colour terminal, as in
/// findings, and keeps its backticks when plain.
#[test]
fn issue9_code_in_errors_is_coloured_without_backticks_on_a_colour_terminal() {
    let ws = learner_workspace(&[]);
    let run = |color: &str| {
        let out = course_in(ws.path())
            .args(["--lang", "ko", "--color", color, "--width", "200"])
            .args(["check", "nosuch"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8(out.stderr).unwrap()
    };
    let plain = run("never");
    assert!(plain.contains("`nosuch`라는"), "{plain}");
    let coloured = run("always");
    assert!(coloured.contains("nosuch\x1b[0m라는"), "{coloured}");
    assert!(!coloured.contains('`'), "{coloured}");
}
