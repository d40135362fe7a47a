//! One line of text typed on a terminal, with the editing keys a learner expects: the arrow
//! keys, Home and End, Backspace, Ctrl-A/E/U/K/W as in a shell, Esc to cancel. Issue 9: in
//! cooked mode an arrow key went into `course answer`'s reason as `^[[D` and the line was
//! refused, and Esc needed an Enter after it.
//!
//! [`LineInput`] is a pure state machine over [`Key`] (tested without a terminal); [`read`]
//! drives it in raw mode on one screen row, scrolling the text sideways when it is wider than
//! the row, so wide (Korean) characters and a resize never leave a half-drawn line. Input
//! methods still work: the terminal composes a syllable and sends it as one character.

use std::io::{self, Write};

use crossterm::{cursor, queue, terminal};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::keys::{read_key, Key, Raw};

/// What a key did to the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Keep reading.
    Editing,
    /// Enter: the text typed.
    Done(String),
    /// Esc, or Ctrl-D on an empty line.
    Cancelled,
    /// Ctrl-C.
    Interrupted,
}

/// The text and where the cursor is in it (in characters).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineInput {
    text: Vec<char>,
    cursor: usize,
}

fn width(c: char) -> usize {
    c.width().unwrap_or(0)
}

impl LineInput {
    pub fn text(&self) -> String {
        self.text.iter().collect()
    }

    /// Apply one key.
    pub fn apply(&mut self, key: Key) -> Edit {
        match key {
            // A line feed is Enter too: type-ahead that reached the terminal before raw mode was
            // turned into one by the terminal (ICRNL), and some terminals send it for Enter.
            Key::Enter | Key::Ctrl('j') => return Edit::Done(self.text()),
            Key::Esc => return Edit::Cancelled,
            Key::Ctrl('c') => return Edit::Interrupted,
            Key::Ctrl('d') if self.text.is_empty() => return Edit::Cancelled,
            // Control characters never enter the text (a tab becomes a space).
            Key::Tab => self.insert(' '),
            Key::Char(c) if !c.is_control() => self.insert(c),
            Key::Left | Key::Ctrl('b') => self.cursor = self.cursor.saturating_sub(1),
            Key::Right | Key::Ctrl('f') => self.cursor = (self.cursor + 1).min(self.text.len()),
            Key::Home | Key::Ctrl('a') => self.cursor = 0,
            Key::End | Key::Ctrl('e') => self.cursor = self.text.len(),
            Key::Backspace | Key::Ctrl('h') if self.cursor > 0 => {
                self.cursor -= 1;
                self.text.remove(self.cursor);
            }
            Key::Ctrl('d') if self.cursor < self.text.len() => {
                self.text.remove(self.cursor);
            }
            Key::Ctrl('u') => {
                self.text.drain(..self.cursor);
                self.cursor = 0;
            }
            Key::Ctrl('k') => self.text.truncate(self.cursor),
            Key::Ctrl('w') => {
                let mut start = self.cursor;
                while start > 0 && self.text[start - 1].is_whitespace() {
                    start -= 1;
                }
                while start > 0 && !self.text[start - 1].is_whitespace() {
                    start -= 1;
                }
                self.text.drain(start..self.cursor);
                self.cursor = start;
            }
            _ => {}
        }
        Edit::Editing
    }

    fn insert(&mut self, c: char) {
        self.text.insert(self.cursor, c);
        self.cursor += 1;
    }

    /// The part of the text shown in `room` columns and the cursor's column in it. The text
    /// scrolls sideways so the cursor stays in view; `‹` and `›` mark text cut off at either
    /// side, and a wide character is never cut in half.
    pub fn view(&self, room: usize) -> (String, usize) {
        let room = room.max(4);
        let total: usize = self.text.iter().map(|c| width(*c)).sum();
        if total < room {
            let column = self.text[..self.cursor].iter().map(|c| width(*c)).sum();
            return (self.text(), column);
        }
        // Start as far left as keeps the cursor (and one column after it) in view, leaving a
        // column for each marker.
        let mut start = 0;
        let before = |start: usize| -> usize {
            self.text[start..self.cursor]
                .iter()
                .map(|c| width(*c))
                .sum()
        };
        let inner = room - 2;
        while start < self.cursor && before(start) + 1 > inner {
            start += 1;
        }
        let mut shown = String::new();
        let mut used = 0;
        if start > 0 {
            shown.push('‹');
            used += 1;
        }
        let column = used + before(start);
        let mut end = start;
        while end < self.text.len() && used + width(self.text[end]) < room {
            used += width(self.text[end]);
            shown.push(self.text[end]);
            end += 1;
        }
        if end < self.text.len() {
            shown.push('›');
        }
        (shown, column)
    }
}

/// Show `head` (lines, already wrapped), then read one line after `prompt` (the prompt's last
/// line). The caller shows the line once read: the row is left empty. `Ok(None)` when cancelled: Esc, Ctrl-C (as the option selector takes it), or
/// Ctrl-D on an empty line.
pub fn read(head: &str, prompt: &str, columns: impl Fn() -> usize) -> io::Result<Option<String>> {
    let mut line = LineInput::default();
    let mut out = io::stdout();
    let guard = Raw::enter(false)?;
    // `head` (the prompt's earlier lines, already wrapped) is shown only now that the terminal
    // is raw: a key typed as soon as it appears must not reach a cooked terminal, which would
    // echo it and turn its Enter into a line feed.
    for row in head.lines() {
        write!(out, "{row}\r\n")?;
    }
    let prompt_width = UnicodeWidthStr::width(prompt);
    let outcome = loop {
        let room = columns().saturating_sub(prompt_width + 1);
        let (shown, column) = line.view(room);
        clear_row(&mut out)?;
        write!(out, "{prompt}{shown}")?;
        queue!(out, cursor::MoveToColumn((prompt_width + column) as u16))?;
        out.flush()?;
        match line.apply(read_key()?) {
            Edit::Editing => {}
            other => break other,
        }
    };
    // Clear the row: the caller shows the whole line, wrapped to the width like every other
    // line (the terminal's own wrap would cut a Korean word at the edge).
    clear_row(&mut out)?;
    out.flush()?;
    drop(guard);
    match outcome {
        Edit::Done(text) => Ok(Some(text)),
        _ => Ok(None),
    }
}

/// Back to the start of the cursor's row, emptied.
fn clear_row(out: &mut impl Write) -> io::Result<()> {
    queue!(
        out,
        cursor::MoveToColumn(0),
        terminal::Clear(terminal::ClearType::CurrentLine)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(keys: &[Key]) -> LineInput {
        let mut line = LineInput::default();
        for k in keys {
            assert_eq!(line.apply(*k), Edit::Editing, "{k:?}");
        }
        line
    }

    fn chars(s: &str) -> Vec<Key> {
        s.chars().map(Key::Char).collect()
    }

    #[test]
    fn issue9_arrow_keys_edit_in_the_middle_of_korean_text() {
        // A learner goes back to insert words, then deletes a syllable before the cursor.
        let mut keys = chars("서버가 돌아간다");
        keys.extend([Key::Home, Key::Right, Key::Right, Key::Right, Key::Right]);
        keys.extend(chars("사람 없이 "));
        keys.extend([Key::End, Key::Left, Key::Left, Key::Backspace]);
        let line = typed(&keys);
        assert_eq!(line.text(), "서버가 사람 없이 돌간다");
        assert_eq!(line.view(80), ("서버가 사람 없이 돌간다".to_string(), 19));
    }

    #[test]
    fn shell_keys_cut_words_and_ends() {
        let mut keys = chars("runs for hours");
        keys.push(Key::Ctrl('w'));
        assert_eq!(typed(&keys).text(), "runs for ");
        keys.extend([Key::Ctrl('a'), Key::Ctrl('k')]);
        assert_eq!(typed(&keys).text(), "");
        let mut keys = chars("ab cd");
        keys.extend([Key::Left, Key::Left, Key::Ctrl('u')]);
        let line = typed(&keys);
        assert_eq!((line.text(), line.cursor), ("cd".to_string(), 0));
        keys.push(Key::Ctrl('d'));
        assert_eq!(typed(&keys).text(), "d");
    }

    #[test]
    fn control_characters_never_enter_and_esc_enter_ctrl_c_end() {
        let mut line = typed(&[
            Key::Char('a'),
            Key::Char('\u{1b}'),
            Key::Tab,
            Key::Char('b'),
        ]);
        assert_eq!(line.text(), "a b");
        assert_eq!(line.clone().apply(Key::Esc), Edit::Cancelled);
        assert_eq!(line.clone().apply(Key::Ctrl('c')), Edit::Interrupted);
        assert_eq!(line.clone().apply(Key::Ctrl('j')), Edit::Done("a b".into()));
        assert_eq!(line.apply(Key::Enter), Edit::Done("a b".into()));
        assert_eq!(LineInput::default().apply(Key::Ctrl('d')), Edit::Cancelled);
    }

    #[test]
    fn a_long_line_scrolls_and_never_cuts_a_wide_character() {
        let line = typed(&chars(&"가나다라마바사".repeat(4)));
        for room in 4..40 {
            let (shown, column) = line.view(room);
            let w = UnicodeWidthStr::width(shown.as_str());
            assert!(w <= room, "{room}: {shown:?} is {w} wide");
            assert!(column < room, "{room}: cursor at {column}");
            assert!(shown.starts_with('‹'), "{room}: {shown:?}");
        }
        let mut at_start = line.clone();
        at_start.apply(Key::Home);
        let (shown, column) = at_start.view(10);
        assert_eq!((shown.as_str(), column), ("가나다라›", 0));
    }
}
