//! Issue 9, the learner audit of the flow (init, next, lesson, exercise, check, skip, come
//! back): reading a lesson never starts Python, and a start printed outside a workspace
//! speaks the language saved in the workspace nearby, whichever command printed it.

use std::path::Path;

use crate::common::{copy_tree, course_in, flat, init_workspace, ok, tempdir, venv, write};

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
