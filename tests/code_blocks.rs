//! Issue 9: lesson code wider than the screen. Every built-in lesson, in Korean and English,
//! at 60, 80, 100 and 140 columns, through the binary: every line fits, no Korean word is
//! split (also not inside a code comment), and every command of a shell block comes out as
//! lines that paste as the same command: joined at their ` \` (as bash and zsh join them),
//! they hold the original's words, and `bash -n` accepts them. The structure lesson's
//! commands, pasted at 60 columns, build the same tree as the original lines.
//!
//! Commands in messages and `--help` (fixes, examples) break the same way when they are too
//! wide; `--width` reaches `--help`.

use std::path::Path;
use std::process::Command;

use crate::common::*;
use crate::wrap::{assert_all_widths, assert_fits_as, nothing, run, Layout};

const LESSONS: [&str; 7] = [
    "why",
    "pip",
    "environments",
    "jupyter",
    "structure",
    "git",
    "mental-model",
];
const SHELLS: [&str; 5] = ["bash", "sh", "shell", "zsh", "console"];

/// `course --lang LANG lesson N` at `width` columns, without colour.
fn lesson(dir: &Path, lang: &str, n: usize, width: usize) -> String {
    let out = course_in(dir)
        .env("COLUMNS", width.to_string())
        .args(["--lang", lang, "lesson", &n.to_string()])
        .output()
        .unwrap();
    assert!(out.status.success(), "lesson {n}");
    String::from_utf8(out.stdout).unwrap()
}

/// The command lines of the lesson's shell blocks, as written (comment-only and empty lines
/// left out; a `console` block's prompt taken off).
fn commands(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut fence: Option<(String, bool)> = None;
    for line in markdown.lines() {
        let t = line.trim_start();
        if t.starts_with("```") {
            fence = match fence {
                Some(_) => None,
                None => {
                    let lang = t.trim_start_matches('`').split([' ', ',']).next().unwrap();
                    Some((lang.to_string(), SHELLS.contains(&lang)))
                }
            };
            continue;
        }
        let Some((lang, true)) = &fence else { continue };
        let mut cmd = t;
        if lang == "console" {
            match cmd.split_once("$ ") {
                Some((_, rest)) => cmd = rest,
                None => continue,
            }
        }
        if !code(cmd).is_empty() {
            out.push(cmd.to_string());
        }
    }
    out
}

/// A line without its `#` comment (at the start or after a space), trimmed.
fn code(line: &str) -> &str {
    let line = line.trim();
    if line.starts_with('#') {
        return "";
    }
    line.split(" #").next().unwrap().trim()
}

/// Find each command, in order, in the rendered page: the line where it starts, joined with
/// the lines its ` \` continues. Returns the joined text of each, as bash would read it.
fn find_commands(page: &str, commands: &[String], what: &str) -> Vec<String> {
    let lines: Vec<&str> = page.lines().collect();
    let mut at = 0;
    let mut found = Vec::new();
    for cmd in commands {
        let words: Vec<&str> = code(cmd).split_whitespace().collect();
        let start = (at..lines.len()).find(|&i| {
            let here: Vec<&str> = code(lines[i].trim_end_matches('\\'))
                .split_whitespace()
                .collect();
            let here = here.strip_prefix(&["$"][..]).unwrap_or(&here);
            !here.is_empty() && words.starts_with(here)
        });
        let Some(start) = start else {
            panic!("{what}: `{cmd}` is not in the page:\n{page}")
        };
        let mut end = start;
        while code(lines[end]).ends_with(" \\") && end + 1 < lines.len() {
            end += 1;
        }
        let joined = lines[start..=end]
            .iter()
            .map(|l| code(l).trim_start_matches("$ "))
            .collect::<Vec<_>>()
            .join("\n")
            .replace("\\\n", "");
        assert_eq!(
            joined.split_whitespace().collect::<Vec<_>>(),
            words,
            "{what}: `{cmd}` comes out as\n{}",
            lines[start..=end].join("\n")
        );
        let script = lines[start..=end].join("\n");
        let ok = Command::new("bash")
            .args(["-n", "-c", &script])
            .status()
            .unwrap()
            .success();
        assert!(ok, "{what}: bash -n rejects\n{script}");
        found.push(script);
        at = end + 1;
    }
    found
}

#[test]
fn issue9_lesson_code_fits_keeps_korean_words_and_pastes_as_the_same_commands() {
    let ws = init_workspace("ko");
    let dir = ws.path();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for lang in ["ko", "en"] {
        for (i, name) in LESSONS.iter().enumerate() {
            let source =
                std::fs::read_to_string(root.join(format!("lessons/{lang}/{name}.md"))).unwrap();
            let cmds = commands(&source);
            let reference = lesson(dir, lang, i + 1, 1000);
            for width in [60, 80, 100, 140] {
                let what = format!("course --lang {lang} lesson {} at {width}", i + 1);
                let page = lesson(dir, lang, i + 1, width);
                assert_fits_as(&what, &page, width, &reference, Layout::Lesson);
                checked += find_commands(&page, &cmds, &what).len();
            }
        }
    }
    assert!(
        checked > 100,
        "only {checked} commands found: the scan is broken"
    );
}

#[test]
fn issue9_structure_commands_pasted_at_60_columns_build_the_same_tree() {
    let ws = init_workspace("ko");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for lang in ["ko", "en"] {
        let source =
            std::fs::read_to_string(root.join(format!("lessons/{lang}/structure.md"))).unwrap();
        let cmds: Vec<String> = commands(&source)
            .into_iter()
            .filter(|c| c.starts_with("mkdir") || c.starts_with("touch"))
            .collect();
        let page = lesson(ws.path(), lang, 5, 60);
        let pasted = find_commands(&page, &cmds, "structure at 60");
        assert!(
            pasted.iter().any(|p| p.contains(" \\\n")),
            "nothing was wrapped at 60 columns, the test proves nothing:\n{page}"
        );
        let tree = |script: &str| {
            let d = tempdir();
            let ok = Command::new("bash")
                .args(["-e", "-c", script])
                .current_dir(d.path())
                .status()
                .unwrap()
                .success();
            assert!(ok, "{script}");
            let mut files: Vec<String> = walk(d.path(), d.path());
            files.sort();
            files
        };
        assert_eq!(tree(&pasted.join("\n")), tree(&cmds.join("\n")));
    }
}

fn walk(root: &Path, dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        out.push(path.strip_prefix(root).unwrap().display().to_string());
        if path.is_dir() {
            out.extend(walk(root, &path));
        }
    }
    out
}

/// A fix's command with a path too long for 60 columns, through the binary: broken at its
/// spaces with ` \\`, the path itself left whole.
#[test]
fn issue9_a_long_command_in_a_fix_breaks_with_a_continuation_and_pastes_whole() {
    let ws = tempdir();
    course().arg("init").arg(ws.path()).assert().success();
    venv(
        ws.path(),
        "environments/vla-project-python-3-with-the-cuda-runtime",
    );
    assert_all_widths(ws.path(), &["check", "environment"], None, nothing);
    for (lang, width) in [("ko", 60), ("en", 80)] {
        let p = run(ws.path(), lang, &["check", "environment"], width, None);
        assert!(
            p.stdout.contains(" \\\n"),
            "nothing continued at {width}: the test proves nothing:\n{}",
            p.stdout
        );
    }
}

/// `--width N` reaches `--help` (clap printed it before the flag was read, at the terminal's
/// width), and the help's long example breaks as a command.
#[test]
fn issue9_width_reaches_help_and_its_examples_paste_whole() {
    let dir = tempdir();
    for lang in ["ko", "en"] {
        let out = course_in(dir.path())
            .env("COLUMNS", "200")
            .args(["--lang", lang, "--width", "60", "--help"])
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        let widest = text.lines().map(crate::wrap::columns).max().unwrap();
        assert!(widest <= 60, "{lang}: a line of {widest} columns:\n{text}");
        assert!(widest > 50, "{lang}: not laid out for 60 columns:\n{text}");
        assert!(
            text.contains("  course grade --workspace student-repo --format junit \\\n    --output report.xml\n"),
            "{lang}: {text}"
        );
    }
    // The flag after the command too, and as --width=N.
    let out = course_in(dir.path())
        .env("COLUMNS", "200")
        .args(["grade", "--help", "--width=60"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().all(|l| crate::wrap::columns(l) <= 60),
        "{text}"
    );
}
