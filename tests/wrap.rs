//! Issue 9, "everything wrapped to the width": every command's output for people (check on
//! failing and passing workspaces, next on a lesson, an exercise and the end of the course,
//! hint, list, skip, doctor, the home screen, first-run notes, errors, watch's screen, the answer
//! command's prompts and preview, the notes of `course grade` and `--batch`, `--help` and usage
//! errors), in Korean and
//! English, at 60, 80, 100 and 140 columns, through the built binary.
//!
//! Each output is held against three rules: no line is wider than the width (display width,
//! Hangul two columns, measured with unicode-width as the code does); no Korean word is split
//! across lines (a line ending in Hangul followed by one starting with Hangul, where the same
//! output laid out at 1000 columns has the two halves together); and nothing is cut off (the
//! text without its whitespace is the same at every width). Code spans and `course ...` commands
//! (a link's target, a table cell, a footer) are whole on one line (`tests/wrap_commands.rs`,
//! which also renders every lesson and exercise page at these widths). The lessons' exact
//! layout is held by the snapshots at 60 and 100 columns and the renderer's property tests.

use std::path::Path;
use std::time::Duration;

use unicode_width::UnicodeWidthChar;

use crate::common::*;
use crate::support;

const WIDTHS: [usize; 4] = [60, 80, 100, 140];
/// Wide enough that nothing wraps: the text as written.
const REFERENCE: usize = 1000;
const LANGS: [&str; 2] = ["ko", "en"];

/// What a run printed for people.
pub struct Printed {
    pub what: String,
    pub stdout: String,
    pub stderr: String,
}

/// `course --lang LANG ARGS` in `dir` with `COLUMNS=width`. The progress file is put back
/// afterwards, so that every width sees the same state (`hint` counts, `next` marks read).
pub fn run(dir: &Path, lang: &str, args: &[&str], width: usize, stdin: Option<&str>) -> Printed {
    let state = dir.join(".course/state.yaml");
    let saved = std::fs::read(&state).ok();
    let mut cmd = course_in(dir);
    cmd.env("COLUMNS", width.to_string())
        .args(["--lang", lang])
        .args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input);
    }
    let out = cmd.output().unwrap();
    if let Some(saved) = saved {
        std::fs::write(&state, saved).unwrap();
    }
    Printed {
        what: format!("course --lang {lang} {}", args.join(" ")),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

pub fn columns(line: &str) -> usize {
    line.chars().map(|c| c.width().unwrap_or(0)).sum()
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{ac00}'..='\u{d7a3}' | '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}')
}

/// The three rules for one stream printed at `width`, against the same stream at
/// [`REFERENCE`] columns. A lesson page is laid out, not only wrapped (a table's borders and
/// a heading's underline follow the width), so only the first two rules apply to it.
fn assert_fits(what: &str, text: &str, width: usize, reference: &str) {
    assert_fits_as(what, text, width, reference, Layout::Wrapped)
}

#[derive(Clone, Copy, PartialEq)]
pub enum Layout {
    /// Only line breaks change with the width.
    Wrapped,
    /// A text that names the width (`course doctor`): its commands are held to the command
    /// rule, its letters are not compared.
    NamesWidth,
    /// A rendered lesson (borders and underlines change too; its code has its own test,
    /// `code_blocks`).
    Lesson,
}

pub fn assert_fits_as(what: &str, text: &str, width: usize, reference: &str, layout: Layout) {
    let lines: Vec<&str> = text.lines().collect();
    for line in &lines {
        assert!(
            columns(line) <= width || one_word_of_a_command(line, reference),
            "{what} at {width} columns: a line of {} columns:\n{line}\n--- all of it:\n{text}",
            columns(line)
        );
    }
    let whole = flat(reference.as_bytes());
    for pair in lines.windows(2) {
        let (Some(x), Some(y)) = (
            pair[0].split_whitespace().last(),
            pair[1].split_whitespace().next(),
        ) else {
            continue;
        };
        let ends = x.chars().last().is_some_and(is_hangul);
        let starts = y.chars().next().is_some_and(is_hangul);
        if ends && starts {
            let split = whole.contains(&format!("{x}{y}")) && !whole.contains(&format!("{x} {y}"));
            assert!(
                !split,
                "{what} at {width} columns: `{x}{y}` is split across lines:\n{}\n{}\n--- all of it:\n{text}",
                pair[0], pair[1]
            );
        }
    }
    assert_code_spans_whole(what, text, width, reference);
    let joined = join_commands(what, text, width, reference, layout);
    if layout != Layout::Wrapped {
        crate::wrap_commands::assert_commands_whole(what, text, width, reference);
        return;
    }
    let letters = |s: &str| {
        comment_continuations(s)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
    };
    assert_eq!(
        letters(&joined),
        letters(reference),
        "{what} at {width} columns: not the same text as at {REFERENCE} (cut off?):\n{text}"
    );
    crate::wrap_commands::assert_commands_whole(what, text, width, reference);
}

/// `text` without the `#` that starts a line right after a line with a comment: a comment
/// wrapped to the width goes on as comment lines (`# ...`, code a learner pastes), so that
/// `#` is no text of its own. (Applied to both sides, lines of comments in a row included.)
fn comment_continuations(text: &str) -> String {
    let mut out = Vec::new();
    let mut in_comment = false;
    for line in text.lines() {
        let t = line.trim_start();
        let goes_on = in_comment && t.starts_with("# ");
        // A comment line, or code with its comment after two spaces (as fixes write it).
        in_comment = t.starts_with('#') || line.contains("  # ");
        out.push(if goes_on { &t[1..] } else { line });
    }
    out.join("\n")
}

/// The fifth rule: a code span (`` `course hint requirements` ``, as plain output shows one)
/// is never broken at its spaces: every span of the reference with a space in it that fits in
/// the width (with room for an indentation) is whole on one line.
fn assert_code_spans_whole(what: &str, text: &str, width: usize, reference: &str) {
    for line in reference.lines() {
        let mut parts = line.split('`');
        parts.next();
        // Between the first and second backtick, the third and fourth, ...
        while let (Some(inner), Some(_)) = (parts.next(), parts.clone().next()) {
            let span = format!("`{inner}`");
            if inner.contains(' ') && columns(&span) + 12 <= width && !inner.trim().is_empty() {
                assert!(
                    text.lines().any(|l| l.contains(&span)),
                    "{what} at {width} columns: the code span {span} is broken:\n{text}"
                );
            }
            parts.next();
        }
    }
}

/// The one kind of line allowed to be wider than the width: an indented line holding a
/// single word (perhaps followed by ` \\`) of one of the reference's commands, a path too long
/// to fit that would not run if it were cut (the terminal soft-wraps it).
fn one_word_of_a_command(line: &str, reference: &str) -> bool {
    let word = line.trim_start();
    let word = word.strip_suffix(" \\").unwrap_or(word);
    word.len() < line.len()
        && !word.contains(char::is_whitespace)
        && reference
            .lines()
            .any(|l| is_command(l) && l.split_whitespace().any(|w| w == word))
}

/// A line a message shows on its own for the learner to run: indented, its first word a
/// program (or a path to a Python or pip).
fn is_command(line: &str) -> bool {
    let t = line.trim_start();
    let Some(first) = t.split_whitespace().next() else {
        return false;
    };
    let programs = [
        "git", "python", "python3", "pip", "conda", "course", "mkdir", "touch", "mv", "rm",
        "source", "export", "sudo", "jupyter",
    ];
    let path_to_python = first.contains('/')
        && ["python", "python3", "pip"].contains(&first.rsplit('/').next().unwrap());
    t.len() < line.len() && (programs.contains(&first) || path_to_python)
}

/// The fourth rule, for commands: a command too wide for the width may break only as a shell
/// continues a line (` \` at a space, the rest on the next lines), so that a learner who
/// copies the lines runs the command. Every line that ends in ` \` must, joined with the
/// lines it continues, be one of the reference's command lines, word for word; every command
/// line of the reference must start a line whole or so joined (never wrapped as prose; not
/// checked on lesson pages, whose `text` blocks list programs as prose). Returns the text
/// with the continued commands joined.
fn join_commands(what: &str, text: &str, width: usize, reference: &str, layout: Layout) -> String {
    // A help example's description follows its command after two spaces or more; it is
    // not part of the command.
    let commands: Vec<Vec<&str>> = reference
        .lines()
        .filter(|l| is_command(l))
        .map(|l| {
            let t = l.trim_start();
            t[..t.find("  ").unwrap_or(t.len())]
                .split_whitespace()
                .collect()
        })
        .collect();
    let mut out: Vec<String> = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let Some(mut joined) = line.strip_suffix(" \\").map(str::to_string) else {
            out.push(line.to_string());
            continue;
        };
        for next in lines.by_ref() {
            joined.push(' ');
            match next.strip_suffix(" \\") {
                Some(more) => joined.push_str(more.trim_start()),
                None => {
                    joined.push_str(next.trim_start());
                    break;
                }
            }
        }
        let words: Vec<&str> = joined.split_whitespace().collect();
        assert!(
            commands.contains(&words),
            "{what} at {width} columns: a line ends in ` \\` but is not a command:\n{joined}\n--- all of it:\n{text}"
        );
        out.push(joined);
    }
    if layout != Layout::Lesson {
        for command in &commands {
            assert!(
                out.iter().any(|l| l
                    .split_whitespace()
                    .take(command.len())
                    .eq(command.iter().copied())),
                "{what} at {width} columns: the command `{}` is broken without ` \\`:\n{text}",
                command.join(" ")
            );
        }
    }
    out.join("\n")
}

/// `args` in both languages at every width, each held against its own reference run.
pub fn assert_all_widths(dir: &Path, args: &[&str], stdin: Option<&str>, after: impl Fn(&Path)) {
    assert_all_widths_as(dir, args, stdin, after, Layout::Wrapped)
}

fn assert_all_widths_as(
    dir: &Path,
    args: &[&str],
    stdin: Option<&str>,
    after: impl Fn(&Path),
    layout: Layout,
) {
    for lang in LANGS {
        let reference = run(dir, lang, args, REFERENCE, stdin);
        after(dir);
        assert!(
            !reference.stdout.is_empty() || !reference.stderr.is_empty(),
            "{}: printed nothing",
            reference.what
        );
        for width in WIDTHS {
            let p = run(dir, lang, args, width, stdin);
            after(dir);
            assert_fits_as(&p.what, &p.stdout, width, &reference.stdout, layout);
            assert_fits(
                &format!("{} (stderr)", p.what),
                &p.stderr,
                width,
                &reference.stderr,
            );
        }
    }
}

pub fn nothing(_: &Path) {}

/// A workspace where every exercise fails with long findings: a requirements file with
/// mistakes, a project without packages, no environment, no history.
fn failing_workspace() -> tempfile::TempDir {
    let ws = tempdir();
    course().arg("init").arg(ws.path()).assert().success();
    write(
        ws.path(),
        "requirements.txt",
        "numpy>=1.24.0#배열 계산\ntransformers>=\ntorch==2.1.0\nnot a requirement at all, 그냥 문장입니다\n",
    );
    write(ws.path(), "src/vla/model.py", "from .vla import VLAModel\n");
    write(
        ws.path(),
        "answers/jupyter_vs_script.yaml",
        "data_exploration: [\n",
    );
    ws
}

#[test]
fn issue9_every_output_fits_60_to_140_columns_in_both_languages_failing_workspace() {
    let ws = failing_workspace();
    let dir = ws.path();
    assert_all_widths(dir, &["check"], None, nothing);
    assert_all_widths(dir, &["grade"], None, nothing);
    assert_all_widths(dir, &[], None, nothing);
    assert_all_widths(dir, &["list"], None, nothing);
    // doctor reports the width it sees, so its text differs from width to width by design.
    assert_all_widths_as(dir, &["doctor"], None, nothing, Layout::NamesWidth);
    for id in ["requirements", "environment", "structure", "git-workflow"] {
        assert_all_widths(dir, &["hint", id], None, nothing);
        assert_all_widths(dir, &["skip", id], None, nothing);
    }
    assert_all_widths(dir, &["lesson", "99"], None, nothing);
    // `next` on the first lesson, then (lessons 1 and 2 read) on the requirements exercise,
    // with its findings and the footer that was cut off at 60 columns.
    assert_all_widths_as(dir, &["next"], None, nothing, Layout::Lesson);
    for n in ["1", "2"] {
        course_in(dir).args(["lesson", n]).assert().success();
    }
    for lang in LANGS {
        let p = run(dir, lang, &["next"], 60, None);
        let said = flat(p.stdout.as_bytes());
        assert!(said.contains("course hint requirements"), "{}", p.stdout);
    }
    // The prompt is Markdown: a code line too long for the width goes on under a `↪`.
    assert_all_widths_as(dir, &["next"], None, nothing, Layout::Lesson);
}

#[test]
fn issue9_every_output_fits_60_to_140_columns_in_both_languages_passing_workspace() {
    let ws = tempdir();
    support::build_passing_workspace(ws.path());
    course().arg("init").arg(ws.path()).assert().success();
    let dir = ws.path();
    assert_all_widths(dir, &["check"], None, nothing);
    assert_all_widths(dir, &["hint"], None, nothing);
    // The end of the course: every lesson read, every exercise passing.
    let lessons = 7;
    for n in 1..=lessons {
        course_in(dir)
            .args(["lesson", &n.to_string()])
            .assert()
            .success();
    }
    assert_all_widths(dir, &["next"], None, nothing);
    assert_all_widths(dir, &[], None, nothing);
    assert_all_widths(dir, &["list"], None, nothing);
}

#[test]
fn issue9_first_run_answer_and_grading_notes_fit_60_to_140_columns() {
    // First run: outside a workspace, then `init`.
    let outside = tempdir();
    let dir = outside.path();
    assert_all_widths(dir, &["next"], None, nothing);
    assert_all_widths(dir, &[], None, nothing);
    assert_all_widths(dir, &["list"], None, nothing);
    // clap's help and usage errors (clap wraps them itself; its `unicode` feature makes it
    // count Hangul as two columns).
    for args in [
        &["--help"][..],
        &["check", "--help"],
        &["grade", "--help"],
        &["chek"],
    ] {
        assert_all_widths(dir, args, None, nothing);
    }
    assert_all_widths(dir, &["init"], None, |d: &Path| {
        std::fs::remove_dir_all(d.join(".course")).unwrap();
    });

    // `course answer`, piped: its questions, prompts and the preview of the file.
    let ws = tempdir();
    course().arg("init").arg(ws.path()).assert().success();
    let reason =
        "그래프를 바로 보면서 데이터 분포를 확인하고 셀마다 다시 실행해 볼 수 있어서 탐색에 알맞다";
    let input = format!("1\n{reason}\n2\n{reason}\n1\n{reason}\n2\n{reason}\ny\n");
    assert_all_widths(
        ws.path(),
        &["answer", "jupyter-vs-script"],
        Some(&input),
        |d: &Path| {
            let _ = std::fs::remove_file(d.join("answers/jupyter_vs_script.yaml"));
        },
    );

    // `course grade --batch`: the notes on stderr (the gradebook on stdout is CSV, for
    // machines, and is not wrapped).
    let batch = tempdir();
    support::build_project(&batch.path().join("alice"));
    std::fs::create_dir_all(batch.path().join("bob")).unwrap();
    for lang in LANGS {
        let args = ["grade", "--batch", batch.path().to_str().unwrap()];
        let reference = run(batch.path(), lang, &args, REFERENCE, None);
        assert!(!reference.stderr.is_empty());
        for width in WIDTHS {
            let p = run(batch.path(), lang, &args, width, None);
            assert_fits(&p.what, &p.stderr, width, &reference.stderr);
            assert_eq!(
                p.stdout, reference.stdout,
                "the CSV does not depend on the width"
            );
        }
    }
}

/// The first screen `course watch` draws (up to its status line), at `width`.
fn watch_screen(dir: &Path, lang: &str, width: usize) -> String {
    let mut cmd = course_std();
    cmd.args(["--lang", lang, "watch"])
        .current_dir(dir)
        .env("COLUMNS", width.to_string());
    let mut w = Watch::spawn(cmd);
    // The status line names Ctrl-C; after it, wait for the screen to be quiet.
    w.wait_for("Ctrl-C");
    let screen = w.settle(Duration::from_millis(700)).to_string();
    assert!(!screen.contains('\u{fffd}'), "not UTF-8:\n{screen}");
    screen
}

#[test]
fn issue9_watch_screen_and_status_line_fit_60_to_140_columns() {
    let ws = failing_workspace();
    for lang in LANGS {
        let reference = watch_screen(ws.path(), lang, REFERENCE);
        for width in WIDTHS {
            let screen = watch_screen(ws.path(), lang, width);
            assert_fits(
                &format!("course --lang {lang} watch"),
                &screen,
                width,
                &reference,
            );
        }
    }
}

/// The screen `course watch` draws on a terminal that reads keys (the report in the pager,
/// the status line last), in a window `width` columns wide and tall enough for all of it.
fn watch_window(dir: &Path, lang: &str, width: usize) -> String {
    let t = Tmux::sized(
        dir,
        &course_line(&format!("--lang {lang} watch")),
        width as u16,
        60,
    );
    let keys = if lang == "ko" {
        "q 끝내기"
    } else {
        "q quit"
    };
    let screen = t.wait_for(keys);
    t.send(&["q"]);
    assert_eq!(t.exit_code(), "0");
    screen
        .lines()
        .take_while(|l| !l.contains(keys))
        .map(|l| format!("{l}\n"))
        .collect::<String>()
        + screen.lines().find(|l| l.contains(keys)).unwrap()
}

#[test]
fn issue9_watch_on_a_terminal_fits_60_to_140_columns() {
    let ws = failing_workspace();
    // The requirements exercise, after the lessons before it.
    for lesson in ["1", "2"] {
        course_in(ws.path())
            .args(["lesson", lesson])
            .assert()
            .success();
    }
    for lang in LANGS {
        let reference = watch_window(ws.path(), lang, REFERENCE);
        assert!(reference.contains("requirements.txt:4:"), "{reference}");
        for width in WIDTHS {
            let screen = watch_window(ws.path(), lang, width);
            let what = format!("course --lang {lang} watch (on a terminal)");
            assert_fits(&what, &screen, width, &reference);
        }
    }
}

/// The rules themselves can fail: a Korean word cut in two by a terminal's own wrapping.
#[test]
#[should_panic(expected = "is split across lines")]
fn issue9_the_rule_catches_a_split_korean_word() {
    let whole = "가상환경을 만드는 일은 중요합니다";
    assert_fits("sample", "가상환경을 만드는 일은 중요합\n니다\n", 60, whole);
}

#[test]
#[should_panic(expected = "is broken without")]
fn issue9_the_rule_catches_a_command_wrapped_as_prose() {
    let whole =
        "      → in the workspace:\n          .venv/bin/python -m pip install torch numpy\n";
    let wrapped = "      → in the workspace:\n          .venv/bin/python -m pip install\n          torch numpy\n";
    assert_fits("sample", wrapped, 60, whole);
}

#[test]
#[should_panic(expected = "is not a command")]
fn issue9_the_rule_catches_a_continuation_that_is_not_a_command() {
    let whole = "      → write it so: numpy>=1.26 # 배열 계산에 쓴다\n";
    let wrapped = "      → write it so: numpy>=1.26 # \\\n        배열 계산에 쓴다\n";
    assert_fits("sample", wrapped, 60, whole);
}

#[test]
#[should_panic(expected = "is broken:")]
fn issue9_the_rule_catches_a_command_in_a_sentence_broken_at_its_spaces() {
    let whole = "다음: `requirements`를 고친 뒤 `course check requirements`를 실행하십시오\n";
    let wrapped = "다음: `requirements`를 고친 뒤 `course check\nrequirements`를 실행하십시오\n";
    assert_fits("sample", wrapped, 60, whole);
}

#[test]
#[should_panic(expected = "cut off")]
fn issue9_the_rule_catches_text_cut_off() {
    assert_fits(
        "sample",
        "다 했으면: course check\n",
        60,
        "다 했으면: course check (막히면: course hint)\n",
    );
}

/// Issue 9, progress audit item 1: on a real 60-column terminal the spinner's line while a
/// slow import runs stays on one row in both languages (it wrapped, and every redraw left a
/// broken copy behind), and says its limit in the run's language.
#[cfg(unix)]
#[test]
fn issue9_the_progress_line_of_a_slow_import_fits_a_60_column_terminal() {
    let tmp = tempdir();
    // Slow enough for the screen to be read while the spinner shows.
    let (ws, line) = slow_import(tmp.path(), &["data", "training", "utils"], 4);
    for (lang, limit) in [("ko", "(최대 60초)"), ("en", "(max 60 s)")] {
        let line = line(lang);
        let tmux = Tmux::sized(&ws, &line, 60, 20);
        let screen = tmux.wait_for(limit);
        let row = screen.lines().find(|l| l.contains(limit)).unwrap();
        // The whole line on the one row: the program, the first module, the limit.
        assert!(
            row.contains(".venv/bin/python (import src.model, "),
            "{lang}:\n{screen}"
        );
        assert!(columns(row) <= 60, "{lang}: {row:?}\n{screen}");
        assert_eq!(screen.matches(".venv/bin/python").count(), 1, "{screen}");
        tmux.exit_code();
    }
}
