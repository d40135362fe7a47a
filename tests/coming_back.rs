//! A learner coming back never gets trapped (issue 9, items 1 and 7): the start `course`
//! prints outside a workspace works as pasted whether `~/my-vla-project` exists or not, leads
//! back to it when it is a workspace already, and never makes `~` a workspace. Each test has
//! its own home folder (`HOME` set to a temp dir), and pastes the commands into `sh` as a
//! learner would, with the built `course` on `PATH`.

use std::path::Path;
use std::process::Command as StdCommand;

use crate::common::{course_in, flat, machine_free, tempdir, texts, write};

/// `course ARGS` in `dir` with `home` as the home folder.
fn course_at(dir: &Path, home: &Path) -> assert_cmd::Command {
    let mut cmd = course_in(dir);
    cmd.env("HOME", home);
    cmd
}

/// stdout of `course --lang LANG next` run in `dir`, with `home` as the home folder.
fn next_says(dir: &Path, home: &Path, lang: &str) -> String {
    texts(course_at(dir, home).args(["--lang", lang, "next"]), 0).0
}

/// The indented command lines of a text, as a learner would paste them.
fn commands(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.starts_with("  ") && !l.trim().is_empty())
        .map(|l| l.trim().to_string())
        .collect()
}

/// Run `lines` in `sh` in `home`, as pasted into a new terminal there, with the built
/// `course` on PATH; the shell's stdout.
fn paste(home: &Path, lines: &[String]) -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_course")).parent().unwrap();
    let path = std::env::join_paths(
        std::iter::once(bin.to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let script = format!("set -e\n{}\n", lines.join("\n"));
    let out = machine_free(&mut StdCommand::new("sh"))
        .args(["-c", &script])
        .current_dir(home)
        .env("HOME", home)
        .env("PATH", path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{script}: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn issue9_coming_back_another_day_the_start_leads_back_to_the_workspace() {
    for lang in ["ko", "en"] {
        let home = tempdir();
        let home = home.path();
        // The first day: the start as printed, pasted in `~`.
        let start = commands(&next_says(home, home, lang));
        // In Korean, the course's default, the pasted lines have no `--lang`; in English
        // they keep the learner in English (issue 9 flow audit: they led to the Korean course).
        let (init, page1, page2) = match lang {
            "ko" => ("course init && course next", "레슨 1/7", "레슨 2/7"),
            _ => (
                "course init --lang en && course next",
                "Lesson 1/7",
                "Lesson 2/7",
            ),
        };
        assert_eq!(
            start[..2],
            ["mkdir -p ~/my-vla-project && cd ~/my-vla-project", init],
            "{lang}"
        );
        let first = paste(home, &start[..2]);
        assert!(first.contains(page1), "{first}");
        let ws = home.join("my-vla-project");
        assert!(ws.join(".course").is_dir());
        // Another day, a new terminal in `~`: the way back, not a second start.
        let back = next_says(home, home, lang);
        let lines = commands(&back);
        assert_eq!(lines[..2], ["cd ~/my-vla-project", "course next"], "{back}");
        assert!(!back.contains("mkdir"), "{back}");
        let again = paste(home, &lines[..2]);
        assert!(again.contains(page2), "{again}");
        // The old start, pasted anyway, works too: `course init` in the workspace keeps the
        // progress and `course next` goes on.
        let old = paste(home, &start[..2]);
        // (Lesson 2 is followed by its exercise.)
        assert!(old.contains("course check requirements"), "{old}");
        assert!(!home.join(".course").exists(), "`~` became a workspace");
    }
}

#[test]
fn issue9_init_in_an_existing_workspace_keeps_its_progress_and_exits_0() {
    let home = tempdir();
    let ws = home.path().join("project");
    std::fs::create_dir(&ws).unwrap();
    course_at(&ws, home.path()).arg("init").assert().success();
    next_says(&ws, home.path(), "en");
    let state = std::fs::read_to_string(ws.join(".course/state.yaml")).unwrap();
    for lang in ["en", "ko"] {
        let (out, _) = texts(
            course_at(&ws, home.path()).args(["--lang", lang, "init"]),
            0,
        );
        let says = if lang == "en" {
            "is already a course workspace; progress kept"
        } else {
            "이미 코스 작업 폴더입니다"
        };
        assert!(flat(out.as_bytes()).contains(says), "{out}");
    }
    let after = std::fs::read_to_string(ws.join(".course/state.yaml")).unwrap();
    assert_eq!(
        state.replace("lang: en\n", ""),
        after.replace("lang: ko\n", "")
    );
}

#[test]
fn issue9_init_refuses_the_home_folder_and_the_root_with_the_start_that_works() {
    let home = tempdir();
    let home = home.path();
    for (lang, says) in [("en", "is your home folder"), ("ko", "홈 폴더입니다")] {
        let (_, err) = texts(course_at(home, home).args(["--lang", lang, "init"]), 2);
        assert!(flat(err.as_bytes()).contains(says), "{err}");
        assert!(
            err.contains("  mkdir -p ~/my-vla-project && cd ~/my-vla-project\n"),
            "{err}"
        );
        // Named with --workspace from elsewhere: the same.
        let elsewhere = tempdir();
        texts(
            course_at(elsewhere.path(), home)
                .args(["--lang", lang, "init", "--workspace"])
                .arg(home),
            2,
        );
    }
    assert!(!home.join(".course").exists());
    let (_, err) = texts(course_at(home, home).args(["init", "--lang", "en", "/"]), 2);
    assert!(
        flat(err.as_bytes()).contains("root of the file system"),
        "{err}"
    );
    // A home folder made a workspace before this fix: the way to undo it.
    std::fs::create_dir(home.join(".course")).unwrap();
    let (_, err) = texts(course_at(home, home).args(["--lang", "en", "init"]), 2);
    assert!(err.contains("rm -r .course"), "{err}");
    // Back in the README's folder, the refusal says to go there.
    std::fs::remove_dir(home.join(".course")).unwrap();
    let ws = home.join("my-vla-project");
    std::fs::create_dir(&ws).unwrap();
    course_at(&ws, home).arg("init").assert().success();
    let (_, err) = texts(course_at(home, home).args(["--lang", "ko", "init"]), 2);
    assert!(
        err.contains("  cd ~/my-vla-project\n  course next"),
        "{err}"
    );
}

#[test]
fn issue9_init_next_to_another_workspace_names_it_and_the_way_there() {
    let home = tempdir();
    let top = home.path().join("work");
    let ws = top.join("my-vla-project");
    std::fs::create_dir_all(ws.join("src")).unwrap();
    course_at(&ws, home.path()).arg("init").assert().success();
    // One level up: the workspace below is named, with the command that goes there.
    for (lang, says) in [
        ("en", "is a course workspace already"),
        ("ko", "이미 진행 상황이 있는"),
    ] {
        let dir = tempdir();
        let parent = dir.path().join("p");
        std::fs::create_dir_all(parent.join("my-vla-project/.course")).unwrap();
        let (_, err) = texts(
            course_at(&parent, home.path()).args(["--lang", lang, "init"]),
            0,
        );
        assert!(flat(err.as_bytes()).contains(says), "{err}");
        assert!(
            err.contains("  cd my-vla-project && course next\n"),
            "{err}"
        );
    }
    // Inside it: the workspace above is named.
    let (_, err) = texts(
        course_at(&ws.join("src"), home.path()).args(["--lang", "en", "init"]),
        0,
    );
    assert!(
        flat(err.as_bytes()).contains("a folder above this one, is a course workspace too"),
        "{err}"
    );
    let quoted = ws.canonicalize().unwrap().display().to_string();
    assert!(
        err.contains(&format!("cd {quoted} && course next")),
        "{err}"
    );
    // A folder with none around it: no note.
    let alone = tempdir();
    let (_, err) = texts(course_at(alone.path(), home.path()).arg("init"), 0);
    assert!(err.is_empty(), "{err}");
}

#[test]
fn issue9_a_lesson_read_without_a_workspace_ends_with_the_start_of_course_next() {
    for lang in ["en", "ko"] {
        let home = tempdir();
        let home = home.path();
        // The page's last two lines; the first two command lines of `course next`.
        let block = |text: &str| {
            let lines = commands(text);
            lines[lines.len() - 2..].to_vec()
        };
        let start = commands(&next_says(home, home, lang))[..2].to_vec();
        for n in ["1", "7"] {
            let (page, _) = texts(course_at(home, home).args(["--lang", lang, "lesson", n]), 0);
            assert_eq!(block(&page), start, "{page}");
            // Never a bare `course init`, which in `~` or the course's clone makes that a workspace.
            assert!(!page.contains("course init)"), "{page}");
        }
        let ws = home.join("my-vla-project");
        std::fs::create_dir(&ws).unwrap();
        course_at(&ws, home).arg("init").assert().success();
        let (page, _) = texts(
            course_at(home, home).args(["--lang", lang, "lesson", "2"]),
            0,
        );
        // The workspace speaks Korean (no language saved): read in English, the way back
        // keeps English (`course init` there keeps the progress).
        let next = match lang {
            "ko" => "course next",
            _ => "course init --lang en && course next",
        };
        assert_eq!(block(&page), ["cd ~/my-vla-project", next], "{page}");
    }
}

/// A course of one lesson and two exercises, each passing when its file exists.
fn two_exercises(dir: &Path) {
    write(
        dir,
        "course.yaml",
        "id: t\ntitle: T\ndefault_lang: en\nlessons: [x]\nexercises: [a, b]\n",
    );
    write(dir, "lessons/ko/x.md", "# X\n\nx\n");
    write(dir, "lessons/en/x.md", "# X\n\nx\n");
    for id in ["a", "b"] {
        write(
            dir,
            &format!("exercises/{id}/exercise.yaml"),
            &format!(
                "title: Exercise {id}\nlesson: x\npoints: 10\nprompt: make {id}.txt\nchecks:\n  - kind: paths\n    files: [{id}.txt]\n"
            ),
        );
    }
}

/// After `course skip`, once `course next` has led back to the exercise (the last one left),
/// `course list` and `course watch` show it as `course next` does: the exercise being worked
/// on, failing, not "later".
#[test]
fn issue9_an_exercise_next_came_back_to_is_no_longer_later() {
    let (c, ws) = (tempdir(), tempdir());
    two_exercises(c.path());
    let (c, ws) = (c.path(), ws.path());
    let run = |args: &[&str]| {
        let mut cmd = course_in(ws);
        cmd.arg("--course").arg(c).args(["--lang", "en"]).args(args);
        texts(&mut cmd, 0).0
    };
    run(&["init"]);
    assert!(run(&["next"]).contains("Lesson 1/1"));
    assert!(run(&["next"]).contains("Exercise: Exercise a"));
    run(&["skip", "a"]);
    let word = |list: &str, title: &str| {
        let line = list
            .lines()
            .find(|l| l.contains(title))
            .unwrap()
            .to_string();
        line.split_whitespace().next().unwrap().to_string()
    };
    // Put aside while `course next` is on another exercise: "later".
    assert!(run(&["next"]).contains("Exercise: Exercise b"));
    assert_eq!(word(&run(&["list"]), "Exercise a"), "later");
    write(ws, "b.txt", "");
    // Everything else done: `course next` leads back to it, and so do list and watch.
    let page = run(&["next"]);
    assert!(page.contains("Exercise: Exercise a"), "{page}");
    assert!(page.contains("This is the last exercise left."), "{page}");
    let list = run(&["list"]);
    assert_eq!(word(&list, "Exercise a"), "fail", "{list}");
    assert!(!list.contains("later"), "{list}");
    let mut cmd = crate::common::course_std();
    cmd.arg("--course").arg(c);
    cmd.args(["--lang", "en", "--width", "400", "watch"])
        .current_dir(ws);
    let mut watch = crate::common::Watch::spawn(cmd);
    let screen = watch.wait_for("Ctrl-C to stop").to_string();
    assert!(screen.contains("fail  Exercise a"), "{screen}");
    assert!(!screen.contains("later"), "{screen}");
    // The mark is kept (`course skip --undo a` still takes it back): JSON says so.
    let doc = crate::common::list_doc(course_in(ws).arg("--course").arg(c));
    assert_eq!(crate::common::exercise(&doc, "a")["deferred"], true);
}

/// Plain footers name their commands one way: bare after a label, as `Next: course next`
/// does; the hint's footer had backticks (`Another hint: \`course hint requirements\``).
#[test]
fn issue9_plain_footers_write_commands_alike() {
    let ws = crate::common::learner_workspace(&[]);
    for lang in ["en", "ko"] {
        let (page, _) = texts(
            course_in(ws.path()).args(["--lang", lang, "hint", "requirements"]),
            0,
        );
        let last = page.lines().last().unwrap();
        assert!(last.ends_with(" course hint requirements"), "{page}");
        assert!(!last.contains('`'), "{page}");
        let (page, _) = texts(course_in(ws.path()).args(["--lang", lang, "next"]), 0);
        let last = page.lines().last().unwrap();
        assert!(!last.contains('`'), "{page}");
    }
}

/// `course doctor --format json` run in a 60-column tmux window with stdout piped (`| cat`),
/// `redirect` and `env` added; its width and where the width came from.
fn piped_width(redirect: &str, env: &[(&str, &str)]) -> (u64, String) {
    let dir = tempdir();
    let out = dir.path().join("out.json");
    let line = format!(
        "{} {redirect} | cat > '{}'",
        crate::common::course_line_with(env, "doctor --format json"),
        out.display()
    );
    let tmux = crate::common::Tmux::sized(dir.path(), &line, 60, 20);
    tmux.wait_for("[exit ");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let term = &doc["terminal"];
    assert_eq!(term["stdout_is_terminal"], false, "{doc}");
    (
        term["width"].as_u64().unwrap(),
        term["width_from"].as_str().unwrap().to_string(),
    )
}

/// Piped in a 60-column window (bash exports no COLUMNS), the output is laid out for 60
/// columns, taken from stderr's terminal, else from /dev/tty; COLUMNS and --width still come
/// first, and with no terminal at all it is 80.
#[test]
fn issue9_piped_output_takes_the_width_of_the_window_it_is_read_in() {
    let window = (60, "controlling-terminal".to_string());
    assert_eq!(piped_width("", &[]), window);
    assert_eq!(piped_width("2>/dev/null", &[]), window);
    assert_eq!(
        piped_width("", &[("COLUMNS", "100")]),
        (100, "columns".to_string())
    );
    assert_eq!(piped_width("--width 70", &[]), (70, "flag".to_string()));
    // No terminal (the tests' own run, with no window behind it): the default.
    let out = crate::common::course()
        .env_remove("COLUMNS")
        .args(["doctor", "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    if std::fs::File::open("/dev/tty").is_err() {
        assert_eq!(doc["terminal"]["width"], 80, "{doc}");
        assert_eq!(doc["terminal"]["width_from"], "default", "{doc}");
    }
}

/// Issue 9: the other language's start, printed under the first, is a whole start too: pasted
/// in `~` it makes the workspace in the project's folder and shows lesson 1 in that language;
/// another day it leads back there and switches the language, keeping the progress.
#[test]
fn issue9_the_other_languages_start_works_as_pasted() {
    for (lang, other, lesson_1, lesson_2) in [
        ("ko", "en", "1/7", "2/7"),
        ("en", "ko", "레슨 1/7", "레슨 2/7"),
    ] {
        let home = tempdir();
        let home = home.path();
        let start = commands(&next_says(home, home, lang));
        let switch = &start[start.len() - 2..];
        assert!(
            switch[1].starts_with(&format!("course init --lang {other} ")),
            "{start:?}"
        );
        let first = paste(home, switch);
        assert!(first.contains(lesson_1), "{first}");
        assert!(home.join("my-vla-project/.course").is_dir());
        assert!(!home.join(".course").exists(), "`~` became a workspace");
        // Another day, in `~`, asked in the first language: back to it, in the other.
        let back = commands(&next_says(home, home, lang));
        let again = paste(home, &back[back.len() - 2..]);
        assert!(again.contains(lesson_2), "{again}");
    }
}

/// Issue 9, third audit: a workspace that is not `~/my-vla-project` (`~/work/vla`), seen
/// from `~` or `~/work`: `course next` led to a second start at lesson 1. It leads back to
/// the workspace below, and the lines pasted go on there.
#[test]
fn issue9_a_workspace_below_the_current_folder_is_led_back_to() {
    for lang in ["ko", "en"] {
        let home = tempdir();
        let home = home.path();
        let ws = home.join("work/vla");
        std::fs::create_dir_all(&ws).unwrap();
        course_at(&ws, home).arg("init").assert().success();
        next_says(&ws, home, lang);
        // Things a home folder holds that the search must pass by without reading them: a
        // FIFO (opening it would block) and a link to another workspace (not followed).
        let fifo = home.join("work/pipe");
        assert!(StdCommand::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        let elsewhere = tempdir();
        course_at(elsewhere.path(), home)
            .arg("init")
            .assert()
            .success();
        std::os::unix::fs::symlink(elsewhere.path(), home.join("linked")).unwrap();
        for from in [home.to_path_buf(), home.join("work")] {
            let says = next_says(&from, home, lang);
            let lines = commands(&says);
            // Read in English, the way back keeps English while the workspace speaks Korean
            // (until the first paste saves English there).
            let state = std::fs::read_to_string(ws.join(".course/state.yaml")).unwrap();
            let next = match lang {
                "en" if !state.contains("lang: en") => "course init --lang en && course next",
                _ => "course next",
            };
            assert_eq!(lines[..2], ["cd ~/work/vla", next], "{says}");
            assert!(!says.contains("mkdir"), "{says}");
            assert!(flat(says.as_bytes()).contains("~/work/vla"), "{says}");
            // Followed literally in a new terminal there: on where the learner was.
            let script = format!("cd {}\n{}", from.display(), lines[..2].join("\n"));
            let again = paste(home, &[script]);
            assert!(
                !again.contains("mkdir") && !again.contains(" 1/7"),
                "{again}"
            );
        }
        // Deeper than two folders is not looked for: the start stays the README's.
        let deep = tempdir();
        let far = deep.path().join("a/b/c");
        std::fs::create_dir_all(&far).unwrap();
        course_at(&far, deep.path()).arg("init").assert().success();
        let says = next_says(deep.path(), deep.path(), lang);
        assert!(says.contains("mkdir -p ~/my-vla-project"), "{says}");
    }
}

/// Issue 9, progress audit item 5: a learner who ran `course init --lang en` and came back
/// from `~` read the Korean start first (the course's default). The start that leads back
/// to a workspace speaks the language saved there; `--lang` and `COURSE_LANG` still win, and
/// a progress file that does not parse (or is huge) is no choice, never an error.
#[test]
fn issue9_the_way_back_speaks_the_language_saved_in_the_workspace() {
    let home = tempdir();
    let home = home.path();
    for (ws, lang, says) in [
        (
            home.join("my-vla-project"),
            "en",
            "Not in a course workspace here.",
        ),
        (
            home.join("my-vla-project"),
            "ko",
            "여기는 코스 작업 폴더가 아닙니다.",
        ),
    ] {
        course_at(home, home)
            .args(["init", "--lang", lang])
            .arg(&ws)
            .assert()
            .success();
        for args in [&["next"][..], &[]] {
            let out = texts(course_at(home, home).args(args), 0).0;
            assert!(out.contains(says), "{lang} {args:?}: {out}");
        }
    }
    // The workspace below the current folder, saved in English, seen from `~`.
    let other = tempdir();
    let other = other.path();
    let below = other.join("work/vla");
    std::fs::create_dir_all(&below).unwrap();
    course_at(&below, other)
        .args(["init", "--lang", "en"])
        .assert()
        .success();
    let out = texts(course_at(other, other).arg("next"), 0).0;
    assert!(out.contains("Not in a course workspace here."), "{out}");
    assert!(out.contains("cd ~/work/vla"), "{out}");
    // Asked for explicitly, the other language.
    let out = texts(course_at(other, other).args(["--lang", "ko", "next"]), 0).0;
    assert!(out.contains("여기는 코스 작업 폴더가 아닙니다."), "{out}");
    let out = texts(
        course_at(other, other).arg("next").env("COURSE_LANG", "ko"),
        0,
    )
    .0;
    assert!(out.contains("여기는 코스 작업 폴더가 아닙니다."), "{out}");
    // A damaged or oversized progress file: the course's default, and exit 0.
    let state = below.join(".course/state.yaml");
    for text in [
        "lang: [en\n".to_string(),
        format!("lang: en\n#{}\n", "x".repeat(8 << 20)),
    ] {
        std::fs::write(&state, text).unwrap();
        let out = texts(course_at(other, other).arg("next"), 0).0;
        assert!(out.contains("여기는 코스 작업 폴더가 아닙니다."), "{out}");
    }
}
