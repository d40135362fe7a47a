//! Issue 9, item 5: a `course ...` command is never split across lines, wherever it is shown:
//! the target of a link between lessons (`pip (course lesson pip)`, `가상환경: course lesson
//! environments`), a code span, a table cell, a heading, a list item, a page's footer. A learner
//! who copies one line must get the whole command.
//!
//! The rule ([`assert_commands_whole`]) is one of the rules every output of `tests/wrap.rs` is
//! held to; the tests here render every lesson, and the exercise pages, in both languages at
//! 60, 80, 100 and 140 columns.

use std::path::Path;

use crate::common::*;
use crate::wrap::{assert_fits_as, columns, run, Layout};

const WIDTHS: [usize; 4] = [60, 80, 100, 140];
const REFERENCE: usize = 1000;
const LANGS: [&str; 2] = ["ko", "en"];

/// `course`'s commands, as a learner types them after `course`.
const SUBCOMMANDS: &[&str] = &[
    "init",
    "list",
    "lesson",
    "next",
    "check",
    "watch",
    "hint",
    "edit",
    "skip",
    "reset",
    "answer",
    "grade",
    "validate",
    "doctor",
    "completions",
    "man",
    "ci",
    "gradebook",
    "help",
];

/// The built-in course's ids under `key` (`lessons`, `exercises`), in course order.
pub fn course_ids(key: &str) -> Vec<String> {
    let doc: serde_yaml::Value = serde_yaml::from_str(include_str!("../course.yaml")).unwrap();
    doc[key]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// The lesson and exercise ids: the arguments a command names.
fn ids() -> Vec<String> {
    let mut ids = course_ids("lessons");
    ids.extend(course_ids("exercises"));
    ids
}

/// A word that continues a command: an id, a lesson number, a placeholder (`N`, `ID`), an
/// option (`--all`, `--lang`) or the language after `--lang`.
fn is_argument(word: &str, ids: &[String]) -> bool {
    !word.is_empty()
        && (ids.iter().any(|id| id == word)
            || word.chars().all(|c| c.is_ascii_digit())
            || matches!(word, "N" | "ID" | "ko" | "en")
            || (word.starts_with("--")
                && word.len() > 2
                && word[2..]
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-')))
}

/// Every `course ...` command of one line: `course`, a subcommand, then its arguments (up to
/// the first word that is not one, or the first word with punctuation or a particle attached:
/// `(course lesson git)의` ends at `git`). Commands joined by ` && ` are also one command
/// (`course init && course next`: copying half of it does half the work).
pub fn commands_in(line: &str, ids: &[String]) -> Vec<String> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    while let Some(k) = line[from..].find("course ") {
        let at = from + k;
        from = at + "course ".len();
        if line[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_')
        {
            continue;
        }
        let mut end = None;
        let mut pos = from;
        for word in line[from..].split(' ') {
            let cut = word
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .unwrap_or(word.len());
            let (bare, tail) = word.split_at(cut);
            let fits = match end {
                None => SUBCOMMANDS.contains(&bare),
                Some(_) => is_argument(bare, ids),
            };
            if !fits {
                break;
            }
            end = Some(pos + bare.len());
            pos += word.len() + 1;
            if !tail.is_empty() {
                break;
            }
        }
        if let Some(end) = end {
            ranges.push((at, end));
        }
    }
    let mut out: Vec<String> = ranges
        .iter()
        .map(|&(a, b)| line[a..b].to_string())
        .collect();
    let mut chain: Option<(usize, usize)> = None;
    for &(a, b) in &ranges {
        chain = match chain {
            Some((start, end)) if &line[end..a] == " && " => Some((start, b)),
            Some((start, end)) => {
                push_chain(&mut out, line, start, end, &ranges);
                Some((a, b))
            }
            None => Some((a, b)),
        };
    }
    if let Some((start, end)) = chain {
        push_chain(&mut out, line, start, end, &ranges);
    }
    out
}

/// A chain of commands from `start` to `end`, when it is more than one of `ranges`.
fn push_chain(
    out: &mut Vec<String>,
    line: &str,
    start: usize,
    end: usize,
    ranges: &[(usize, usize)],
) {
    if !ranges.contains(&(start, end)) {
        out.push(line[start..end].to_string());
    }
}

/// The text as a shell reads it: a line ending in ` \` continued by the next (a command wider
/// than the line, broken the shell's way, is still one command).
fn shell_joined(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        let (body, continues) = match line.strip_suffix(" \\") {
            Some(body) => (body, true),
            None => (line, false),
        };
        match out.last_mut() {
            Some(last) if open => {
                last.push(' ');
                last.push_str(body.trim_start());
            }
            _ => out.push(body.to_string()),
        }
        open = continues;
    }
    out
}

/// How many times `needle` is on one line of `lines`.
fn count(lines: &[String], needle: &str) -> usize {
    lines.iter().map(|l| l.matches(needle).count()).sum()
}

/// The sixth rule: every `course ...` command of the reference that fits in the width (with
/// room for an indentation, a list marker or a table's borders) is as often whole on one line
/// of the text as in the reference: none of them is split across lines.
pub fn assert_commands_whole(what: &str, text: &str, width: usize, reference: &str) {
    let ids = ids();
    let reference_lines = shell_joined(reference);
    let lines = shell_joined(text);
    let mut commands: Vec<String> = reference_lines
        .iter()
        .flat_map(|l| commands_in(l, &ids))
        .collect();
    commands.sort();
    commands.dedup();
    for command in commands {
        if columns(&command) + 12 > width {
            continue;
        }
        let (want, got) = (count(&reference_lines, &command), count(&lines, &command));
        assert!(
            got >= want,
            "{what} at {width} columns: the command `{command}` is split across lines ({got} of {want} whole):\n{text}"
        );
    }
}

#[test]
fn commands_are_found_as_a_learner_would_copy_them() {
    let ids = ids();
    assert_eq!(
        commands_in(
            "git에는 올리지 않는다. Git 기초 (course lesson git)의 예시",
            &ids
        ),
        ["course lesson git"]
    );
    assert_eq!(
        commands_in(
            "(가상환경: course lesson environments, pip: course lesson pip) — `course list`로",
            &ids
        ),
        [
            "course lesson environments",
            "course lesson pip",
            "course list"
        ]
    );
    assert_eq!(
        commands_in(
            "Next: course next   (or course lesson 5 for the next lesson); course init && course next; the course runner",
            &ids
        ),
        [
            "course next",
            "course lesson 5",
            "course init",
            "course next",
            "course init && course next"
        ]
    );
    assert_eq!(
        commands_in(
            "course init --lang ko && course hint jupyter-vs-script",
            &ids
        ),
        [
            "course init --lang ko",
            "course hint jupyter-vs-script",
            "course init --lang ko && course hint jupyter-vs-script"
        ]
    );
}

#[test]
#[should_panic(expected = "the command `course lesson environments` is split")]
fn issue9_the_rule_catches_a_link_target_split_across_lines() {
    let whole = "(가상환경: course lesson environments, pip: course lesson pip)\n";
    let wrapped = "(가상환경: course lesson\nenvironments, pip: course lesson pip)\n";
    assert_commands_whole("sample", wrapped, 60, whole);
}

#[test]
#[should_panic(expected = "the command `course lesson git` is split")]
fn issue9_the_rule_catches_a_command_split_inside_a_table_cell() {
    let whole = "│ `git-workflow` │ Git 기초 (course lesson git) │\n";
    let wrapped = "│ `git-workflow` │ Git 기초 (course │\n│                │ lesson git)      │\n";
    assert_commands_whole("sample", wrapped, 60, whole);
}

#[test]
#[should_panic(expected = "the command `course init && course next` is split")]
fn issue9_the_rule_catches_two_commands_in_one_line_split_at_and() {
    let whole = "마지막 레슨이었습니다. 연습 문제를 하려면: course init && course next\n";
    let wrapped = "마지막 레슨이었습니다. 연습 문제를 하려면: course init &&\ncourse next\n";
    assert_commands_whole("sample", wrapped, 60, whole);
}

#[test]
fn a_command_broken_the_shell_way_is_whole() {
    let whole = "  mkdir ~/my-vla-project && cd ~/my-vla-project && course init --lang ko\n";
    let broken =
        "  mkdir ~/my-vla-project && cd ~/my-vla-project && course \\\n    init --lang ko\n";
    assert_commands_whole("sample", broken, 60, whole);
}

/// A workspace whose every exercise fails (so `next` shows exercise pages with findings).
fn workspace() -> tempfile::TempDir {
    let ws = tempdir();
    course().arg("init").arg(ws.path()).assert().success();
    ws
}

/// `args` at every width in both languages, held to every rule of a lesson page.
fn assert_page(dir: &Path, args: &[&str]) {
    for lang in LANGS {
        let reference = run(dir, lang, args, REFERENCE, None);
        assert!(
            reference.stdout.contains("course "),
            "{}: no command shown:\n{}",
            reference.what,
            reference.stdout
        );
        for width in WIDTHS {
            let p = run(dir, lang, args, width, None);
            assert_fits_as(&p.what, &p.stdout, width, &reference.stdout, Layout::Lesson);
        }
    }
}

#[test]
fn issue9_no_course_command_is_split_in_any_lesson_at_60_to_140_columns() {
    // Outside a workspace (the footer offers `course lesson N` and `course init`) and in one
    // (the footer offers `course next`).
    let outside = tempdir();
    let ws = workspace();
    for id in &course_ids("lessons") {
        assert_page(outside.path(), &["lesson", id]);
        assert_page(ws.path(), &["lesson", id]);
    }
}

#[test]
fn issue9_no_course_command_is_split_on_an_exercise_page_at_60_to_140_columns() {
    let ws = workspace();
    let dir = ws.path();
    // Each exercise in turn: `next` shows the first one not passing, `skip` moves on.
    for n in 1..=course_ids("lessons").len() {
        course_in(dir)
            .args(["lesson", &n.to_string()])
            .assert()
            .success();
    }
    for id in &course_ids("exercises") {
        let page = run(dir, "en", &["next"], REFERENCE, None);
        assert!(
            page.stdout.contains(&format!("course check {id}")),
            "{id}: {}",
            page.stdout
        );
        assert_page(dir, &["next"]);
        course_in(dir).args(["skip", id]).assert().success();
    }
}

/// Every hint of every exercise (`hint` shows one more each time), in both languages at every
/// width: hints name the commands to run (`course answer jupyter-vs-script`).
#[test]
fn issue9_no_course_command_is_split_in_any_hint_at_60_to_140_columns() {
    let ws = workspace();
    let dir = ws.path();
    for id in &course_ids("exercises") {
        // Until the last hint shows again (no exercise has twenty).
        for _ in 0..20 {
            let before = run(dir, "en", &["hint", id], REFERENCE, None).stdout;
            crate::wrap::assert_all_widths(dir, &["hint", id], None, crate::wrap::nothing);
            // The next hint, for real this time.
            course_in(dir).args(["hint", id]).assert().success();
            let after = run(dir, "en", &["hint", id], REFERENCE, None).stdout;
            if after == before {
                break;
            }
        }
    }
}

/// Issue 9, progress audit item 4: `course reset` without a terminal said how to reset from a
/// script with the command split over two lines (`course reset` / `requirements --yes`).
#[test]
fn issue9_reset_without_a_terminal_gives_its_command_whole() {
    let ws = workspace();
    // A hint seen: something for both resets to forget, so they ask (and refuse).
    course_in(ws.path())
        .args(["hint", "requirements"])
        .output()
        .unwrap();
    for lang in LANGS {
        for args in [&["reset", "requirements"][..], &["reset", "--all"]] {
            let reference = run(ws.path(), lang, args, REFERENCE, None);
            let whole = format!("course {} --yes", args.join(" "));
            assert!(reference.stderr.contains(&whole), "{}", reference.stderr);
            for width in WIDTHS {
                let p = run(ws.path(), lang, args, width, None);
                assert_commands_whole(&p.what, &p.stderr, width, &reference.stderr);
                assert!(
                    p.stderr.lines().any(|l| l.contains(&whole)),
                    "{} at {width}: {whole} is split:\n{}",
                    p.what,
                    p.stderr
                );
            }
        }
    }
}
