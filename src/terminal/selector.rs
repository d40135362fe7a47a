//! Choosing one of a few options with the arrow keys (`course answer`): a pure state machine
//! ([`Selector::handle`], tested without a terminal) and [`select`], which only draws the menu
//! below the cursor and reads keys in raw mode (through the guard shared with the pager).
//! Each frame is drawn from its first row with the cursor parked there (`draw`), so a
//! resize that reflows the rows never leaves a stale one behind.

use std::io::{self, Write};

use crossterm::{cursor, queue, terminal};

use super::keys::{read_key, Key, Raw};
use super::{Style, Term};
use crate::i18n::Lang;
use crate::tr;

/// What a key press did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Continue,
    Chosen(usize),
    Cancelled,
    /// Enter on typed text that is no option (the text is cleared).
    Unknown(String),
}

/// The state of the chooser: a highlighted option and what has been typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selector {
    pub index: usize,
    pub len: usize,
    pub typed: String,
}

impl Selector {
    pub fn new(len: usize, start: usize) -> Selector {
        assert!(len > 0, "a selector needs options");
        Selector {
            index: start.min(len - 1),
            len,
            typed: String::new(),
        }
    }

    /// Arrows, Tab and Ctrl-P/N move (wrapping around); typing a spelling or number moves the
    /// highlight to it (`resolve` says which option typed text means); Enter chooses the
    /// highlighted option, or reports typed text that matches none; Esc, Ctrl-C and Ctrl-D
    /// cancel.
    pub fn handle(&mut self, key: Key, resolve: impl Fn(&str) -> Option<usize>) -> Outcome {
        match key {
            Key::Up | Key::Left | Key::BackTab | Key::Ctrl('p') => {
                self.typed.clear();
                self.index = (self.index + self.len - 1) % self.len;
            }
            Key::Down | Key::Right | Key::Tab | Key::Ctrl('n') => {
                self.typed.clear();
                self.index = (self.index + 1) % self.len;
            }
            Key::Esc | Key::Ctrl('c' | 'd') => return Outcome::Cancelled,
            Key::Backspace => {
                self.typed.pop();
                if let Some(i) = resolve(&self.typed) {
                    self.index = i;
                }
            }
            Key::Char(c) => {
                self.typed.push(c);
                if let Some(i) = resolve(&self.typed) {
                    self.index = i;
                }
            }
            Key::Enter => {
                if !self.typed.trim().is_empty() && resolve(&self.typed).is_none() {
                    return Outcome::Unknown(std::mem::take(&mut self.typed));
                }
                return Outcome::Chosen(self.index);
            }
            _ => {}
        }
        Outcome::Continue
    }
}

/// One option as shown: its name and, dimmed after it, other accepted spellings.
pub struct Shown {
    pub name: String,
    pub aside: String,
}

/// The menu for `state`, as rows for a raw-mode terminal. Each option is laid out with a
/// blank marker so its wrapped rows hang under its name, then `>` marks the highlighted one.
fn menu(options: &[Shown], state: &Selector, note: Option<&str>, term: &Term) -> Vec<String> {
    let mut rows = Vec::new();
    for (i, o) in options.iter().enumerate() {
        let number = i + 1;
        let chosen = i == state.index;
        let name = if chosen {
            term.paint(Style::Bold, &o.name)
        } else {
            o.name.clone()
        };
        let mut line = format!("  {number}. {name}");
        if !o.aside.is_empty() {
            line.push_str(&term.paint(Style::Dim, &format!("  ({})", o.aside)));
        }
        // One row per line, or moving up over the menu to redraw it would miss rows.
        let fitted = super::fit(&line, term.width);
        for (k, row) in fitted.lines().enumerate() {
            match row.strip_prefix("  ") {
                Some(rest) if chosen && k == 0 => {
                    rows.push(format!("{} {rest}", term.paint(Style::Bold, ">")))
                }
                _ => rows.push(row.to_string()),
            }
        }
    }
    if let Some(n) = note {
        let fitted = super::fit(&term.paint(Style::Fail, n), term.width);
        rows.extend(fitted.lines().map(str::to_string));
    }
    rows
}

/// The rows of one frame: the menu, then the keys (with what has been typed), each one
/// terminal row at `term.width`.
fn frame(
    options: &[Shown],
    state: &Selector,
    note: Option<&str>,
    term: &Term,
    lang: Lang,
) -> Vec<String> {
    let mut rows = menu(options, state, note, term);
    let typed = &state.typed;
    let help = tr!(
        "↑/↓ move · Enter choose · Esc cancel · type: {typed}",
        "↑/↓ 이동 · Enter 선택 · Esc 취소 · 입력: {typed}"
    );
    let help = super::fit(&term.paint(Style::Dim, help.get(lang)), term.width);
    rows.extend(help.lines().map(str::to_string));
    rows
}

/// Draw `rows` from the start of the cursor's row down, replacing what was there, and park
/// the cursor back at the start of the first row. Parked there, the cursor stays on the
/// frame's first row whatever a resize does to the rows below it (a terminal that reflows
/// splits a row that no longer fits into two, and a cursor left after the last row moves
/// with it), so the next frame, drawn from there, never leaves a stale row behind.
fn draw(out: &mut impl Write, rows: &[String]) -> io::Result<()> {
    queue!(
        out,
        cursor::MoveToColumn(0),
        terminal::Clear(terminal::ClearType::FromCursorDown)
    )?;
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.write_all(b"\r\n")?;
        }
        out.write_all(row.as_bytes())?;
    }
    if rows.len() > 1 {
        queue!(out, cursor::MoveUp((rows.len() - 1) as u16))?;
    }
    queue!(out, cursor::MoveToColumn(0))?;
    out.flush()
}

/// The width a frame is laid out at: the terminal's (it changes on resize), never more than
/// `--width` asks, so no row is wider than the window.
fn layout_width(term: &Term, columns: u16) -> usize {
    let window = usize::from(columns).max(20);
    if term.fixed_width {
        term.width.min(window)
    } else {
        window
    }
}

/// Let the learner pick one of `options` on the terminal, starting at `start`. `None` when
/// they cancel. The menu is drawn below the cursor and erased afterwards; the cursor is
/// hidden meanwhile (what is typed shows in the keys row).
pub fn select(
    options: &[Shown],
    start: usize,
    resolve: impl Fn(&str) -> Option<usize>,
    term: &Term,
    lang: Lang,
) -> io::Result<Option<usize>> {
    let mut state = Selector::new(options.len(), start);
    let mut out = io::stdout();
    let mut note: Option<String> = None;
    let guard = Raw::enter(false)?;
    let mut term = term.clone();
    if let Ok((columns, _)) = terminal::size() {
        term.width = layout_width(&term, columns);
    }
    queue!(out, cursor::Hide)?;
    let outcome = loop {
        draw(
            &mut out,
            &frame(options, &state, note.as_deref(), &term, lang),
        )?;
        note = None;
        let key = read_key()?;
        if let Key::Resize(columns, _) = key {
            term.width = layout_width(&term, columns);
        }
        match state.handle(key, &resolve) {
            Outcome::Continue => {}
            Outcome::Unknown(text) => {
                let why = tr!(
                    "`{text}` is not an option; use the arrows or type a name or number",
                    "`{text}`은(는) 선택지가 아닙니다. 화살표를 쓰거나 이름이나 번호를 입력하십시오"
                );
                note = Some(why.get(lang).to_string());
            }
            other => break other,
        }
    };
    // Replace the menu with nothing (the cursor is at its first row), then leave raw mode
    // (the guard also does on errors, and shows the cursor again).
    draw(&mut out, &[])?;
    queue!(out, cursor::Show)?;
    out.flush()?;
    drop(guard);
    Ok(match outcome {
        Outcome::Chosen(i) => Some(i),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Options `jupyter` (or `notebook`, `주피터`), `script` (or `py`, `스크립트`), `colab`.
    fn resolve(text: &str) -> Option<usize> {
        let text = text.trim().to_lowercase();
        if let Ok(n) = text.parse::<usize>() {
            return (1..=3).contains(&n).then(|| n - 1);
        }
        [
            &["jupyter", "notebook", "주피터"][..],
            &["script", "py", "스크립트"],
            &["colab"],
        ]
        .iter()
        .position(|s| s.contains(&text.as_str()))
    }

    #[test]
    fn arrows_wrap_around() {
        let mut s = Selector::new(3, 0);
        assert_eq!(s.handle(Key::Up, resolve), Outcome::Continue);
        assert_eq!(s.index, 2);
        s.handle(Key::Down, resolve);
        assert_eq!(s.index, 0);
        s.handle(Key::Tab, resolve);
        s.handle(Key::Ctrl('n'), resolve);
        assert_eq!(s.index, 2);
        s.handle(Key::BackTab, resolve);
        s.handle(Key::Right, resolve);
        assert_eq!(s.handle(Key::Enter, resolve), Outcome::Chosen(2));
        assert_eq!(Selector::new(3, 9).index, 2);
        assert_eq!(s.handle(Key::Resize(80, 24), resolve), Outcome::Continue);
    }

    #[test]
    fn typing_moves_the_highlight() {
        let mut s = Selector::new(3, 0);
        for c in "스크립트".chars() {
            s.handle(Key::Char(c), resolve);
        }
        assert_eq!(s.index, 1);
        assert_eq!(s.handle(Key::Enter, resolve), Outcome::Chosen(1));
        let mut s = Selector::new(3, 0);
        s.handle(Key::Char('3'), resolve);
        assert_eq!(s.index, 2);
        s.handle(Key::Backspace, resolve);
        assert_eq!(s.typed, "");
        s.handle(Key::Char('x'), resolve);
        assert_eq!(s.handle(Key::Enter, resolve), Outcome::Unknown("x".into()));
        assert_eq!(s.typed, "");
        // An arrow after typing clears what was typed.
        s.handle(Key::Char('q'), resolve);
        s.handle(Key::Down, resolve);
        assert_eq!(s.handle(Key::Enter, resolve), Outcome::Chosen(0));
        for cancel in [Key::Esc, Key::Ctrl('c'), Key::Ctrl('d')] {
            assert_eq!(s.handle(cancel, resolve), Outcome::Cancelled);
        }
    }

    #[test]
    fn the_menu_marks_the_highlighted_option() {
        let options = [
            Shown {
                name: "jupyter".into(),
                aside: "notebook".into(),
            },
            Shown {
                name: "script".into(),
                aside: String::new(),
            },
        ];
        let state = Selector::new(2, 1);
        let lines = menu(&options, &state, Some("nope"), &Term::plain(80));
        assert_eq!(lines, ["  1. jupyter  (notebook)", "> 2. script", "nope"]);
    }

    #[test]
    fn every_frame_is_drawn_from_its_first_row_and_parks_the_cursor_there() {
        let mut out = Vec::new();
        draw(&mut out, &["> 1. a".into(), "  2. b".into(), "keys".into()]).unwrap();
        let out = String::from_utf8(out).unwrap();
        // Column 0, clear down, the rows, back up two rows to column 0: the next frame (after
        // a resize too) starts where this one did.
        assert_eq!(out, "\x1b[1G\x1b[J> 1. a\r\n  2. b\r\nkeys\x1b[2A\x1b[1G");
        let mut out = Vec::new();
        draw(&mut out, &[]).unwrap();
        assert_eq!(
            out, b"\x1b[1G\x1b[J\x1b[1G",
            "the last frame erases the menu"
        );
    }

    #[test]
    fn frames_fit_the_window_after_a_resize() {
        let options = [
            Shown {
                name: "jupyter".into(),
                aside: "notebook, ipynb, 주피터".into(),
            },
            Shown {
                name: "script".into(),
                aside: "py, .py, 스크립트".into(),
            },
        ];
        let mut term = Term::plain(100);
        term.fixed_width = false;
        let mut state = Selector::new(2, 0);
        for c in "주피".chars() {
            state.handle(Key::Char(c), resolve);
        }
        for lang in [Lang::Ko, Lang::En] {
            for columns in [140, 60, 40, 30, 20] {
                term.width = layout_width(&term, columns);
                let rows = frame(
                    &options,
                    &state,
                    Some("`x`는 선택지가 아닙니다"),
                    &term,
                    lang,
                );
                for row in &rows {
                    let w = crate::render::text::width(row);
                    assert!(w <= usize::from(columns), "{columns}: {row:?}");
                }
                let all = rows.join(" ");
                let typed = if lang == Lang::Ko {
                    "입력: 주피"
                } else {
                    "type: 주피"
                };
                assert!(
                    all.contains("주피터") && all.contains(typed),
                    "{columns}: {all}"
                );
            }
        }
        // `--width` wider than the window gives way to the window, never the other way.
        let mut fixed = Term::plain(100);
        assert_eq!(layout_width(&fixed, 60), 60);
        fixed.width = 50;
        assert_eq!(layout_width(&fixed, 60), 50);
    }
}
