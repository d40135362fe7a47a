//! `course watch` on a terminal that reads keys: the report scrolls between the heading and
//! the status line, with the pager's own state machine (`pager/state.rs`) and its keys
//! (arrows, PgUp/PgDn, space/b, j/k, g/G, `/` search, `?` for every key). Watch is the pager's
//! host (`pager/host.rs`): `e` opens the file to fix (it is never the pager's `less`-style
//! line down), `q` and Esc stop the watch, Ctrl-C stops it with 130.
//!
//! A re-check of the same exercise keeps the reader's line (the text changes under it: a
//! problem fixed, another found); another exercise, a lesson or the end is read from the top;
//! a resized window lays the same report out again at the same words.

use super::screen::Parts;
use crate::i18n::Lang;
use crate::pager::{Action, Host, HostKey, Key, Pager};
use crate::tr;

/// The screen: fixed parts laid out around the report's pager.
pub struct Scroll {
    pager: Option<Pager>,
    lang: Lang,
    head: Vec<String>,
    how: Vec<String>,
    /// What the report is about ([`Parts::about`]).
    about: String,
    on_exercise: bool,
    /// What `e` says on an exercise without a file ([`Parts::no_file`]).
    no_file: Option<String>,
    /// The window's rows.
    rows: usize,
}

/// Why the screen is laid out again.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Because {
    /// A check (or progress changed elsewhere): maybe other text, the same width.
    Checked,
    /// The window was resized: the same text at another width.
    Resized,
}

impl Scroll {
    pub fn new(lang: Lang) -> Scroll {
        Scroll {
            pager: None,
            lang,
            head: Vec::new(),
            how: Vec::new(),
            about: String::new(),
            on_exercise: false,
            no_file: None,
            rows: 24,
        }
    }

    /// Take the parts of a new screen for a window of `width` x `rows`.
    pub fn show(&mut self, parts: Parts, width: usize, rows: usize, because: Because) {
        let lines = |t: &str| t.lines().map(str::to_string).collect::<Vec<_>>();
        self.head = lines(&parts.head);
        self.how = lines(&parts.how);
        self.rows = rows;
        // The status line takes a row and the report at least one; in a window too small
        // for the rest, how the watch works gives way, then the heading's last lines.
        if self.head.len() + self.how.len() + 2 > rows {
            self.how.clear();
            self.head.truncate(rows.saturating_sub(2));
        }
        let room = rows
            .saturating_sub(self.head.len() + self.how.len() + 1)
            .max(1);
        let resize = Key::Resize(clamp(width), clamp(room + 1));
        let same = self.about == parts.about;
        match &mut self.pager {
            Some(pager) if same && because == Because::Resized => {
                pager.handle(resize);
                pager.reflow(&parts.body);
            }
            Some(pager) if same => {
                // A check says what is true now: a note about the last one goes.
                pager.clear_note();
                pager.replace(&parts.body);
                pager.handle(resize);
            }
            _ => {
                let pager = Pager::new(&parts.body, clamp(width), clamp(room + 1));
                self.pager = Some(pager.speaking(self.lang));
            }
        }
        self.about = parts.about;
        self.on_exercise = parts.on_exercise;
        self.no_file = parts.no_file;
        let host = host(self.on_exercise);
        if let Some(pager) = &mut self.pager {
            pager.set_host(host);
        }
    }

    /// Say `note` in the status area (wrapped, over the report's last rows) until the next key
    /// or the next check; a resize keeps it.
    pub fn note(&mut self, note: &str) {
        if let Some(pager) = &mut self.pager {
            pager.note(note);
        }
    }

    /// A key for the report's pager; `e` with no file to fix is answered here, with a note.
    pub fn key(&mut self, key: Key) -> Action {
        let Some(pager) = &mut self.pager else {
            return Action::Nothing;
        };
        match pager.handle(key) {
            Action::Host('e') if !self.on_exercise => {
                let note = tr!(
                    "Nothing to open now: e opens the file to fix, and what is on screen has none.",
                    "지금은 열 파일이 없습니다. e는 고칠 파일을 여는데, 지금 화면의 내용에는 그런 파일이 없습니다."
                );
                let text = self.no_file.as_deref().unwrap_or(note.get(self.lang));
                pager.note(text);
                Action::Redraw
            }
            action => action,
        }
    }

    /// The whole screen, drawn over the last one from the top-left corner: every row is
    /// cleared to its end and the rest of the screen below, so nothing flickers and nothing
    /// old stays. The last row gets no line end (the screen would scroll by one).
    pub fn frame(&self) -> String {
        let Some(pager) = &self.pager else {
            return String::new();
        };
        let mut status = pager.status_rows();
        let line = status.pop().unwrap_or_default();
        // A note (a search not found) takes the report's last rows, as in the pager.
        let room = pager.rows().saturating_sub(status.len());
        let report = pager.visible_lines().into_iter().take(room);
        let rows: Vec<String> = self
            .head
            .iter()
            .cloned()
            .chain(report)
            .chain(status)
            .chain(self.how.iter().cloned())
            .chain([format!("\x1b[7m{line}\x1b[0m")])
            .collect();
        let mut out = String::from("\x1b[H");
        out.push_str(&rows.join("\x1b[K\r\n"));
        out.push_str("\x1b[K\x1b[J");
        out
    }
}

/// Watch's keys for the pager's `?` screen and status line: `e` (only named while there is a
/// file to fix). `q` is the pager's own: it ends the pager, here the watch.
fn host(on_exercise: bool) -> Host {
    Host {
        title: tr!("Keys of course watch", "course watch의 키"),
        keys: vec![HostKey {
            key: 'e',
            does: tr!(
                "open the file to fix in your editor",
                "고칠 파일을 편집기로 열기"
            ),
            short: tr!("edit", "편집"),
            offered: on_exercise,
        }],
    }
}

/// A size for the pager, which counts in `u16` as terminals do.
fn clamp(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests;
