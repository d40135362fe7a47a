//! What the output can do: colour, width, hyperlinks, paging; and a few styles for UI text.
//!
//! Colour rules (in this order): `--color always|never`; `NO_COLOR` set and non-empty means
//! none; `CLICOLOR_FORCE` set and not `0` forces it; `CLICOLOR=0` turns it off; otherwise
//! colour only when stdout is a terminal. Styles use the terminal's own palette (bold, the
//! eight basic colours, dim), never a fixed foreground or background, so light and dark
//! themes both stay readable.

mod accessible;
mod code;
mod color;
pub mod editor;
mod fit;
pub mod home;
pub mod keys;
pub mod line_input;
mod progress;
pub mod selector;
mod width;

pub use accessible::Accessible;
pub use code::code_spans;
pub use color::ColorWhy;
pub use fit::{fit, fit_keys, hanging, visible_width};
pub use progress::{Counter, Spinner};
pub use width::WidthFrom;

use std::io::{IsTerminal, Write};

use crate::render::RenderOptions;

/// Output settings for one run.
#[derive(Clone, Debug)]
pub struct Term {
    pub color: bool,
    /// Why colour is on or off (see [`ColorWhy`]).
    pub color_why: ColorWhy,
    /// Columns every line of output fits in: `--width`, else the terminal's, else `COLUMNS`,
    /// else 80.
    pub width: usize,
    /// Where the width came from (for `course doctor`).
    pub width_from: WidthFrom,
    /// `--width` was given: the pager keeps it when the terminal is resized.
    pub fixed_width: bool,
    /// stdout is a terminal.
    pub is_tty: bool,
    pub hyperlinks: bool,
    pub pager: bool,
    pub ascii: bool,
    /// Accessible mode and why (see [`Accessible`]): decided once here, read from this field.
    pub accessible: Accessible,
}

/// `--color`.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// What the command line asked of the terminal (`--color`, `--width`, `--no-pager`,
/// `--ascii`, `--plain`).
#[derive(Copy, Clone, Debug, Default)]
pub struct Asked {
    pub color: ColorChoice,
    pub width: Option<usize>,
    pub no_pager: bool,
    pub ascii: bool,
    pub plain: bool,
}

impl Term {
    /// The settings for stdout, from what the command line asked for and what the
    /// environment and the terminal say.
    pub fn detect(asked: Asked) -> Term {
        let is_tty = std::io::stdout().is_terminal();
        let accessible = Accessible::from_env(asked.plain);
        // Accessible mode drops colour unless it was asked for by name (`--color always`).
        let (color, color_why) = match color::decide(asked.color, is_tty) {
            (true, _) if accessible.is_on() && asked.color != ColorChoice::Always => {
                (false, ColorWhy::Accessible)
            }
            decided => decided,
        };
        let (width, width_from) = width::decide(asked.width, is_tty);
        Term {
            color,
            color_why,
            width,
            width_from,
            fixed_width: asked.width.is_some(),
            is_tty,
            hyperlinks: color && is_tty && !accessible.is_on() && hyperlinks_supported(),
            pager: is_tty && !asked.no_pager && !accessible.is_on(),
            ascii: asked.ascii || accessible.is_on(),
            accessible,
        }
    }

    /// Plain settings for tests and benchmarks.
    pub fn plain(width: usize) -> Term {
        Term {
            color: false,
            color_why: ColorWhy::FlagNever,
            width,
            width_from: WidthFrom::Flag,
            fixed_width: true,
            is_tty: false,
            hyperlinks: false,
            pager: false,
            ascii: false,
            accessible: Accessible::Off,
        }
    }

    /// Interactive screens (the home screen, arrow-key menus) may be used: stdout is a
    /// terminal and accessible mode is off.
    pub fn interactive(&self) -> bool {
        self.is_tty && !self.accessible.is_on()
    }

    pub fn render_options(&self) -> RenderOptions {
        RenderOptions {
            width: self.width,
            color: self.color,
            hyperlinks: self.hyperlinks,
            ascii: self.ascii,
            records: self.accessible.is_on(),
        }
    }

    /// Wrap `text` in a style when colour is on, each line on its own (a footer of several
    /// lines): the pager draws any line alone, so a style must not run across a line end.
    pub fn paint(&self, style: Style, text: &str) -> String {
        if !self.color || text.is_empty() {
            return text.to_string();
        }
        let sgr = style.sgr();
        text.split('\n')
            .map(|line| match line {
                "" => String::new(),
                line => format!("\x1b[{sgr}m{line}\x1b[0m"),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The same settings at another width (the pager re-lays its text out on a resize).
    pub fn at_width(&self, width: usize) -> Term {
        Term {
            width,
            ..self.clone()
        }
    }

    /// Print a message for people to stdout, every line wrapped to the width. Machine output
    /// (JSON, CSV) goes through [`print()`] instead, unchanged.
    pub fn say(&self, text: &str) -> std::io::Result<()> {
        print(&fit(&self.code(text), self.width))
    }

    /// Code spans in a message (`` `numpy` ``) shown as code when colour is on ([`code_spans`]);
    /// said by `say` and `note`, so every message and notice shows code the same way. Their
    /// text is not wrapped yet, so a span never crosses a line end here: pairing backticks line
    /// by line keeps two lone ones (PowerShell's line continuation on two lines of a command)
    /// from being read as one span and dropped.
    pub fn code(&self, text: &str) -> String {
        if !self.color || !text.contains('`') {
            return text.to_string();
        }
        text.split_inclusive('\n')
            .map(|line| code_spans(line, true, None))
            .collect()
    }

    /// A note, a warning or an error for people on stderr, wrapped to the width, with a line
    /// end added. A closed stderr is no reason to stop.
    pub fn note(&self, text: &str) {
        let mut text = fit(&self.code(text), self.note_width());
        text.push('\n');
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }

    /// The width for stderr: stdout's, except when only stderr is on the terminal
    /// (`course grade --batch > grades.csv`), where the terminal's own width applies.
    pub(crate) fn note_width(&self) -> usize {
        if self.fixed_width || self.is_tty || !std::io::stderr().is_terminal() {
            return self.width;
        }
        crossterm::terminal::size()
            .ok()
            .map(|(w, _)| usize::from(w))
            .filter(|w| *w >= 20)
            .unwrap_or(self.width)
    }

    /// Print text for reading, laid out by `page` for a width: through the pager when it is
    /// longer than the screen on a terminal (which lays it out again when the window is
    /// resized), straight to stdout otherwise. Ctrl-C in the pager ends `course` with 130.
    pub fn show(&self, page: impl Fn(&Term) -> String) -> std::io::Result<()> {
        let text = fit(&page(self), self.width);
        if self.pager {
            let rows = crossterm::terminal::size()
                .map(|(_, h)| h as usize)
                .unwrap_or(24);
            if text.lines().count() >= rows {
                let relayout = |width: usize| fit(&page(&self.at_width(width)), width);
                let again: Option<&dyn Fn(usize) -> String> =
                    (!self.fixed_width).then_some(&relayout);
                let shown = crate::pager::page(&text, again)?;
                if shown.interrupted {
                    crate::process::interrupted();
                }
                // The pager clears its screen on exit; keep the last lines (the next command
                // to type, whole even when it was wrapped) in view.
                return print(&last_block(&shown.text));
            }
        }
        print(&text)
    }
}

/// The last run of non-blank lines of `text`, each with its line end.
fn last_block(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let end = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(0, |i| i + 1);
    let start = lines[..end]
        .iter()
        .rposition(|l| l.trim().is_empty())
        .map_or(0, |i| i + 1);
    lines[start..end].iter().map(|l| format!("{l}\n")).collect()
}

impl Term {
    /// Page the text `page` lays out, whatever its length, opened at the first line holding
    /// `query` (the home screen's Enter: the reader comes back with `q`). The width is the
    /// window's now (it may have changed since `course` started) unless `--width` fixed it.
    /// Returns whether the reader pressed Ctrl-C.
    pub fn page(
        &self,
        page: impl Fn(&Term) -> String,
        query: Option<&str>,
    ) -> std::io::Result<bool> {
        let width = match crossterm::terminal::size() {
            Ok((w, _)) if !self.fixed_width => w as usize,
            _ => self.width,
        };
        let term = self.at_width(width);
        let text = fit(&page(&term), width);
        let relayout = |width: usize| fit(&page(&self.at_width(width)), width);
        let again: Option<&dyn Fn(usize) -> String> = (!self.fixed_width).then_some(&relayout);
        Ok(crate::pager::page_at(&text, again, query)?.interrupted)
    }
}

/// Write `text` to stdout. A closed pipe (`course list | head -1`) is not an error worth
/// reporting, and never a panic as `println!` would make it; other errors (a full disk) are.
pub fn print(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    // Asked under the lock: the handler marks the end before it takes the lock for its
    // last line, so a line printed here either comes before that line or not at all.
    if crate::process::ending_elsewhere() {
        return Ok(());
    }
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// [`print()`] for a command's result (a report, a script): an error that names stdout.
pub fn print_out(text: &str) -> anyhow::Result<()> {
    use anyhow::Context;
    print(text).with_context(stdout_failed)
}

/// The context of a failed write to stdout.
pub fn stdout_failed() -> crate::exit::Said {
    crate::exit::said(crate::tr!(
        "cannot write to stdout",
        "표준 출력에 쓸 수 없습니다"
    ))
}

/// A typed answer to a yes/no question: empty (Enter) is `default`; `y`/`yes`/`예`/`네` yes;
/// `n`/`no`/`아니오`/`아니요` no; anything else `None` (ask again).
pub fn parse_yes_no(text: &str, default: bool) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "" => Some(default),
        "y" | "yes" | "예" | "네" | "응" | "ㅇ" => Some(true),
        "n" | "no" | "아니오" | "아니요" | "아니" | "ㄴ" => Some(false),
        _ => None,
    }
}

/// `text` wrapped to `width` columns (breaking only at spaces, so Korean words stay whole),
/// the first line after `first`, the others after `rest`.
pub fn indented(text: &str, first: &str, rest: &str, width: usize) -> Vec<String> {
    let w = crate::render::text::width;
    let room = width.saturating_sub(w(rest).max(w(first))).max(20);
    crate::render::wrap_plain(text, room)
        .into_iter()
        .enumerate()
        .map(|(i, line)| format!("{}{line}", if i == 0 { first } else { rest }))
        .collect()
}

/// A hint or fix: each line of `text`, the first after `first` and the others after `rest`.
/// A line with its own indentation is code, shown as written (a command, lines of an example
/// file), after that indentation: a command that is too wide breaks the way its shell
/// continues a line (` \`, [`crate::render::shell`]), so a learner who copies it copies the
/// whole command; another line of code is never wrapped as prose ([`code_lines`]). Other
/// lines wrap as prose ([`indented`]).
pub fn hint_lines(text: &str, first: &str, rest: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for (i, para) in text.lines().enumerate() {
        let line = para.trim_start();
        let own = " ".repeat(para.len() - line.len());
        let lead = format!("{}{own}", if i == 0 { first } else { rest });
        if own.is_empty() {
            out.extend(indented(line, &lead, &format!("{rest}{own}"), width));
        } else if let Some(lines) = command_lines(line, &lead, width) {
            out.extend(lines);
        } else {
            out.extend(code_lines(line, &lead, width));
        }
    }
    out
}

/// A line of code that is not a command (a line of `requirements.txt` or `.gitignore`, a
/// comment such as `# pip install ...`) after `lead`: whole when it fits; else its `#`
/// comment goes on as comment lines (`# ...`, a comment in every file a hint shows), and
/// code that does not fit moves whole. Wrapped as prose, a pasted comment's second half
/// became a line of its own that the shell runs or pip reads (issue 9).
pub fn code_lines(line: &str, lead: &str, width: usize) -> Vec<String> {
    let w = crate::render::text::width;
    let room = width.saturating_sub(w(lead)).max(20);
    // A comment starts at a `#` at the start of the line or after a space (pip's and the
    // shell's rule; `.gitignore` knows only the first).
    let at = line
        .char_indices()
        .find(|&(i, c)| c == '#' && (i == 0 || line[..i].ends_with([' ', '\t'])))
        .map_or(line.len(), |(i, _)| i);
    let code = line[..at].trim_end();
    if w(line) <= room || at == line.len() || w(code) > room {
        return vec![format!("{lead}{line}")];
    }
    let gap = &line[code.len()..at];
    crate::render::shell::with_comment(code, gap, &line[at..], room, 0)
        .into_iter()
        .map(|p| format!("{lead}{}{}{}", " ".repeat(p.indent), p.code, p.comment))
        .map(|l| l.trim_end().to_string())
        .collect()
}

/// A shell command shown on a line of its own after `lead`: whole when it fits, else broken
/// at its spaces the way its shell continues a line (` \\`; [`crate::render::shell`]). `None`
/// when `line` is not a command (an example file's line, a YAML key).
pub fn command_lines(line: &str, lead: &str, width: usize) -> Option<Vec<String>> {
    let dialect = crate::render::shell::command_dialect(line)?;
    let w = crate::render::text::width;
    if w(lead) + w(line) <= width {
        return Some(vec![format!("{lead}{line}")]);
    }
    let room = width.saturating_sub(w(lead)).max(20);
    let pieces = crate::render::shell::wrap(line, room, 2, dialect, &mut None);
    Some(
        pieces
            .into_iter()
            .map(|p| format!("{lead}{}{}{}", " ".repeat(p.indent), p.code, p.comment))
            .collect(),
    )
}

/// `text` followed by spaces up to `width` display columns (Hangul counts two).
pub fn pad(text: &str, width: usize) -> String {
    let w = crate::render::text::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// Terminals known to understand OSC 8 hyperlinks; others would show the escape as junk.
fn hyperlinks_supported() -> bool {
    if std::env::var_os("COURSE_HYPERLINKS").is_some() {
        return std::env::var("COURSE_HYPERLINKS").as_deref() != Ok("0");
    }
    let program = std::env::var("TERM_PROGRAM").unwrap_or_default();
    let term = std::env::var("TERM").unwrap_or_default();
    matches!(
        program.as_str(),
        "iTerm.app" | "WezTerm" | "vscode" | "ghostty" | "Hyper" | "tabby" | "rio"
    ) || std::env::var_os("VTE_VERSION").is_some()
        || std::env::var_os("WT_SESSION").is_some()
        || std::env::var_os("KONSOLE_VERSION").is_some()
        || term.contains("kitty")
        || term.contains("foot")
        || term.contains("alacritty")
}

/// Styles for UI text (lesson rendering has its own richer set in `render`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Heading,
    Pass,
    Fail,
    Skip,
    Dim,
    Code,
    Bold,
}

impl Style {
    pub fn sgr(self) -> &'static str {
        match self {
            Style::Heading => "1;36",
            Style::Pass => "32",
            Style::Fail => "31",
            Style::Skip => "33",
            Style::Dim => "2",
            Style::Code => crate::render::text::CODE_SGR,
            Style::Bold => "1",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_block_is_the_whole_wrapped_footer() {
        let text = "body\n\n다음: `requirements`를 고친 뒤\n  `course check requirements`\n\n";
        assert_eq!(
            last_block(text),
            "다음: `requirements`를 고친 뒤\n  `course check requirements`\n"
        );
        assert_eq!(last_block("one line"), "one line\n");
        assert_eq!(last_block("\n\n"), "");
    }

    #[test]
    fn message_code_pairs_backticks_within_a_line_only() {
        let term = Term {
            color: true,
            ..Term::plain(80)
        };
        let continued = "  Set-ExecutionPolicy `\n    -Scope CurrentUser `\n    RemoteSigned\n";
        assert_eq!(term.code(continued), continued);
        assert!(term.code("run `pip list`\n").contains("\x1b["));
        assert!(!term.code("run `pip list`\n").contains('`'));
        assert_eq!(Term::plain(80).code("run `pip list`"), "run `pip list`");
    }

    /// Issue 9: a footer of two lines is bold on each line, as the pager draws them.
    #[test]
    fn issue9_a_style_never_runs_across_a_line_end() {
        let term = Term {
            color: true,
            ..Term::plain(80)
        };
        assert_eq!(
            term.paint(Style::Bold, "마지막 레슨이었습니다.\n\n다음: course next"),
            "\x1b[1m마지막 레슨이었습니다.\x1b[0m\n\n\x1b[1m다음: course next\x1b[0m"
        );
        assert_eq!(Term::plain(80).paint(Style::Bold, "a\nb"), "a\nb");
    }
}
