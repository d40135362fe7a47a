//! The built-in pager: scroll by line and page, search, quit; lay the text out again when the
//! window is resized.
//!
//! Key handling is a pure state machine ([`Pager::handle`], [`Pager::reflow`]) so it is tested
//! without a terminal; [`page`] only reads keys, draws [`Pager::visible_lines`] and the status
//! rows ([`Pager::status_rows`]; `?` shows every key, `pager/help.rs`). Ctrl-C ends the pager as an interrupt (the caller exits with 130), `q` as a quit.
//! The state machine is `pager/state.rs`, line cutting and match marking `pager/line.rs`; this
//! file is the thin terminal driver.
//! Keys and raw mode are shared with the option selector (`terminal::keys`): one guard undoes
//! raw mode and the alternate screen on every way out, errors, panics and signals included.

use std::io::{self, Write};

use crossterm::{cursor, queue, style, terminal};

pub use crate::terminal::keys::Key;
use crate::terminal::keys::{read_key, Raw};

mod help;
mod host;
mod line;
mod state;

pub use host::{Host, HostKey};
pub use line::{truncate, typed_tail};
pub use state::{Action, Pager};

/// How a [`page`] ended.
pub struct Shown {
    /// Ended by Ctrl-C.
    pub interrupted: bool,
    /// The text as last laid out (for the width the window has now).
    pub text: String,
}

fn draw(out: &mut impl Write, pager: &Pager) -> io::Result<()> {
    queue!(out, cursor::MoveTo(0, 0))?;
    let lines = pager.visible_lines();
    let status = pager.status_rows();
    // A note takes the last text rows until the next key; the status line is the last row.
    let text_rows = (pager.rows() + 1).saturating_sub(status.len());
    for row in 0..text_rows {
        queue!(out, cursor::MoveTo(0, row as u16))?;
        if let Some(l) = lines.get(row) {
            out.write_all(l.as_bytes())?;
        } else {
            out.write_all(b"~")?;
        }
        queue!(out, terminal::Clear(terminal::ClearType::UntilNewLine))?;
    }
    for (i, row) in status.iter().enumerate() {
        queue!(
            out,
            cursor::MoveTo(0, (text_rows + i) as u16),
            style::SetAttribute(style::Attribute::Reverse),
            style::Print(row),
            style::SetAttribute(style::Attribute::Reset),
            terminal::Clear(terminal::ClearType::UntilNewLine)
        )?;
    }
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
    let mut pager = Pager::new(text, w, h).speaking(crate::exit::run_lang());
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
            // No host here: its keys never come back.
            Action::Nothing | Action::Host(_) => {}
        }
    }
}

#[cfg(test)]
mod tests;
