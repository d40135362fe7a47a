//! Choosing one of a few options with the arrow keys (`course answer`): a pure state machine
//! ([`Selector::handle`], tested without a terminal) and [`select`], which only draws the menu
//! below the cursor and reads keys in raw mode (through the guard shared with the pager).

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

/// The menu for `state`, as lines for a raw-mode terminal.
fn menu(options: &[Shown], state: &Selector, note: Option<&str>, term: &Term) -> Vec<String> {
    let mut lines: Vec<String> = options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let number = i + 1;
            let line = if i == state.index {
                term.paint(Style::Bold, &format!("> {number}. {}", o.name))
            } else {
                format!("  {number}. {}", o.name)
            };
            if o.aside.is_empty() {
                line
            } else {
                format!(
                    "{line}{}",
                    term.paint(Style::Dim, &format!("  ({})", o.aside))
                )
            }
        })
        .collect();
    if let Some(n) = note {
        lines.push(term.paint(Style::Fail, n));
    }
    // One row per line, or moving up over the menu to redraw it would miss rows.
    super::fit(&lines.join("\n"), term.width)
        .lines()
        .map(str::to_string)
        .collect()
}

/// Let the learner pick one of `options` on the terminal, starting at `start`. `None` when
/// they cancel. The menu is drawn below the cursor and erased afterwards.
pub fn select(
    options: &[Shown],
    start: usize,
    resolve: impl Fn(&str) -> Option<usize>,
    term: &Term,
    lang: Lang,
) -> io::Result<Option<usize>> {
    let mut state = Selector::new(options.len(), start);
    let mut out = io::stdout();
    let mut drawn: u16 = 0;
    let mut note: Option<String> = None;
    let guard = Raw::enter(false)?;
    // Laid out for the window as it is now: a resize changes the width (not `--width`).
    let mut term = term.clone();
    let outcome = loop {
        if drawn > 0 {
            queue!(out, cursor::MoveUp(drawn))?;
        }
        queue!(
            out,
            cursor::MoveToColumn(0),
            terminal::Clear(terminal::ClearType::FromCursorDown)
        )?;
        let lines = menu(options, &state, note.as_deref(), &term);
        for line in &lines {
            write!(out, "{line}\r\n")?;
        }
        let typed = &state.typed;
        let help = tr!(
            "↑/↓ move · Enter choose · Esc cancel · type: {typed}",
            "↑/↓ 이동 · Enter 선택 · Esc 취소 · 입력: {typed}"
        );
        let help = super::fit(&term.paint(Style::Dim, help.get(lang)), term.width);
        write!(out, "{}", help.replace('\n', "\r\n"))?;
        out.flush()?;
        drawn = (lines.len() + help.lines().count().saturating_sub(1)) as u16;
        note = None;
        let key = read_key()?;
        if let (Key::Resize(w, _), false) = (key, term.fixed_width) {
            term.width = usize::from(w).max(20);
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
    // Replace the menu with nothing, then leave raw mode (the guard also does on errors).
    queue!(
        out,
        cursor::MoveUp(drawn),
        cursor::MoveToColumn(0),
        terminal::Clear(terminal::ClearType::FromCursorDown)
    )?;
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
}
