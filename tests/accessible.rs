//! Accessible mode (issue 10): `--plain`, `COURSE_ACCESSIBLE=1`, `ACCESSIBLE=1` and `TERM=dumb`
//! give linear text a screen reader reads well: no box drawing, tables as `column: value`
//! lines, statuses as words, no escape codes. (On a real terminal: `tests/home.rs`.)

use crate::common::{course, course_in, tempdir, texts};

const BOX: [char; 6] = ['─', '│', '┌', '┼', '✓', '✗'];

fn lesson(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = course();
    cmd.args(["lesson", "why", "--color", "auto"]).args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn issue10_every_way_in_turns_tables_into_column_value_lines() {
    let normal = lesson(&["--lang", "en"], &[]);
    assert!(normal.contains('│'), "a grid without accessible mode");
    for (args, env) in [
        (&["--lang", "en", "--plain"][..], &[][..]),
        (&["--lang", "en"], &[("COURSE_ACCESSIBLE", "1")]),
        (&["--lang", "en"], &[("ACCESSIBLE", "true")]),
        (&["--lang", "en"], &[("TERM", "dumb")]),
    ] {
        let out = lesson(args, env);
        assert!(!out.contains(BOX), "{args:?} {env:?}: box drawing in {out}");
        assert!(
            out.contains("Ecosystem tool: pip / conda"),
            "{args:?} {env:?}: {out}"
        );
        assert!(!out.contains('\x1b'));
    }
    // `0` turns it off again.
    assert!(lesson(&["--lang", "en"], &[("ACCESSIBLE", "0")]).contains('│'));
}

#[test]
fn issue10_korean_tables_read_as_lines_too() {
    let out = lesson(&["--lang", "ko", "--plain"], &[]);
    assert!(out.contains("생태계 도구: pip / conda"), "{out}");
    assert!(out.contains("VLA 프로젝트에서의 역할: PyTorch"), "{out}");
}

#[test]
fn issue10_plain_list_and_check_say_statuses_in_words() {
    let ws = tempdir();
    course_in(ws.path()).arg("init").assert().success();
    let (out, _) = texts(
        course_in(ws.path()).args(["--plain", "--lang", "en", "list"]),
        0,
    );
    assert!(
        out.contains("  1. Why the ecosystem matters (why): not yet"),
        "{out}"
    );
    assert!(
        out.contains("  Write a requirements.txt (requirements): not yet"),
        "{out}"
    );
    assert!(
        !out.contains("(+ read"),
        "no legend for marks that are not drawn"
    );
    let mut cmd = course_in(ws.path());
    cmd.args(["--lang", "ko", "check", "requirements"])
        .env("COURSE_ACCESSIBLE", "1");
    let (out, _) = texts(&mut cmd, 1);
    assert!(
        out.starts_with("실패: requirements.txt 작성 (requirements), 0/20\n"),
        "{out}"
    );
    assert!(!out.contains(BOX) && !out.contains('→'), "{out}");
}
