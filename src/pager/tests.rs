//! Tests of the pager's state machine: scrolling, search, resize and reflow, the status line.

use super::*;
use crate::render::strip_ansi;

/// The bottom rows as one string (a note, then the status line).
fn status(p: &Pager) -> String {
    p.status_rows().join("\n")
}

fn text(n: usize) -> String {
    (1..=n).map(|i| format!("line {i}\n")).collect()
}

#[test]
fn scrolling_stays_in_bounds() {
    let mut p = Pager::new(&text(100), 80, 11); // 10 text rows
    assert_eq!(p.handle(Key::Up), Action::Nothing);
    assert_eq!(p.top(), 0);
    p.handle(Key::Char('j'));
    p.handle(Key::Down);
    p.handle(Key::Enter);
    assert_eq!(p.top(), 3);
    p.handle(Key::Char(' '));
    assert_eq!(p.top(), 13);
    p.handle(Key::Char('b'));
    p.handle(Key::Char('k'));
    assert_eq!(p.top(), 2);
    p.handle(Key::Char('d'));
    assert_eq!(p.top(), 7);
    p.handle(Key::Char('u'));
    assert_eq!(p.top(), 2);
    p.handle(Key::Char('G'));
    assert_eq!(p.top(), 90);
    assert_eq!(p.handle(Key::PageDown), Action::Nothing);
    assert_eq!(p.top(), 90);
    assert_eq!(p.visible_lines().last().unwrap(), "line 100");
    p.handle(Key::Home);
    assert_eq!(p.top(), 0);
    assert!(
        status(&p).starts_with("1-10/100 (10%)  q quit"),
        "{}",
        status(&p)
    );
}

#[test]
fn short_text_does_not_scroll() {
    let mut p = Pager::new(&text(3), 80, 24);
    assert_eq!(p.handle(Key::Char('G')), Action::Nothing);
    assert_eq!(p.top(), 0);
    assert_eq!(p.visible_lines().len(), 3);
}

#[test]
fn search_jumps_and_n_cycles() {
    let mut t = text(100);
    t = t.replace("line 40\n", "line 40 \x1b[1m가상환경\x1b[0m\n");
    t = t.replace("line 70\n", "line 70 가상환경\n");
    let mut p = Pager::new(&t, 80, 11);
    p.handle(Key::Char('/'));
    for c in "가상환경".chars() {
        p.handle(Key::Char(c));
    }
    assert_eq!(status(&p), "/가상환경");
    p.handle(Key::Enter);
    assert_eq!(p.top(), 39);
    assert!(p.visible_lines()[0].contains("\x1b[7m가상환경\x1b[0m"));
    p.handle(Key::Char('n'));
    assert_eq!(p.top(), 69);
    p.handle(Key::Char('n'));
    assert_eq!(p.top(), 39, "wraps around");
    assert!(status(&p).contains("wrapped around to the top"));
    p.handle(Key::Char('N'));
    assert_eq!(p.top(), 69);
    // Searching backward past the top wraps to the bottom and says so (issue 9: it said "top").
    assert!(
        status(&p).contains("wrapped around to the bottom"),
        "{}",
        status(&p)
    );
    p.handle(Key::Char('/'));
    p.handle(Key::Char('z'));
    p.handle(Key::Enter);
    assert_eq!(p.top(), 69);
    assert!(status(&p).contains("not found: z"));
}

#[test]
fn search_ignores_escape_codes_and_case() {
    let mut p = Pager::new("a\nb\n\x1b[1mVen\x1b[0mv here\nc\n", 80, 2);
    p.handle(Key::Char('/'));
    for c in "venv".chars() {
        p.handle(Key::Char(c));
    }
    p.handle(Key::Enter);
    assert_eq!(p.top(), 2);
}

#[test]
fn quit_keys_and_escape_in_search() {
    let mut p = Pager::new(&text(50), 80, 11);
    p.handle(Key::Char('/'));
    assert_eq!(
        p.handle(Key::Esc),
        Action::Redraw,
        "Esc leaves the search prompt"
    );
    assert_eq!(p.handle(Key::Char('q')), Action::Quit);
    assert_eq!(p.handle(Key::Esc), Action::Quit);
    assert_eq!(p.handle(Key::Ctrl('c')), Action::Interrupt);
    p.handle(Key::Char('/'));
    assert_eq!(
        p.handle(Key::Ctrl('c')),
        Action::Interrupt,
        "also in a search"
    );
}

#[test]
fn resize_keeps_bounds_and_cuts_lines() {
    let mut p = Pager::new(&format!("{}{}", "가".repeat(30), "\nx\n"), 80, 11);
    p.handle(Key::Resize(21, 1));
    assert_eq!(p.visible_lines()[0], "가".repeat(10));
    p.handle(Key::Char('G'));
    assert_eq!(p.top(), 1);
    p.handle(Key::Resize(80, 40));
    assert_eq!(p.top(), 0);
}

#[test]
fn status_line_fits_every_width() {
    let mut p = Pager::new(&text(1000), 140, 11);
    p.handle(Key::Char('/'));
    p.handle(Key::Char('z'));
    p.handle(Key::Enter);
    for w in [10, 20, 30, 40, 60, 80, 100, 140] {
        p.handle(Key::Resize(w, 11));
        let status = status(&p);
        assert!(
            status
                .lines()
                .all(|l| crate::render::text::width(l) <= w as usize),
            "{w}: {status}"
        );
        assert!(
            status.contains("-10"),
            "{w}: the position is kept: {status}"
        );
    }
    p.handle(Key::Resize(140, 11));
    assert!(status(&p).contains("n/N next/prev"), "{}", status(&p));
}

#[test]
fn reflow_keeps_the_reader_on_the_same_words() {
    let para = |w: usize| {
        let words: Vec<String> = (0..2000).map(|i| format!("낱말{i}")).collect();
        crate::render::wrap_plain(&words.join(" "), w).join("\n") + "\n"
    };
    let mut p = Pager::new(&para(60), 60, 11);
    p.handle(Key::Char(' '));
    p.handle(Key::Char(' '));
    let first_word = |p: &Pager| {
        strip_ansi(&p.visible_lines()[0])
            .split(' ')
            .next()
            .unwrap()
            .to_string()
    };
    let before = first_word(&p);
    for w in [30, 140, 80] {
        p.handle(Key::Resize(w, 11));
        p.reflow(&para(w as usize));
        let line = strip_ansi(&p.visible_lines()[0]);
        assert!(
            line.split(' ').any(|word| word == before),
            "{w}: {before} not on the top line {line}"
        );
        assert!(p
            .visible_lines()
            .iter()
            .all(|l| crate::render::text::width(l) <= w as usize));
    }
    p.handle(Key::Home);
    p.reflow(&para(80));
    assert_eq!(p.top(), 0, "the top stays the top");
}

#[test]
fn issue9_the_status_line_speaks_korean_and_fits() {
    let mut p = Pager::new(&text(100), 140, 11).speaking(crate::i18n::Lang::Ko);
    assert!(
        status(&p).starts_with("100줄 중 1-10 (10%)  q 끝내기"),
        "{}",
        status(&p)
    );
    p.handle(Key::Char('n'));
    assert!(
        status(&p).contains("아직 검색어가 없습니다"),
        "{}",
        status(&p)
    );
    p.handle(Key::Char('/'));
    p.handle(Key::Char('z'));
    p.handle(Key::Enter);
    assert!(status(&p).contains("찾지 못했습니다: z"), "{}", status(&p));
    for w in [20, 40, 60, 80] {
        p.handle(Key::Resize(w, 11));
        let status = status(&p);
        assert!(
            status
                .lines()
                .all(|l| crate::render::text::width(l) <= w as usize),
            "{w}: {status}"
        );
        assert!(!status.contains("quit"), "{w}: {status}");
        if w >= 40 {
            assert!(status.contains("찾지 못했습니다: z"), "{w}: {status}");
            assert!(
                status.contains("q 끝내기") && status.contains('?'),
                "{w}: {status}"
            );
        }
    }
}

#[test]
fn issue9_question_mark_lists_every_key_and_goes_back() {
    for lang in crate::i18n::Lang::ALL {
        let mut p = Pager::new(&text(100), 40, 11).speaking(lang);
        p.handle(Key::Char('j'));
        assert_eq!(p.handle(Key::Char('?')), Action::Redraw);
        let mut shown = p.visible_lines().join("\n");
        p.handle(Key::Char('G'));
        shown += &p.visible_lines().join("\n");
        for key in ["q, Esc", "space, f", "j, ↓", "k, ↑", "n / N"] {
            assert!(shown.contains(key), "{lang}: {key} not in\n{shown}");
        }
        assert!(status(&p).contains("q/?"), "{lang}: {}", status(&p));
        // Keys scroll the list, not the text; Ctrl-C still stops.
        p.handle(Key::Char('G'));
        assert_eq!(p.handle(Key::Ctrl('c')), Action::Interrupt);
        p.handle(Key::Resize(60, 6));
        assert!(p
            .visible_lines()
            .iter()
            .all(|l| crate::render::text::width(l) <= 60));
        assert_eq!(
            p.handle(Key::Char('q')),
            Action::Redraw,
            "q leaves the list only"
        );
        assert_eq!(p.top(), 1, "the text is where it was");
        assert!(p.visible_lines()[0].starts_with("line 2"));
        p.handle(Key::Char('?'));
        assert_eq!(p.handle(Key::Char('?')), Action::Redraw, "? closes it too");
        assert_eq!(p.handle(Key::Char('q')), Action::Quit);
    }
}

#[test]
fn issue9_a_long_search_shows_its_end_as_it_is_typed() {
    let mut p = Pager::new(&text(10), 20, 11);
    p.handle(Key::Char('/'));
    for c in "가상환경을 만드는 명령을 찾기".chars() {
        p.handle(Key::Char(c));
    }
    let shown = status(&p);
    assert!(
        shown.starts_with('…') && shown.ends_with("명령을 찾기"),
        "{shown}"
    );
    assert!(crate::render::text::width(&shown) <= 20, "{shown}");
    assert_eq!(super::typed_tail("/venv", 20), "/venv");
}

/// A host as `course watch` is (also used by `host.rs`'s tests).
pub(super) fn watch_like() -> Host {
    Host {
        title: crate::tr!("course watch keys", "course watch 키"),
        keys: vec![HostKey {
            key: 'e',
            does: crate::tr!(
                "open the file to fix in your editor",
                "고칠 파일을 편집기로 열기"
            ),
            short: crate::tr!("edit", "편집"),
            offered: true,
        }],
    }
}

#[test]
fn issue9_a_host_gets_its_keys_and_the_pager_the_rest() {
    let mut p = Pager::new(&text(100), 80, 11);
    p.set_host(watch_like());
    // `e` is the host's (in `less` it is a line down), everywhere but in a search being typed.
    assert_eq!(p.handle(Key::Char('e')), Action::Host('e'));
    assert_eq!(p.top(), 0);
    p.handle(Key::Char('j'));
    p.handle(Key::PageDown);
    assert_eq!(p.top(), 11);
    p.handle(Key::Char('/'));
    assert_eq!(p.handle(Key::Char('e')), Action::Redraw);
    assert_eq!(status(&p), "/e");
    p.handle(Key::Esc);
    assert!(
        status(&p).starts_with("12-21/100  e edit  q quit"),
        "{}",
        status(&p)
    );
    // The `?` screen is the host's: its title, its keys first; `e` works there too.
    p.handle(Key::Char('?'));
    let shown = p.visible_lines().join("\n");
    assert!(shown.starts_with("course watch keys"), "{shown}");
    let e = shown.find("open the file to fix").unwrap();
    assert!(e < shown.find("q, Esc").unwrap(), "{shown}");
    assert_eq!(p.handle(Key::Char('e')), Action::Host('e'));
    p.handle(Key::Char('q'));
    assert_eq!(p.handle(Key::Char('q')), Action::Quit);
}

#[test]
fn issue9_a_new_version_of_the_text_keeps_the_place() {
    let mut p = Pager::new(&text(100), 80, 11);
    p.set_host(watch_like());
    p.handle(Key::Char(' '));
    p.handle(Key::Char(' '));
    p.note("a note");
    p.replace(&text(90));
    assert_eq!(p.top(), 20, "the same line number");
    assert!(status(&p).starts_with("a note\n"), "{}", status(&p));
    assert_eq!(p.line_count(), 90);
    p.replace(&text(25));
    assert_eq!(p.top(), 15, "as far as the shorter text goes");
    assert_eq!(p.visible_lines().last().unwrap(), "line 25");
    p.replace(&text(4));
    assert_eq!(p.top(), 0);
    assert!(status(&p).ends_with("\ne open the file to fix in your editor  q quit  ? all keys"));
}
