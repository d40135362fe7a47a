//! `course watch`: the real binary re-checks when the learner saves a file, commits, installs
//! a package or makes a folder, with OS file events and with `--poll`; it follows progress
//! changed in another terminal and fits a small window.

use crate::support;
use std::path::Path;
use std::time::Duration;

use crate::common::{
    course, course_in, course_line, course_std, git, git_init, one_exercise_course, stub_package,
    tempdir, texts, venv, write, Tmux, Watch,
};

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

/// The end of every screen `course watch` draws when not on a terminal.
const END: &str = "Ctrl-C to stop";

/// `course --course COURSE ARGS` in `ws`, which must succeed (another terminal of the learner).
fn elsewhere(ws: &Path, course_dir: &Path, args: &[&str]) {
    course()
        .current_dir(ws)
        .arg("--course")
        .arg(course_dir)
        .args(args)
        .assert()
        .success();
}

/// Read lessons 1 to `n` of `course_dir` in `ws`, as `course lesson N` does.
fn read_lessons(ws: &Path, course_dir: &Path, n: usize) {
    for i in 1..=n {
        elsewhere(ws, course_dir, &["--lang", "en", "lesson", &i.to_string()]);
    }
}

fn watch_through_both_exercises(extra: &[&str], mode_line: &str) {
    let ws = tempdir();
    course().arg("init").arg(ws.path()).assert().success();
    read_lessons(ws.path(), &mini(), 3);
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
    watch_through_both_exercises(&[], "No reaction on WSL");
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
    read_lessons(ws.path(), &mini(), 3);
    let mut w = watch(ws.path(), &[]);
    w.expect("0/2 exercises pass");
    // The rest of the first screen, up to its last line.
    let screen = w.wait_for("Ctrl-C to stop");
    assert!(screen.contains("Second exercise"), "{screen}");
    assert!(!screen.contains("First exercise"), "{screen}");
}

/// A course in `dir` with one lesson and, for each `(id, file)`, an exercise passed by making
/// `file`.
fn files_course(dir: &Path, exercises: &[(&str, &str)]) {
    let ids: Vec<&str> = exercises.iter().map(|(id, _)| *id).collect();
    write(
        dir,
        "course.yaml",
        &format!(
            "id: t\ntitle: T\ndefault_lang: en\nlessons: [x]\nexercises: [{}]\n",
            ids.join(", ")
        ),
    );
    write(dir, "lessons/en/x.md", "# X\n\nx\n");
    write(dir, "lessons/ko/x.md", "# X\n\nx\n");
    for (id, file) in exercises {
        write(
            dir,
            &format!("exercises/{id}/exercise.yaml"),
            &format!(
                "title: Make {file}\nlesson: x\npoints: 10\nprompt: make {file}\nchecks:\n  - kind: paths\n    files: [{file}]\n"
            ),
        );
    }
}

/// A workspace for the course in `course_dir` (its lesson read), made ready by `setup`, and
/// `course watch` in it once it has drawn its first screen.
fn watching(course_dir: &Path, setup: impl FnOnce(&Path)) -> (tempfile::TempDir, Watch) {
    let ws = tempdir();
    course().arg("init").arg(ws.path()).assert().success();
    read_lessons(ws.path(), course_dir, 1);
    setup(ws.path());
    let mut cmd = course_std();
    cmd.arg("--course").arg(course_dir);
    let mut w = watch_with(ws.path(), cmd, &[]);
    w.expect("0/");
    w.expect(END);
    (ws, w)
}

#[test]
fn issue9_watch_a_commit_checks_again() {
    let c = tempdir();
    one_exercise_course(c.path(), "  - kind: git-history\n    min_commits: 2\n");
    let (ws, mut w) = watching(c.path(), |ws| {
        git_init(ws);
        write(ws, "notes.md", "first\n");
        git(ws, &["add", "notes.md"]);
        git(ws, &["commit", "-q", "-m", "first"]);
    });
    // Only git's own files change: no file of the learner's is written.
    git(
        ws.path(),
        &["commit", "-q", "--allow-empty", "-m", "second"],
    );
    w.expect("1/1 exercise passes");
}

#[test]
fn issue9_watch_a_pip_install_checks_again() {
    let c = tempdir();
    one_exercise_course(c.path(), "  - kind: python-env\n    modules: [numpy]\n");
    let (ws, mut w) = watching(c.path(), |ws| {
        venv(ws, ".venv");
    });
    // As pip leaves it: the package folder, then its `.dist-info`.
    stub_package(&ws.path().join(".venv"), "numpy", "1.26.4");
    w.expect("1/1 exercise passes");
}

#[test]
fn issue9_watch_a_file_in_a_folder_made_after_it_started_checks_again() {
    let c = tempdir();
    files_course(
        c.path(),
        &[
            ("answer", "answers/jupyter_vs_script.yaml"),
            ("model", "src/model/__init__.py"),
        ],
    );
    let (ws, mut w) = watching(c.path(), |_| {});
    std::fs::create_dir_all(ws.path().join("answers")).unwrap();
    std::fs::create_dir_all(ws.path().join("src/model")).unwrap();
    // The new folders are a change of their own: wait for that check to be shown.
    w.expect("0/2 exercises pass");
    w.expect("Ctrl-C to stop");
    write(ws.path(), "answers/jupyter_vs_script.yaml", "a: b\n");
    w.expect("1/2 exercises pass");
    w.expect("Ctrl-C to stop");
    write(ws.path(), "src/model/__init__.py", "");
    w.expect("2/2 exercises pass");
}

#[test]
fn issue9_watch_a_skip_from_another_terminal_shows_the_next_exercise() {
    let ws = tempdir();
    course().arg("init").arg(ws.path()).assert().success();
    read_lessons(ws.path(), &mini(), 3);
    let mut w = watch(ws.path(), &[]);
    w.expect("First exercise");
    w.expect("Ctrl-C to stop");
    elsewhere(ws.path(), &mini(), &["skip", "first"]);
    // No file of the learner's changed: only the progress, read again.
    let screen = w.wait_for("Ctrl-C to stop").to_string();
    assert!(screen.contains("Second exercise"), "{screen}");
    assert!(!screen.contains("First exercise"), "{screen}");
}

/// The next whole screen that contains `text` (earlier screens are passed over and consumed).
fn screen_with(w: &mut Watch, text: &str) -> String {
    loop {
        let seen = w.wait_for(END);
        let screen = seen[..seen.find(END).expect("waited for it") + END.len()].to_string();
        w.expect(END);
        if screen.contains(text) {
            return screen;
        }
    }
}

#[test]
fn issue9_watch_follows_next_and_says_what_list_says() {
    let ws = tempdir();
    course().arg("init").arg(ws.path()).assert().success();
    let mut w = watch(ws.path(), &[]);
    // A fresh workspace: the first lesson, as `course next` would show, and no exercise
    // marked as failed before the learner has seen it.
    let screen = screen_with(&mut w, "");
    assert!(screen.contains("Next: read lesson 1"), "{screen}");
    assert!(screen.contains("course next"), "{screen}");
    assert!(!screen.contains("First exercise"), "{screen}");
    assert!(!screen.to_lowercase().contains("fail"), "{screen}");
    read_lessons(ws.path(), &mini(), 2);
    let screen = screen_with(&mut w, "First exercise");
    let line = screen.lines().find(|l| l.contains("First exercise"));
    assert!(line.unwrap().starts_with("not yet  "), "{screen}");
    let list = |ws: &Path| {
        let (out, _) = texts(
            course_in(ws)
                .arg("--course")
                .arg(mini())
                .args(["--lang", "en", "list"]),
            0,
        );
        out
    };
    let listed = list(ws.path());
    assert!(listed.contains("not yet  First exercise"), "{listed}");
    // `course next` shows the exercise: now it has been tried, and both say "fail".
    elsewhere(ws.path(), &mini(), &["next"]);
    let screen = screen_with(&mut w, "fail  First exercise");
    let listed = list(ws.path());
    assert!(listed.contains("fail     First exercise"), "{listed}");
    // The watch checks again by itself: it does not tell the learner to run `course check`.
    assert!(!screen.contains("course check"), "{screen}");
}

/// A requirements.txt with four different problems: a report longer than a small window.
const MANY_PROBLEMS: &str = "numpy>=1.24.0#배열 계산\ntransformers>=\ntorch==2.1.0\nnot a requirement at all, 그냥 문장입니다\n";

/// A workspace whose requirements report is taller than a small window (the requirements
/// exercise comes after lesson 2, read).
fn tall_report() -> tempfile::TempDir {
    let ws = tempdir();
    course().arg("init").arg(ws.path()).assert().success();
    write(ws.path(), "requirements.txt", MANY_PROBLEMS);
    for lesson in ["1", "2"] {
        course_in(ws.path())
            .args(["lesson", lesson])
            .assert()
            .success();
    }
    ws
}

/// The window as it is now (not what scrolled off it), every row fitting `width`.
fn window(t: &Tmux, width: usize) -> String {
    let screen = t.run(&["capture-pane", "-p", "-t", "0"]);
    for line in screen.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= width,
            "wider than {width}:\n{screen}"
        );
    }
    screen
}

/// The last finding of the tall report, in each language.
const LAST_EN: &str = "at least 5 are expected";
const LAST_KO: &str = "적어도 5개가 필요합니다";

#[test]
fn issue9_watch_a_tall_report_scrolls_to_its_last_line() {
    let ws = tall_report();
    // (language, window, the status line's keys, the heading, keys that reach the end)
    for (lang, width, height, keys, last, to_end) in [
        ("en", 80, 14, "e edit  q quit", LAST_EN, &["End"][..]),
        ("ko", 60, 16, "e 편집  q 끝내기", LAST_KO, &["Space"; 8][..]),
    ] {
        let line = course_line(&format!("--lang {lang} watch"));
        let t = Tmux::sized(ws.path(), &line, width, height);
        t.wait_for(keys);
        let screen = window(&t, width as usize);
        let lines: Vec<&str> = screen.lines().collect();
        assert!(lines[0].starts_with("course watch · "), "{lang}:\n{screen}");
        assert!(screen.contains("requirements.txt:1:"), "{lang}:\n{screen}");
        assert!(!screen.contains(last), "{lang}: not yet:\n{screen}");
        // The status line, on the last row, says where the reader is and the keys.
        assert!(lines.len() == height as usize, "{lang}:\n{screen}");
        let status = lines.last().unwrap();
        assert!(status.starts_with("1-"), "{lang}:\n{screen}");
        for key in ["space/b", "j/k", "? "] {
            assert!(status.contains(key), "{lang}: {key}:\n{screen}");
        }
        for key in to_end {
            t.send(&[key]);
        }
        // The frame arrives in pieces through the terminal: wait for its status line too, not
        // only the report's last line (the status still read `1-8/24` once, under load).
        t.wait_until("the last line and the status line at the end", |s| {
            s.contains(last)
                && !s
                    .trim_end()
                    .lines()
                    .last()
                    .unwrap_or_default()
                    .starts_with("1-")
        });
        let screen = window(&t, width as usize);
        // Scrolled under the heading, which stays; the last line of the report is shown.
        assert!(screen.starts_with("course watch · "), "{lang}:\n{screen}");
        assert!(!screen.contains("requirements.txt:1:"), "{lang}:\n{screen}");
        // At the end: the status line's position (`17-24/24`, or `(100%)` where it is
        // said) reaches the last line.
        let status = screen.lines().last().unwrap_or_default();
        let at_end = status
            .split_whitespace()
            .next()
            .and_then(|p| p.split_once('/'));
        assert!(
            status.contains("(100%)")
                || at_end.is_some_and(|(range, n)| range.ends_with(&format!("-{n}"))),
            "{lang}:\n{screen}"
        );
        // And back to the top.
        t.send(&["g"]);
        t.wait_for("requirements.txt:1:");
        t.send(&["q"]);
        assert_eq!(t.exit_code(), "0", "{lang}: q quits");
    }
}

/// The first report line on the window (the row under the heading and its blank line).
fn first_report_line(screen: &str) -> String {
    screen.lines().nth(2).unwrap_or_default().to_string()
}

#[test]
fn issue9_watch_keeps_the_place_when_a_save_checks_again() {
    let ws = tall_report();
    let t = Tmux::sized(ws.path(), &course_line("--lang en watch"), 80, 14);
    let screen = t.wait_for("e edit  q quit");
    let status = screen.lines().last().unwrap().to_string();
    t.send(&["j", "j", "j", "j", "j"]);
    let screen = t.wait_for("6-");
    let top = first_report_line(&screen);
    assert!(!top.trim().is_empty(), "{screen}");
    // A fifth package with its comment: the last finding (too few packages) goes, the lines
    // above it stay as they were.
    let fixed = format!("{MANY_PROBLEMS}# images\npillow\n");
    write(ws.path(), "requirements.txt", &fixed);
    let screen = t.wait_until("a report checked again", |s| {
        s.lines()
            .last()
            .is_some_and(|l| l.starts_with("6-") && *l != status)
            && !s.contains("6-13/24")
    });
    assert_eq!(first_report_line(&screen), top, "{screen}");
    t.send(&["q"]);
    assert_eq!(t.exit_code(), "0");
}

#[test]
fn issue9_watch_without_keys_cuts_a_tall_report_and_says_where_the_rest_is() {
    // stdin is not a terminal: no keys, no scrolling; the report is cut before a problem.
    let ws = tall_report();
    for (lang, width, height, more) in [
        (
            "en",
            80,
            14,
            "more lines: course check requirements shows them all",
        ),
        (
            "ko",
            60,
            16,
            "줄 더 있습니다. 모두 보려면: course check requirements",
        ),
    ] {
        let line = course_line(&format!("--lang {lang} watch < /dev/null"));
        let t = Tmux::sized(ws.path(), &line, width, height);
        t.wait_for("Ctrl-C");
        let screen = window(&t, width as usize);
        let lines: Vec<&str> = screen.lines().collect();
        assert!(lines[0].starts_with("course watch · "), "{lang}:\n{screen}");
        assert!(screen.contains(more), "{lang}:\n{screen}");
        // Cut before a problem, not inside its fix: the line above the note is a fix's last.
        let note = lines.iter().position(|l| l.contains(more)).unwrap();
        assert!(lines[note - 1].starts_with("      "), "{lang}:\n{screen}");
    }
}

#[test]
fn issue9_watch_offers_e_only_with_a_file_to_fix() {
    // A fresh workspace: the next step is a lesson, there is no file to open.
    let ws = tempdir();
    course().arg("init").arg(ws.path()).assert().success();
    let t = Tmux::sized(ws.path(), &course_line("--lang en watch"), 80, 24);
    let screen = t.wait_for("q quit");
    assert!(screen.contains("Next: read lesson 1"), "{screen}");
    assert!(
        !screen.contains("e edit") && !screen.contains("e open"),
        "{screen}"
    );
    // `e` is still watch's key (never the pager's line down): it says why nothing opens.
    t.send(&["e"]);
    t.wait_for("Nothing to open now");
    // `?` lists watch's keys, `e` first.
    t.send(&["?"]);
    let screen = t.wait_for("Keys of course watch");
    assert!(
        screen.contains("open the file to fix in your editor"),
        "{screen}"
    );
    t.send(&["q"]);
    t.wait_for("Next: read lesson 1");
    t.send(&["q"]);
    assert_eq!(t.exit_code(), "0");
}

/// The line after the lesson step's (how the watch works).
const END_OF_LESSON_STEP: &str = "Ctrl-C";

/// Issue 9 (leftovers, item 2): the lesson step names `course next` as code is named on a
/// terminal: bare after its label on a line of its own, coloured with colour on, plain text
/// without (it was in backticks), in both languages.
#[test]
fn issue9_watch_names_course_next_bare_after_its_label() {
    let ws = tempdir();
    course().arg("init").arg(ws.path()).assert().success();
    for (lang, label) in [("en", "In another terminal:"), ("ko", "다른 터미널에서:")] {
        for colour in ["never", "always"] {
            let mut cmd = course_std();
            cmd.args(["--lang", lang, "--color", colour, "--width", "60", "watch"])
                .current_dir(ws.path());
            let mut w = Watch::spawn(cmd);
            // The whole screen: the line after the label is the last one waited for.
            let screen = w.wait_for(END_OF_LESSON_STEP).to_string();
            assert!(!screen.contains('`'), "{lang} {colour}: {screen}");
            let line = screen
                .lines()
                .find(|l| l.starts_with(label))
                .unwrap_or_else(|| panic!("{lang} {colour}: {screen}"));
            let want = match colour {
                "never" => format!("{label} course next"),
                _ => format!("{label} \x1b[36mcourse next"),
            };
            assert!(line.starts_with(&want), "{lang} {colour}: {line:?}");
        }
    }
}
