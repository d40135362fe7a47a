//! Issue 9, the learner audit of the flow (init, next, lesson, exercise, check, skip, come
//! back): reading a lesson never starts Python, and a start printed outside a workspace
//! speaks the language saved in the workspace nearby, whichever command printed it.

use std::path::Path;

use crate::common::{copy_tree, course_in, flat, init_workspace, ok, tempdir, texts, venv, write};

/// `course --lang LANG --no-sandbox --width 200 lesson N` in `ws`: the page, flattened. Out
/// of the sandbox so that an interpreter started by mistake can leave its marker.
fn lesson(ws: &Path, lang: &str, n: &str) -> String {
    let out = ok(course_in(ws)
        .args([
            "--lang",
            lang,
            "--no-sandbox",
            "--width",
            "200",
            "lesson",
            n,
        ])
        .output()
        .unwrap());
    flat(&out.stdout)
}

/// Flow audit item 1: `course lesson N` decided whether to show "the exercise comes right
/// after this lesson" by running the exercise's check, so a slow import (torch) held the page
/// up to its limit. The environment's interpreter here is a stub that leaves a marker and
/// sleeps: the lessons whose notes name a Python exercise (3, `environment`; 5, `structure`)
/// show at once, never start it, and keep the note, since nothing says the exercise is done.
/// A pass an earlier `course check` remembered still removes the note. Fails on the old
/// code: the stub ran and left its marker.
#[cfg(unix)]
#[test]
fn issue9_a_lesson_page_starts_no_interpreter() {
    use std::os::unix::fs::PermissionsExt;
    let notes = [
        (
            "ko",
            "연습 문제 `environment`가 바로 다음이다",
            "연습 문제 `structure`가 바로 다음이다",
        ),
        (
            "en",
            "The `environment` exercise comes right after",
            "The `structure` exercise comes right after",
        ),
    ];
    for (lang, env_note, structure_note) in notes {
        let ws = init_workspace(lang);
        let w = ws.path();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("exercises/structure/fixtures/pass/full-tree");
        copy_tree(&fixture, w);
        let env = venv(w, ".venv");
        // A real import passes and is remembered: the page then leaves the note out.
        ok(course_in(w).args(["check", "structure"]).output().unwrap());
        let page = lesson(w, lang, "5");
        assert!(!page.contains(structure_note), "{lang}: {page}");

        // Now an interpreter that would take long (a new interpreter: nothing remembered).
        let marker = tempdir();
        let started = marker.path().join("started");
        let python = env.join("bin/python");
        std::fs::remove_file(&python).unwrap();
        let stub = format!(
            "#!/bin/sh\necho started >> '{}'\nsleep 3\n",
            started.display()
        );
        write(&env, "bin/python", &stub);
        std::fs::set_permissions(&python, std::fs::Permissions::from_mode(0o755)).unwrap();
        for (n, note) in [
            ("3", env_note),
            ("5", structure_note),
            ("environments", env_note),
        ] {
            let page = lesson(w, lang, n);
            assert!(
                !started.exists(),
                "{lang}: course lesson {n} started the interpreter"
            );
            assert!(page.contains(note), "{lang} lesson {n}: {page}");
        }
    }
}

/// Flow audit item 3: outside a workspace, `course next` spoke the language saved in the
/// workspace nearby, but `course lesson` (the whole page and its start), `course list` and
/// the error of `course check` and `course hint` spoke the course's default, and the error
/// said to run `course init` here (in `~`, making the home folder a workspace). Each now says
/// the one start, which leads back to the workspace, in its language; `--lang` still wins.
/// Fails on the old code (Korean where English was saved).
#[test]
fn issue9_every_command_outside_a_workspace_speaks_the_saved_language() {
    let home = tempdir();
    let home = home.path();
    let at = |args: &[&str], code: i32| {
        let mut cmd = course_in(home);
        cmd.env("HOME", home).args(args);
        let (out, err) = texts(&mut cmd, code);
        flat(format!("{out}{err}").as_bytes())
    };
    let cases = [
        (
            "work/vla",
            "en",
            [
                "Lesson 1/7",
                "go back to your workspace: cd ~/work/vla course next",
            ],
            [
                "Exercises are checked in a workspace.",
                "error: this folder is not a course workspace",
            ],
        ),
        (
            "my-vla-project",
            "ko",
            [
                "레슨 1/7",
                "작업 폴더로 돌아가십시오: cd ~/my-vla-project course next",
            ],
            [
                "연습 문제는 작업 폴더에서 확인합니다.",
                "오류: 이 폴더는 코스 작업 폴더가 아닙니다",
            ],
        ),
    ];
    for (dir, lang, [page, start], [list, error]) in cases {
        let ws = home.join(dir);
        std::fs::create_dir_all(&ws).unwrap();
        ok(course_in(&ws)
            .env("HOME", home)
            .args(["init", "--lang", lang])
            .output()
            .unwrap());
        let text = at(&["lesson", "1"], 0);
        assert!(
            text.contains(page) && text.contains(start),
            "{lang}: {text}"
        );
        let text = at(&["list"], 0);
        assert!(
            text.contains(list) && text.contains(start),
            "{lang}: {text}"
        );
        for command in ["check", "hint", "skip", "edit"] {
            let text = at(&[command], 2);
            assert!(
                text.contains(error) && text.contains(start),
                "{lang} {command}: {text}"
            );
        }
        // Asked for explicitly, the other language.
        let other = if lang == "en" { "ko" } else { "en" };
        let text = at(&["--lang", other, "lesson", "1"], 0);
        assert!(!text.contains(page), "--lang {other}: {text}");
        std::fs::remove_dir_all(home.join(".course")).ok();
        std::fs::remove_dir_all(&ws).unwrap();
    }
}

/// Progress with lessons 1 to 3 read and `requirements` put aside: `course next` is on the
/// environment exercise, which has no file to edit.
pub const ON_ENVIRONMENT: &str = "version: 1\ncurrent_lesson: environments\nlessons_read: [why, pip, environments]\nhints_shown: {}\ntried: [requirements]\ndeferred: [requirements]\n";

/// Flow audit item 4 (walk at 60 columns): `course watch` on the environment exercise offered
/// `e open the file to fix in your editor`, and `e` then said there was no file to edit: an
/// exercise of an environment has none. `e` is offered only with a file to fix, in both
/// languages. Fails on the old code (the status line offered `e`).
#[cfg(unix)]
#[test]
fn issue9_watch_offers_e_only_where_the_exercise_has_a_file() {
    use crate::common::{course_line, Tmux};
    for (lang, title, quit, offer, nothing) in [
        (
            "en",
            "Build a Python environment",
            "q quit",
            "e open",
            "What to do is on this",
        ),
        (
            "ko",
            "환경 구성 실습",
            "q 끝내기",
            "e 고칠 파일을",
            "할 일은 이 화면에 있고",
        ),
    ] {
        let ws = init_workspace(lang);
        write(ws.path(), ".course/state.yaml", ON_ENVIRONMENT);
        let t = Tmux::sized(
            ws.path(),
            &course_line(&format!("--lang {lang} watch")),
            60,
            24,
        );
        let screen = t.wait_for(quit);
        assert!(screen.contains(title), "{lang}:\n{screen}");
        assert!(!screen.contains(offer), "{lang}:\n{screen}");
        t.send(&["e"]);
        // What to do is what the watch shows, not another command (issue 9: the note ended
        // with "`course check environment`가 알려 줍니다").
        let screen = t.wait_for(nothing);
        assert!(
            !screen.contains("course check"),
            "{lang}:
{screen}"
        );
        t.send(&["q"]);
        assert_eq!(t.exit_code(), "0");
    }
}

/// Flow audit item 4 (walk at 60 columns): on the home screen, `e` on the environment
/// exercise said "`environment`에는 편집할 파일이 없습니다" with the backticks on screen,
/// where every other text on a terminal shows code painted, without them. Fails on the old
/// code (the backticks).
#[cfg(unix)]
#[test]
fn issue9_home_messages_show_code_without_backticks() {
    use crate::common::{course_line, Tmux};
    for (lang, quit, says, wait) in [
        (
            "en",
            "q quit",
            "environment has no file to edit",
            "c checks it here",
        ),
        (
            "ko",
            "q 끝내기",
            "environment에는 편집할 파일이 없습니다",
            "c를 누르면",
        ),
    ] {
        let ws = init_workspace(lang);
        write(ws.path(), ".course/state.yaml", ON_ENVIRONMENT);
        let t = Tmux::sized(ws.path(), &course_line(&format!("--lang {lang}")), 60, 24);
        t.wait_for(quit);
        t.send(&["e"]);
        let screen = t.wait_for(wait);
        assert!(flat(screen.as_bytes()).contains(says), "{lang}:\n{screen}");
        assert!(!screen.contains('`'), "{lang}:\n{screen}");
        t.send(&["q"]);
        assert_eq!(t.exit_code(), "0");
    }
}

/// Flow audit item 4 (walk at 60 columns, Korean): `course skip` on the exercise put aside
/// that `course next` is back on (everything else done) said "once everything else is done,
/// `course next` comes back to it", though nothing else was left. It says `course next` is
/// back on it, and what to do now. Fails on the old code.
#[test]
fn issue9_skip_again_on_the_last_exercise_says_next_is_back_on_it() {
    let c = tempdir();
    crate::common::one_exercise_course(c.path(), "  - kind: paths\n    files: [a.txt]\n");
    let state = "version: 1\ncurrent_lesson: x\nlessons_read: [x]\nhints_shown: {}\ntried: [ex]\ndeferred: [ex]\n";
    for (lang, back, old) in [
        (
            "en",
            "`course next` is back on it",
            "once everything else is done",
        ),
        (
            "ko",
            "`course next`가 다시 이 문제를 보여 줍니다",
            "나머지를 다 하면",
        ),
    ] {
        let ws = tempdir();
        ok(course_in(ws.path())
            .arg("--course")
            .arg(c.path())
            .arg("init")
            .output()
            .unwrap());
        write(ws.path(), ".course/state.yaml", state);
        let (out, _) = texts(
            course_in(ws.path())
                .arg("--course")
                .arg(c.path())
                .args(["--lang", lang, "--plain", "skip"]),
            0,
        );
        let text = flat(out.as_bytes());
        assert!(text.contains(back) && !text.contains(old), "{lang}: {text}");
        assert!(text.contains("course check ex"), "{lang}: {text}");
    }
}
