//! The watch screen's scrolling without a terminal: the frame's rows, keys, a re-check of the
//! same exercise and of another one, a resize.

use super::*;
use crate::render::{strip_ansi, text::width};

/// The parts of a screen whose report has `n` numbered lines (the last one says so), laid out
/// for 80 columns.
fn parts(about: &str, n: usize, on_exercise: bool) -> Parts {
    parts_at(about, n, on_exercise, 80)
}

fn parts_at(about: &str, n: usize, on_exercise: bool, w: usize) -> Parts {
    let mut body: String = (1..n).map(|i| format!("    problem line {i}\n")).collect();
    body.push_str(&format!("    the last finding ({n})\n"));
    let how = "\nWatching /tmp/ws: a save, a commit or an install checks again.\n";
    Parts {
        head: crate::terminal::fit("course watch · 0/5 exercises pass\n\n", w),
        body,
        how: crate::terminal::fit(how, w),
        about: about.to_string(),
        on_exercise,
        no_file: None,
    }
}

/// The frame's rows as the terminal shows them.
fn rows(s: &Scroll) -> Vec<String> {
    let frame = s.frame();
    assert!(frame.starts_with("\x1b[H") && frame.ends_with("\x1b[K\x1b[J"));
    strip_ansi(&frame)
        .split("\r\n")
        .map(|r| r.trim_end().to_string())
        .collect()
}

/// The screen of an 80x14 window with a report of `n` lines.
fn shown(n: usize) -> Scroll {
    let mut s = Scroll::new(Lang::En);
    s.show(
        parts("exercise requirements", n, true),
        80,
        14,
        Because::Checked,
    );
    s
}

#[test]
fn issue9_a_tall_report_scrolls_between_the_heading_and_the_status_line() {
    let mut s = shown(30);
    let shown = rows(&s);
    assert_eq!(shown.len(), 14, "{shown:#?}");
    assert_eq!(shown[0], "course watch · 0/5 exercises pass");
    assert!(
        shown[13].starts_with("1-9/30  e edit  q quit"),
        "{shown:#?}"
    );
    assert!(!shown.join("\n").contains("the last finding"));
    assert_eq!(s.key(Key::Char('G')), Action::Redraw);
    let shown = rows(&s);
    assert_eq!(shown[10], "    the last finding (30)", "{shown:#?}");
    assert!(shown[13].starts_with("22-30/30  e edit"), "{shown:#?}");
    assert_eq!(s.key(Key::Char('e')), Action::Host('e'));
    assert_eq!(s.key(Key::Char('q')), Action::Quit);
}

#[test]
fn issue9_a_recheck_keeps_the_place_and_another_exercise_starts_at_the_top() {
    let mut s = shown(30);
    s.key(Key::Char(' '));
    s.key(Key::Down);
    // A problem fixed: the report is shorter, the reader stays on line 11 (a page of 9, and
    // one more).
    s.show(
        parts("exercise requirements", 28, true),
        80,
        14,
        Because::Checked,
    );
    assert_eq!(rows(&s)[2], "    problem line 11");
    s.show(
        parts("exercise structure", 28, true),
        80,
        14,
        Because::Checked,
    );
    assert_eq!(rows(&s)[2], "    problem line 1");
}

#[test]
fn issue9_a_resize_keeps_the_words_and_every_row_fits() {
    for lang in Lang::ALL {
        let mut s = Scroll::new(lang);
        s.show(
            parts("exercise requirements", 40, true),
            80,
            14,
            Because::Checked,
        );
        s.key(Key::Char(' '));
        let top = rows(&s)[2].clone();
        for (w, h) in [(60, 16), (140, 30), (30, 8), (60, 3)] {
            s.show(
                parts_at("exercise requirements", 40, true, w),
                w,
                h,
                Because::Resized,
            );
            let shown = rows(&s);
            assert_eq!(shown.len(), h, "{lang} {w}x{h}: {shown:#?}");
            assert!(
                shown.iter().all(|r| width(r) <= w),
                "{lang} {w}: {shown:#?}"
            );
            if h > 8 {
                assert_eq!(shown[2], top, "{lang} {w}x{h}");
            }
        }
    }
}

#[test]
fn issue9_e_without_a_file_to_fix_says_so_and_a_short_report_names_the_keys_in_full() {
    let mut s = Scroll::new(Lang::Ko);
    s.show(parts("lesson 2", 1, false), 60, 16, Because::Checked);
    let shown = rows(&s);
    assert_eq!(shown.len(), 6, "a short report is not padded: {shown:#?}");
    assert_eq!(shown[5], "q 끝내기  ? 모든 키");
    assert_eq!(s.key(Key::Char('e')), Action::Redraw);
    let shown = rows(&s).join("\n");
    assert!(shown.contains("지금은 열 파일이 없습니다"), "{shown}");
    s.show(
        parts("exercise requirements", 1, true),
        60,
        16,
        Because::Checked,
    );
    let shown = rows(&s);
    assert_eq!(
        shown.last().unwrap(),
        "e 고칠 파일을 편집기로 열기  q 끝내기  ? 모든 키"
    );
    // `?` lists watch's keys first, in the report's place.
    s.key(Key::Char('?'));
    let shown = rows(&s).join("\n");
    assert!(shown.contains("course watch의 키"), "{shown}");
    assert!(shown.contains("고칠 파일을 편집기로 열기"), "{shown}");
}
