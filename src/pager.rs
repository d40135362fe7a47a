//! The built-in pager: scroll by line and page, search, quit; lay the text out again when the
//! window is resized.
//!
//! Key handling is a pure state machine ([`Pager::handle`], [`Pager::reflow`]) so it is tested
//! without a terminal; [`page`] only reads keys, draws [`Pager::visible_lines`] and the status
//! line. Ctrl-C ends the pager as an interrupt (the caller exits with 130), `q` as a quit.
//! Keys and raw mode are shared with the option selector (`terminal::keys`): one guard undoes
//! raw mode and the alternate screen on every way out, errors, panics and signals included.

use std::io::{self, Write};

use crossterm::{cursor, queue, style, terminal};

use crate::render::strip_ansi;
use crate::render::text::char_width;
pub use crate::terminal::keys::Key;
use crate::terminal::keys::{edit_line, read_key, Raw, Typed};

/// What the caller should do after a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Redraw,
    Nothing,
    Quit,
    /// Ctrl-C: the reader wants `course` to stop, not only the pager.
    Interrupt,
}

/// How a [`page`] ended.
pub struct Shown {
    /// Ended by Ctrl-C.
    pub interrupted: bool,
    /// The text as last laid out (for the width the window has now).
    pub text: String,
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
}

impl Pager {
    pub fn new(text: &str, width: u16, rows: u16) -> Pager {
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        let plain = lines.iter().map(|l| strip_ansi(l).to_lowercase()).collect();
        Pager {
            lines,
            plain,
            top: 0,
            width: width.max(1) as usize,
            height: (rows as usize).saturating_sub(1).max(1),
            input: None,
            query: None,
            message: None,
        }
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
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        let plain: Vec<String> = lines.iter().map(|l| strip_ansi(l).to_lowercase()).collect();
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
            return Action::Redraw;
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
        self.message = None;
        let page = self.height;
        let half = (self.height / 2).max(1);
        match key {
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
            _ => Action::Nothing,
        }
    }

    /// Jump to the next (or previous) line holding the query; a new search starts at the top
    /// visible line, `n`/`N` after it. Wraps around the end.
    fn search(&mut self, forward: bool, fresh: bool) -> Action {
        let Some(q) = self.query.clone() else {
            self.message = Some("no search yet: type / and a word".into());
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
                self.message = wrapped.then(|| "search wrapped around".to_string());
                self.top = i.min(self.max_top());
                // At the end of the text the match may sit below the top line; it is visible.
            }
            None => self.message = Some(format!("not found: {q}")),
        }
        Action::Redraw
    }

    /// The lines on screen, cut to the screen width, with search matches highlighted.
    pub fn visible_lines(&self) -> Vec<String> {
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

    /// The bottom line: a search being typed, a message, or the position and the keys.
    pub fn status(&self) -> String {
        if let Some(input) = &self.input {
            return truncate(&format!("/{input}"), self.width);
        }
        let n = self.lines.len();
        let last = (self.top + self.height).min(n);
        let pct = (last * 100).checked_div(n).unwrap_or(100);
        let first = self.top + 1;
        let message = match &self.message {
            Some(m) => format!("  {m}"),
            None => String::new(),
        };
        // The longest that fits: all the keys, the main ones, then only the position.
        let candidates = [
            format!("lines {first}-{last} of {n} ({pct}%){message}  q quit  space/b page  j/k line  / search  n/N next/prev"),
            format!("lines {first}-{last} of {n} ({pct}%){message}  q quit  space/b page  / search"),
            format!("{first}-{last}/{n} ({pct}%){message}  q quit"),
            format!("{first}-{last}/{n}{message}"),
        ];
        let fits = candidates
            .iter()
            .find(|c| crate::render::text::width(c) <= self.width);
        truncate(fits.unwrap_or(&candidates[3]), self.width)
    }
}

/// Cut a line with escapes to `width` display columns; escapes are kept, styles reset
/// (also used by the home screen).
pub fn truncate(line: &str, width: usize) -> String {
    let mut out = String::with_capacity(line.len());
    let mut w = 0;
    let mut chars = line.chars().peekable();
    let mut cut = false;
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            out.push(c);
            // copy the whole escape sequence
            match chars.next() {
                Some('[') => {
                    out.push('[');
                    for c in chars.by_ref() {
                        out.push(c);
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
                Some(']') => {
                    out.push(']');
                    while let Some(c) = chars.next() {
                        out.push(c);
                        if c == '\x07' {
                            break;
                        }
                        if c == '\x1b' {
                            if let Some(&'\\') = chars.peek() {
                                out.push('\\');
                                chars.next();
                            }
                            break;
                        }
                    }
                }
                Some(o) => out.push(o),
                None => {}
            }
            continue;
        }
        let cw = char_width(c);
        if cut || w + cw > width {
            cut = true;
            continue;
        }
        w += cw;
        out.push(c);
    }
    if cut && out.contains('\x1b') {
        out.push_str("\x1b[0m\x1b]8;;\x1b\\");
    }
    out
}

/// A plain line with every (case-insensitive) match of `q` in reverse video.
fn highlight(plain: &str, q: &str, width: usize) -> String {
    let cut = truncate(plain, width);
    let lower = cut.to_lowercase();
    if lower.len() != cut.len() {
        return cut; // lower-casing changed byte offsets; show without highlight
    }
    let mut out = String::new();
    let mut last = 0;
    for (i, _) in lower.match_indices(q) {
        if i < last {
            continue;
        }
        out.push_str(&cut[last..i]);
        out.push_str("\x1b[7m");
        out.push_str(&cut[i..i + q.len()]);
        out.push_str("\x1b[0m");
        last = i + q.len();
    }
    out.push_str(&cut[last..]);
    out
}

fn draw(out: &mut impl Write, pager: &Pager) -> io::Result<()> {
    queue!(out, cursor::MoveTo(0, 0))?;
    let lines = pager.visible_lines();
    for row in 0..pager.height {
        queue!(out, cursor::MoveTo(0, row as u16))?;
        if let Some(l) = lines.get(row) {
            out.write_all(l.as_bytes())?;
        } else {
            out.write_all(b"~")?;
        }
        queue!(out, terminal::Clear(terminal::ClearType::UntilNewLine))?;
    }
    queue!(
        out,
        cursor::MoveTo(0, pager.height as u16),
        style::SetAttribute(style::Attribute::Reverse),
        style::Print(pager.status()),
        style::SetAttribute(style::Attribute::Reset),
        terminal::Clear(terminal::ClearType::UntilNewLine)
    )?;
    out.flush()
}

/// Show `text` in the pager until the reader quits. `relayout`, when given, lays the text out
/// again for a new width; without it a resize only cuts lines to the screen.
pub fn page(text: &str, relayout: Option<&dyn Fn(usize) -> String>) -> io::Result<Shown> {
    page_at(text, relayout, None)
}

/// [`page`], opened at the first line holding `query` (highlighted; `n` goes on to the next).
/// Always pages, even a short text: the home screen opens lessons this way and comes back
/// when the reader presses `q`.
pub fn page_at(
    text: &str,
    relayout: Option<&dyn Fn(usize) -> String>,
    query: Option<&str>,
) -> io::Result<Shown> {
    let (w, h) = terminal::size().unwrap_or((0, 0));
    if w < 10 || h < 3 {
        // No usable screen size: print instead of paging.
        let mut out = io::stdout().lock();
        out.write_all(text.as_bytes()).and_then(|_| out.flush())?;
        return Ok(Shown {
            interrupted: false,
            text: text.to_string(),
        });
    }
    let mut pager = Pager::new(text, w, h);
    if let Some(q) = query {
        pager.find(q);
    }
    let mut laid_out = (text.to_string(), pager.width());
    let _guard = Raw::enter(true)?;
    let mut out = io::BufWriter::new(io::stdout());
    draw(&mut out, &pager)?;
    loop {
        let key = read_key()?;
        let action = pager.handle(key);
        if let (Key::Resize(..), Some(relayout)) = (key, relayout) {
            if pager.width() != laid_out.1 {
                let text = relayout(pager.width());
                pager.reflow(&text);
                laid_out = (text, pager.width());
            }
        }
        match action {
            Action::Quit | Action::Interrupt => {
                return Ok(Shown {
                    interrupted: action == Action::Interrupt,
                    text: laid_out.0,
                })
            }
            Action::Redraw => draw(&mut out, &pager)?,
            Action::Nothing => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            p.status().starts_with("lines 1-10 of 100 (10%)"),
            "{}",
            p.status()
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
        assert_eq!(p.status(), "/가상환경");
        p.handle(Key::Enter);
        assert_eq!(p.top(), 39);
        assert!(p.visible_lines()[0].contains("\x1b[7m가상환경\x1b[0m"));
        p.handle(Key::Char('n'));
        assert_eq!(p.top(), 69);
        p.handle(Key::Char('n'));
        assert_eq!(p.top(), 39, "wraps around");
        assert!(p.status().contains("wrapped"));
        p.handle(Key::Char('N'));
        assert_eq!(p.top(), 69);
        p.handle(Key::Char('/'));
        p.handle(Key::Char('z'));
        p.handle(Key::Enter);
        assert_eq!(p.top(), 69);
        assert!(p.status().contains("not found: z"));
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
            let status = p.status();
            assert!(
                crate::render::text::width(&status) <= w as usize,
                "{w}: {status}"
            );
            assert!(
                status.contains("-10"),
                "{w}: the position is kept: {status}"
            );
        }
        p.handle(Key::Resize(140, 11));
        assert!(p.status().contains("n/N next/prev"), "{}", p.status());
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
}
