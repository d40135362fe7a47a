//! The pager as a pure state machine: the text, the first visible line, the screen size and
//! the search. [`Pager::handle`] turns a key into an [`Action`], [`Pager::reflow`] takes the
//! text laid out again for a new width; [`Pager::visible_lines`] and [`Pager::status_rows`] are
//! what the driver in `pager.rs` draws. Nothing here touches a terminal, so it is tested without
//! one. `?` opens the list of every key (`pager/help.rs`) as a pager of its own over the text.
//! Inside another screen (`course watch`) the pager has a [`Host`] whose keys it hands back.

use super::help::{help_status, help_text, status_line, Position};
use super::host::{hosted_status, Host};
use super::line::{highlight, truncate};
use crate::i18n::Lang;
use crate::render::strip_ansi;
use crate::terminal::fit;
use crate::terminal::keys::{edit_line, Key, Typed};
use crate::tr;

/// What the caller should do after a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Redraw,
    Nothing,
    Quit,
    /// Ctrl-C: the reader wants `course` to stop, not only the pager.
    Interrupt,
    /// One of the [`Host`]'s keys, for the host to act on.
    Host(char),
}

/// Pager state: the text, the first visible line, the screen size, the search.
pub struct Pager {
    lines: Vec<String>,
    /// Lines without escapes, lower-cased, for searching.
    plain: Vec<String>,
    top: usize,
    width: usize,
    /// Rows for text (the screen minus the status line).
    height: usize,
    /// Typing a search after `/`.
    input: Option<String>,
    query: Option<String>,
    message: Option<String>,
    /// The language of the status line and its notes.
    lang: Lang,
    /// The `?` screen, while it is shown: a pager of its own over this one.
    help: Option<Box<Pager>>,
    /// This pager is the `?` screen (its status line says how to go back).
    is_help: bool,
    /// The program around the pager, when it has keys of its own.
    host: Option<Host>,
}

/// The lines of `text`, and the same without escapes, lower-cased, for searching.
fn split(text: &str) -> (Vec<String>, Vec<String>) {
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    let plain = lines.iter().map(|l| strip_ansi(l).to_lowercase()).collect();
    (lines, plain)
}

/// A note (a search not found) takes at most this many rows above the status line.
const NOTE_ROWS: usize = 3;

impl Pager {
    pub fn new(text: &str, width: u16, rows: u16) -> Pager {
        let (lines, plain) = split(text);
        Pager {
            lines,
            plain,
            top: 0,
            width: width.max(1) as usize,
            height: (rows as usize).saturating_sub(1).max(1),
            input: None,
            query: None,
            message: None,
            lang: Lang::En,
            help: None,
            is_help: false,
            host: None,
        }
    }

    /// Make `host` the program around this pager (or give it its keys as they are now).
    pub fn set_host(&mut self, host: Host) {
        self.host = Some(host);
    }

    /// Show `note` above the status line until the next key (as a search not found is). It
    /// may hold colour (code spans): it is wrapped by what shows, not by its escapes.
    pub fn note(&mut self, note: &str) {
        self.message = Some(note.to_string());
    }

    /// Take the note away (the host's screen changed under it).
    pub fn clear_note(&mut self) {
        self.message = None;
    }

    /// Replace the text with another version of it (`course watch` after a re-check: a
    /// problem fixed, another found), keeping the first visible line's number: the reader
    /// stays where they were, as far as the new text goes. The search and the `?` screen stay.
    pub fn replace(&mut self, text: &str) {
        (self.lines, self.plain) = split(text);
        self.top = self.top.min(self.max_top());
    }

    /// How many lines the text has.
    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// The same pager with its status line and notes in `lang`.
    pub fn speaking(mut self, lang: Lang) -> Pager {
        self.lang = lang;
        self
    }

    /// Search for `query` as `/` does (from the top visible line).
    pub fn find(&mut self, query: &str) {
        if !query.is_empty() {
            self.query = Some(query.to_lowercase());
            self.search(true, true);
        }
    }

    /// Index of the first visible line.
    pub fn top(&self) -> usize {
        self.top
    }

    /// Rows for text (the screen minus the status line).
    pub fn rows(&self) -> usize {
        self.height
    }

    /// Columns the text is shown in.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Replace the text with the same text laid out again (after a resize), keeping the
    /// reader's place: the new top line is the one holding the letter that was first on
    /// screen. Letters and digits are counted, not spaces or border characters, since those
    /// are what a new layout changes.
    pub fn reflow(&mut self, text: &str) {
        let letters = |l: &str| l.chars().filter(|c| c.is_alphanumeric()).count();
        let before: usize = self.plain[..self.top].iter().map(|l| letters(l)).sum();
        let (lines, plain) = split(text);
        let mut seen = 0;
        let mut top = plain.len().saturating_sub(1);
        for (i, l) in plain.iter().enumerate() {
            seen += letters(l);
            if seen > before {
                top = i;
                break;
            }
        }
        if before == 0 {
            top = 0;
        }
        self.lines = lines;
        self.plain = plain;
        self.top = top.min(self.max_top());
    }

    fn max_top(&self) -> usize {
        self.lines.len().saturating_sub(self.height)
    }

    fn scroll_to(&mut self, top: usize) -> Action {
        let top = top.min(self.max_top());
        if top == self.top {
            return Action::Nothing;
        }
        self.top = top;
        Action::Redraw
    }

    fn down(&mut self, n: usize) -> Action {
        self.scroll_to(self.top.saturating_add(n))
    }

    fn up(&mut self, n: usize) -> Action {
        self.scroll_to(self.top.saturating_sub(n))
    }

    pub fn handle(&mut self, key: Key) -> Action {
        if let Key::Resize(w, h) = key {
            self.width = w.max(1) as usize;
            self.height = (h as usize).saturating_sub(1).max(1);
            self.top = self.top.min(self.max_top());
            if let Some(help) = &mut self.help {
                help.handle(key);
                help.reflow(&help_text(self.lang, self.width, self.host.as_ref()));
            }
            return Action::Redraw;
        }
        if let Some(help) = &mut self.help {
            return match key {
                Key::Ctrl('c') => Action::Interrupt,
                Key::Char('q' | 'Q' | '?') | Key::Esc => {
                    self.help = None;
                    Action::Redraw
                }
                _ => help.handle(key),
            };
        }
        if let Some(input) = &mut self.input {
            if key == Key::Ctrl('c') {
                return Action::Interrupt;
            }
            match edit_line(input, key) {
                Typed::Editing => {}
                Typed::Cancelled => self.input = None,
                Typed::Done(q) => {
                    self.input = None;
                    if !q.is_empty() {
                        self.query = Some(q.to_lowercase());
                    }
                    return self.search(true, true);
                }
                Typed::Ignored => return Action::Nothing,
            }
            return Action::Redraw;
        }
        // A note stays until the next key; a key that moves nothing still redraws without it.
        let had_note = self.message.take().is_some();
        if let (Some(host), Key::Char(c)) = (&self.host, key) {
            if host.takes(c) {
                return Action::Host(c);
            }
        }
        let page = self.height;
        let half = (self.height / 2).max(1);
        let action = match key {
            Key::Char('q' | 'Q') | Key::Esc => Action::Quit,
            Key::Ctrl('c') => Action::Interrupt,
            Key::Char('j' | 'e') | Key::Down | Key::Enter | Key::Ctrl('n' | 'e') => self.down(1),
            Key::Char('k' | 'y') | Key::Up | Key::Ctrl('p' | 'y') => self.up(1),
            Key::Char(' ' | 'f') | Key::PageDown | Key::Ctrl('f' | 'v') => self.down(page),
            Key::Char('b') | Key::PageUp | Key::Ctrl('b') => self.up(page),
            Key::Char('d') | Key::Ctrl('d') => self.down(half),
            Key::Char('u') | Key::Ctrl('u') => self.up(half),
            Key::Char('g') | Key::Home | Key::Char('<') => self.scroll_to(0),
            Key::Char('G') | Key::End | Key::Char('>') => self.scroll_to(usize::MAX),
            Key::Char('/') => {
                self.input = Some(String::new());
                Action::Redraw
            }
            Key::Char('n') => self.search(true, false),
            Key::Char('N') => self.search(false, false),
            Key::Char('?') if !self.is_help => {
                let text = help_text(self.lang, self.width, self.host.as_ref());
                let (w, h) = (self.width as u16, (self.height + 1) as u16);
                let mut help = Pager::new(&text, w, h).speaking(self.lang);
                help.is_help = true;
                // A host's key does the same over the list (watch's `e` still opens the file).
                help.host = self.host.clone();
                self.help = Some(Box::new(help));
                Action::Redraw
            }
            _ => Action::Nothing,
        };
        if had_note && action == Action::Nothing {
            Action::Redraw
        } else {
            action
        }
    }

    /// Jump to the next (or previous) line holding the query; a new search starts at the top
    /// visible line, `n`/`N` after it. Wraps around the end.
    fn search(&mut self, forward: bool, fresh: bool) -> Action {
        let Some(q) = self.query.clone() else {
            let note = tr!(
                "no search yet: type / and a word",
                "아직 검색어가 없습니다. /를 누르고 찾을 말을 입력하십시오"
            );
            self.message = Some(note.get(self.lang).to_string());
            return Action::Redraw;
        };
        let n = self.lines.len();
        if n == 0 {
            return Action::Redraw;
        }
        let found = (0..n)
            .map(|k| {
                if forward {
                    (self.top + k + usize::from(!fresh)) % n
                } else {
                    (self.top + n - 1 - k) % n
                }
            })
            .find(|&i| self.plain[i].contains(&q));
        match found {
            Some(i) => {
                let wrapped = if forward { i < self.top } else { i > self.top };
                let note = if forward {
                    tr!(
                        "search wrapped around to the top",
                        "끝까지 찾고 처음부터 다시 찾았습니다"
                    )
                } else {
                    tr!(
                        "search wrapped around to the bottom",
                        "처음까지 찾고 끝에서부터 다시 찾았습니다"
                    )
                };
                self.message = wrapped.then(|| note.get(self.lang).to_string());
                self.top = i.min(self.max_top());
                // At the end of the text the match may sit below the top line; it is visible.
            }
            None => {
                let note = tr!("not found: {q}", "찾지 못했습니다: {q}");
                self.message = Some(note.get(self.lang).to_string());
            }
        }
        Action::Redraw
    }

    /// The lines on screen, cut to the screen width, with search matches highlighted (the
    /// `?` screen's while it is open).
    pub fn visible_lines(&self) -> Vec<String> {
        if let Some(help) = &self.help {
            return help.visible_lines();
        }
        let end = (self.top + self.height).min(self.lines.len());
        (self.top..end)
            .map(|i| match &self.query {
                Some(q) if self.plain[i].contains(q.as_str()) => {
                    highlight(&strip_ansi(&self.lines[i]), q, self.width)
                }
                _ => truncate(&self.lines[i], self.width),
            })
            .collect()
    }

    /// The bottom rows: a search being typed; or a note (wrapped by whole words, over the last
    /// text rows until the next key) and the status line with the position and the keys.
    pub fn status_rows(&self) -> Vec<String> {
        if let Some(help) = &self.help {
            return help.status_rows();
        }
        if let Some(input) = &self.input {
            return vec![super::typed_tail(&format!("/{input}"), self.width)];
        }
        let n = self.lines.len();
        let last = (self.top + self.height).min(n);
        let at = Position {
            first: self.top + 1,
            last,
            n,
            pct: (last * 100).checked_div(n).unwrap_or(100),
        };
        let status = match (&self.host, self.is_help) {
            (_, true) => help_status(self.lang, at, self.width),
            (Some(host), false) => hosted_status(self.lang, at, self.width, host),
            (None, false) => status_line(self.lang, at, self.width),
        };
        let mut rows = Vec::new();
        if let Some(m) = &self.message {
            rows = fit(m, self.width).lines().map(str::to_string).collect();
            // A long note (an editor that could not start, with the fix) may take up to half
            // the text rows; a short one takes what it needs.
            rows.truncate(NOTE_ROWS.max(self.height / 2).min(self.height));
            rows.iter_mut().for_each(|r| *r = truncate(r, self.width));
        }
        rows.push(status);
        rows
    }
}
