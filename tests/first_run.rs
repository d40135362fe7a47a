//! A first run that starts right (issue 9): the learner's workspace is a repository of its
//! own, not a folder of the course's clone; `course init --workspace DIR` ends with a command
//! that works from where the learner is; outside a workspace, `course` and `course next` say
//! the same start. Real git repositories with an explicit author and branch, both languages.

use std::path::Path;

use crate::common::{course, course_in, flat, git, git_init, one_exercise_course, tempdir, write};

/// A clone-like repository with one commit, as `git clone` of the course leaves it.
fn course_clone(dir: &Path) {
    git_init(dir);
    write(dir, "course.yaml", "id: c\n");
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "Course files"]);
}

#[test]
fn issue9_init_inside_another_repository_names_it_and_says_what_to_do() {
    let clone = tempdir();
    course_clone(clone.path());
    let ws = clone.path().join("my-vla-project");
    std::fs::create_dir(&ws).unwrap();
    let top = clone.path().canonicalize().unwrap().display().to_string();
    let home = tempdir();
    for (lang, says) in [
        ("en", "this folder is inside the git repository at"),
        ("ko", "이 폴더는"),
    ] {
        let out = course_in(&ws)
            .args(["--lang", lang, "init"])
            .env("HOME", home.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let note = flat(&out.stderr);
        assert!(note.contains(says), "{note}");
        assert!(note.contains(&top), "{note}");
        assert!(note.contains("`git init`"), "{note}");
        // In English with `--lang en`: the course's default is Korean, so the start keeps it.
        let init = match lang {
            "ko" => "course init && course next",
            _ => "course init --lang en && course next",
        };
        assert!(
            note.contains(&format!(
                "mkdir -p ~/my-vla-project && cd ~/my-vla-project {init}"
            )),
            "{note}"
        );
    }
    // Only `.course/` was written: not a `.git`, nothing in the clone around it.
    let mut made: Vec<String> = std::fs::read_dir(&ws)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    made.sort();
    assert_eq!(made, [".course"]);
    assert!(git(clone.path(), &["status", "--porcelain"]).is_empty());

    // A folder that is a repository of its own, or in none: nothing to note.
    let own = tempdir();
    git_init(own.path());
    let out = course_in(own.path()).arg("init").output().unwrap();
    assert!(out.status.success() && out.stderr.is_empty(), "{out:?}");
    let none = tempdir();
    let out = course_in(none.path()).arg("init").output().unwrap();
    assert!(out.status.success() && out.stderr.is_empty(), "{out:?}");
}

#[test]
fn issue9_doctor_says_the_workspace_is_inside_another_repository() {
    let clone = tempdir();
    course_clone(clone.path());
    let ws = clone.path().join("my");
    std::fs::create_dir(&ws).unwrap();
    course_in(&ws).arg("init").assert().success();
    let out = course_in(&ws)
        .args(["doctor", "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let git = &doc["workspace"]["git"];
    assert_eq!(git["repository"], false, "{doc}");
    assert!(git["top"].is_null(), "{doc}");
    let problems: Vec<&str> = doc["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert!(
        problems.contains(&"git/workspace-inside-other-repo"),
        "{problems:?}"
    );
    let text = course_in(&ws)
        .args(["--lang", "ko", "doctor"])
        .output()
        .unwrap();
    let text = flat(&text.stdout);
    assert!(text.contains("자체 저장소 없음"), "{text}");
    assert!(!text.contains("전체 이력"), "{text}");
}

/// Grading never climbs above the submission: a subfolder of a repository (a monorepo
/// with a folder per student) has no repository of its own to grade, and says so with
/// `git/not-a-repo`, never with the surrounding repository's history.
#[test]
fn issue9_grading_a_subfolder_of_a_repository_does_not_read_the_repository_around_it() {
    let c = tempdir();
    one_exercise_course(c.path(), "  - kind: git-history\n    min_commits: 1\n");
    let mono = tempdir();
    git_init(mono.path());
    let sub = mono.path().join("students/alice");
    write(&sub, "hello.py", "print(1)\n");
    git(mono.path(), &["add", "-A"]);
    git(mono.path(), &["commit", "-q", "-m", "Alice's work"]);
    let out = course()
        .arg("--course")
        .arg(c.path())
        .args(["grade", "--format", "json", "--workspace"])
        .arg(&sub)
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &doc["exercises"][0]["findings"];
    assert_eq!(f.as_array().unwrap().len(), 1, "{doc}");
    assert_eq!(f[0]["code"], "git/not-a-repo", "{doc}");
}

#[test]
fn issue9_init_with_a_workspace_elsewhere_prints_a_command_that_works_from_here() {
    let here = tempdir();
    for (lang, next) in [("en", "Next: "), ("ko", "다음: ")] {
        let dir = format!("project {lang}");
        let out = course_in(here.path())
            .args(["--lang", lang, "init", "--workspace", &dir])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let line = stdout
            .lines()
            .find_map(|l| l.strip_prefix(next))
            .unwrap_or_else(|| panic!("{stdout}"));
        assert_eq!(line, format!("cd 'project {lang}' && course next"));
        // Pasted into a shell where the learner is, it runs: the first lesson, not "not a
        // workspace".
        let bin = Path::new(env!("CARGO_BIN_EXE_course")).parent().unwrap();
        let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
        let mut sh = std::process::Command::new("sh");
        crate::common::machine_free(&mut sh);
        let ran = sh
            .args(["-c", line])
            .current_dir(here.path())
            .env("PATH", path)
            .output()
            .unwrap();
        assert!(ran.status.success(), "{ran:?}");
        let shown = String::from_utf8_lossy(&ran.stdout);
        assert!(shown.contains(" 1/"), "{shown}");
    }
    // Naming the current folder: the start types `course next` right after, no pointer.
    let ws = tempdir();
    let out = course_in(ws.path())
        .args(["--lang", "en", "init", "--workspace", "."])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Next:"));
}

/// Outside a workspace, `course` alone and `course next` give the one start (the README's),
/// and name the other language's switch once.
#[test]
fn issue9_outside_a_workspace_course_and_next_say_the_same_start() {
    let dir = tempdir();
    // The other language's start is whole too (issue 9: it was `course init --lang en &&
    // course next`, which assumed the learner already was in the project's folder).
    // The start itself in the language read: with `--lang en` in English, since the course's
    // default is Korean (issue 9 flow audit: the English start led to the Korean course, and
    // so did its alternative, `--lang ko`).
    for (lang, other, start, langs) in [
        (
            "en",
            "한국어로 보려면:\n  mkdir -p ~/my-vla-project && cd ~/my-vla-project\n  course init --lang ko && course next\n",
            "  mkdir -p ~/my-vla-project && cd ~/my-vla-project\n  course init --lang en && course next\n",
            2,
        ),
        (
            "ko",
            "In English:\n  mkdir -p ~/my-vla-project && cd ~/my-vla-project\n  course init --lang en && course next\n",
            "  mkdir -p ~/my-vla-project && cd ~/my-vla-project\n  course init && course next\n",
            1,
        ),
    ] {
        let run = |args: &[&str]| {
            let out = course_in(dir.path())
                .args(["--lang", lang])
                .args(args)
                .env("HOME", dir.path())
                .output()
                .unwrap();
            assert!(out.status.success(), "{out:?}");
            String::from_utf8(out.stdout).unwrap()
        };
        let (home, next) = (run(&[]), run(&["next"]));
        for text in [&home, &next] {
            assert!(text.contains(start), "{text}");
            assert_eq!(text.matches("--lang").count(), langs, "{text}");
            assert!(text.contains(other), "{text}");
        }
        // The whole start is the same text in both.
        let from = next.find(start).unwrap();
        let block = &next[..from + start.len()];
        assert!(home.contains(block), "{home}\n---\n{next}");
    }
    assert!(!dir.path().join(".course").exists());
}

#[test]
fn issue9_init_in_the_course_default_language_shows_the_way_to_the_other() {
    // Fails on baa29ea: an English reader following the README's `course init && course next`
    // got Korean with no way to English shown (fifth audit).
    let ws = tempdir();
    let out = course_in(ws.path())
        .env_remove("COURSE_LANG")
        .arg("init")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("In English: `course init --lang en`"),
        "{said}"
    );
    // A language chosen (by the flag, or saved) needs no such line.
    let chosen = tempdir();
    let out = course_in(chosen.path())
        .args(["init", "--lang", "ko"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(!said.contains("In English"), "{said}");
}
