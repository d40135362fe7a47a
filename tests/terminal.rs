//! Output on a real terminal: `script` runs `course` inside a pseudo-terminal, so colour and
//! the built-in pager behave as a learner sees them (piped output is tested elsewhere).

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::common::{machine_free, ok};

/// Run `course ARGS` in a 80x30 pseudo-terminal, typing `keys` once it has started.
fn in_terminal(args: &str, env: &[(&str, &str)], keys: &[&str]) -> String {
    let bin = env!("CARGO_BIN_EXE_course");
    let course = mini();
    let inner = format!(
        "stty rows 30 cols 80; {bin} --course {} {args}",
        course.path().display()
    );
    let mut cmd = Command::new("script");
    machine_free(&mut cmd)
        .args(["-qec", &inner, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd
        .spawn()
        .expect("`script` (util-linux) is needed for the terminal tests");
    let mut stdin = child.stdin.take().unwrap();
    for (i, key) in keys.iter().enumerate() {
        // Give the pager time to start (and switch to raw mode) before the first key.
        std::thread::sleep(Duration::from_millis(if i == 0 { 1000 } else { 400 }));
        // The pager may already have exited; a closed pipe then is fine.
        let _ = stdin.write_all(key.as_bytes()).and_then(|_| stdin.flush());
    }
    drop(stdin);
    let out = ok(child.wait_with_output().unwrap());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A course with a lesson long enough to need the pager at 30 rows, and a short one.
fn mini() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let long: String = (1..=80)
        .map(|i| format!("{i}번째 줄: 가상환경 **venv**를 만든다.\n\n"))
        .collect();
    for (rel, text) in [
        (
            "course.yaml",
            "id: t\ntitle: T\ndefault_lang: ko\nlessons: [long, short]\nexercises: []\n"
                .to_string(),
        ),
        ("lessons/ko/long.md", format!("# 긴 레슨\n\n{long}")),
        (
            "lessons/ko/short.md",
            "# 짧은 레슨\n\n**짧다**.\n".to_string(),
        ),
    ] {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    tmp
}

const ALT_SCREEN_ON: &str = "\x1b[?1049h";
const ALT_SCREEN_OFF: &str = "\x1b[?1049l";

#[test]
fn long_text_opens_the_pager_and_restores_the_terminal() {
    let out = in_terminal("lesson long", &[], &["G", "q"]);
    assert!(out.contains(ALT_SCREEN_ON), "pager did not open: {out:?}");
    assert!(out.contains(ALT_SCREEN_OFF), "terminal not restored");
    // The course is Korean, so is the pager's status line (issue 9).
    assert!(
        out.contains("줄 중 1-29 "),
        "status line with position: {out:?}"
    );
    assert!(out.contains("q 끝내기") && !out.contains("q quit"));
    assert!(out.contains("(100%)"), "G jumps to the bottom");
    assert!(out.contains("80번째 줄"));
    // After the pager closes, the last line (what to do next) stays on the screen.
    let after = &out[out.rfind(ALT_SCREEN_OFF).unwrap()..];
    // (No workspace here, so it names the following lesson: `course next` would only say how to
    // start one.)
    assert!(after.contains("course lesson 2"), "{after:?}");
}

#[test]
fn search_jumps_to_the_match() {
    let out = in_terminal("lesson long", &[], &["/", "30번째\r", "q"]);
    // Status lines read `TOTAL줄 중 FIRST-LAST` (the course is Korean); the last one is after
    // the search.
    let positions: Vec<(usize, usize)> = out
        .match_indices("줄 중 ")
        .filter_map(|(i, m)| {
            let before = &out[..i];
            let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            let total = &before[i - digits..];
            let rest = &out[i + m.len()..];
            let (first, _) = rest.split_once('-')?;
            Some((first.parse().ok()?, total.parse().ok()?))
        })
        .collect();
    let (first, total) = *positions.last().expect("a status line");
    assert!(
        first > 1 && first < total,
        "search scrolled to the match: {positions:?}"
    );
    // The screen drawn after the search (before its status line) shows the lines below the match.
    let statuses: Vec<usize> = out.match_indices("줄 중 ").map(|(i, _)| i).collect();
    let redraw = &out[statuses[statuses.len() - 2]..statuses[statuses.len() - 1]];
    assert!(
        redraw.contains("31번째 줄") && redraw.contains("40번째 줄"),
        "{redraw:?}"
    );
}

#[test]
fn short_text_is_printed_in_colour_without_the_pager() {
    let out = in_terminal("lesson short", &[], &[]);
    assert!(!out.contains(ALT_SCREEN_ON));
    assert!(out.contains("\x1b[1m"), "bold on a terminal: {out:?}");
    assert!(!out.contains("**"), "no literal emphasis markers");
}

#[test]
fn no_color_and_no_pager_are_honoured_on_a_terminal() {
    let out = in_terminal("--no-pager lesson long", &[("NO_COLOR", "1")], &[]);
    assert!(
        !out.contains(ALT_SCREEN_ON),
        "--no-pager prints straight out"
    );
    assert!(
        !out.contains('\x1b'),
        "NO_COLOR: no escape codes at all: {out:?}"
    );
    let out = in_terminal("lesson short", &[("CLICOLOR", "0")], &[]);
    assert!(!out.contains('\x1b'), "CLICOLOR=0 turns colour off");
}
