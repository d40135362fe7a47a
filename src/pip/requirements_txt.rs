//! A `requirements.txt` read as pip 26 reads it (`req/req_file.py`), line by line, with a
//! verdict per line that agrees with pip's: a line is an error exactly when `pip install -r`
//! would refuse it. Modelled on uv's `uv-requirements-txt`: a pure parser with typed errors
//! and no I/O (a local path is reported as a path; `-r` files are not followed; `${VAR}` is
//! left as written, as pip leaves a variable that is not set).
//!
//! The steps are pip's: Python's `splitlines` (also `\r`, `\x0b`, `\x0c`, `\x1c..\x1e`,
//! U+0085, U+2028, U+2029); a line ending in `\` joins the next (not a comment line), and the
//! joined line keeps the number of its first physical line; a comment starts at the start of
//! a line or after white space (`pkg#x` is not a comment); the rest splits at the first
//! space-separated token starting with `-` into the requirement and its options, read with
//! `shlex` and `optparse` rules. Time is linear in the input.

use super::link::{parse_editable, parse_line_requirement, Parsed, ReqError};
pub use super::options::file_option;
use super::options::{parse_options, shlex_split};
use super::pep508::is_py_space;

/// One logical line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// 1-based number of the first physical line.
    pub number: u32,
    /// The content without its comment, trimmed.
    pub content: String,
    /// The comment as written, from its `#` (trailing white space removed).
    pub comment: Option<String>,
    pub entry: Entry,
}

/// What a logical line holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// Nothing but white space or a comment.
    Blank,
    /// A requirement; `text` is what pip parses (`-e`'s value for an editable). `ignored`
    /// holds the options on its line, as written, that pip reads but does not apply to it:
    /// all but `--hash` and `--config-settings` (`-C` only, for an editable), so that
    /// `torch==2.5.1+cpu -f https://...` looks for the `+cpu` build without the `-f`.
    Requirement {
        text: String,
        editable: bool,
        parsed: Parsed,
        ignored: Vec<String>,
    },
    /// Options only (`--index-url ...`, `-r other.txt`), by their long names.
    Options(Vec<&'static str>),
    /// A line pip refuses.
    Invalid(LineError),
}

/// Why pip refuses a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineError {
    Requirement(ReqError),
    Option(OptionError),
}

/// Why pip's option parser refuses a line (each with `optparse`'s or pip's message).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OptionError {
    /// `---`, `-x`, `--no-such-option`, or an abbreviation of several (`--p`).
    Unknown(String),
    /// `--index-url` with nothing after it; `--pre=x` (a value where none is taken).
    Value(String),
    /// A value pip's callback refuses: `--hash=md5:...`, `-C novalue`, `--use-feature nope`.
    BadValue(String),
    /// Quoting `shlex` cannot split (`-e 'unclosed`).
    Quoting(String),
}

impl OptionError {
    pub fn message(&self) -> &str {
        match self {
            OptionError::Unknown(m)
            | OptionError::Value(m)
            | OptionError::BadValue(m)
            | OptionError::Quoting(m) => m,
        }
    }
}

/// Python's `str.splitlines()`, with 1-based numbers.
fn physical_lines(text: &str) -> Vec<(u32, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end_of_line = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if end_of_line {
            out.push((out.len() as u32 + 1, &text[start..i]));
            let mut next = i + c.len_utf8();
            if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                chars.next();
                next += 1;
            }
            start = next;
        }
    }
    if start < text.len() {
        out.push((out.len() as u32 + 1, &text[start..]));
    }
    out
}

/// Where pip's `(^|\s+)#.*$` first matches: (start of the white space before `#`, the `#`).
fn comment_start(line: &str) -> Option<(usize, usize)> {
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        if c == '#' && prev.is_none_or(is_py_space) {
            let ws = line[..i].trim_end_matches(is_py_space).len();
            return Some((ws, i));
        }
        prev = Some(c);
    }
    None
}

/// Does the line start (after white space) with a comment? pip's `COMMENT_RE.match`.
fn is_comment_line(line: &str) -> bool {
    line.trim_start_matches(is_py_space).starts_with('#')
}

/// Logical lines: `\`-joined, numbered by their first physical line.
fn logical_lines(text: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    let mut joined: Option<(u32, String)> = None;
    for (number, raw) in physical_lines(text) {
        if !raw.ends_with('\\') || is_comment_line(raw) {
            match joined.take() {
                Some((first, mut acc)) => {
                    if is_comment_line(raw) {
                        acc.push(' ');
                    }
                    acc.push_str(raw);
                    out.push((first, acc));
                }
                None => out.push((number, raw.to_string())),
            }
        } else {
            let piece = raw.trim_matches('\\');
            match &mut joined {
                Some((_, acc)) => acc.push_str(piece),
                None => joined = Some((number, piece.to_string())),
            }
        }
    }
    out.extend(joined);
    out
}

/// pip's `break_args_options`: split on single spaces; the options start at the first token
/// that starts with `-`. (The requirement, the options.)
fn args_and_options(content: &str) -> (&str, &str) {
    let mut args_end = content.len();
    let mut at = 0;
    for token in content.split(' ') {
        if token.starts_with('-') {
            args_end = at;
            break;
        }
        at += token.len() + 1;
    }
    let args = content[..args_end]
        .strip_suffix(' ')
        .unwrap_or(&content[..args_end]);
    (args, &content[args_end.min(content.len())..])
}

/// The files a line's `-r`/`--requirement` and `-c`/`--constraint` options name, as written
/// (pip reads them relative to the file that names them, or as URLs): (`requirement` or
/// `constraint`, the file). Nothing for a line pip refuses.
pub fn included_files(content: &str) -> Vec<(&'static str, String)> {
    let (_, options) = args_and_options(content);
    shlex_split(options)
        .ok()
        .and_then(|words| parse_options(words).ok())
        .map(|(seen, _)| {
            seen.into_iter()
                .filter(|s| matches!(s.long, "requirement" | "constraint"))
                .map(|s| (s.long, s.value))
                .collect()
        })
        .unwrap_or_default()
}

/// The verdict on one logical line's content (comment removed, trimmed, not empty).
fn entry(content: &str) -> Entry {
    let (args, options) = args_and_options(content);
    let parsed = shlex_split(options)
        .map_err(|e| OptionError::Quoting(format!("Could not split options: {options} ({e})")))
        .and_then(parse_options);
    let (seen, editables) = match parsed {
        Ok(o) => o,
        Err(message) => return Entry::Invalid(LineError::Option(message)),
    };
    let editable = !editables.is_empty();
    let text = if !args.is_empty() {
        args.to_string()
    } else if let Some(first) = editables.into_iter().next() {
        first
    } else {
        return Entry::Options(seen.iter().map(|s| s.long).collect());
    };
    // pip's `handle_requirement_line` keeps only these; the `-e` that gave the requirement
    // is the requirement itself. (Several short options in one word are one entry.)
    let applies: &[&str] = if editable {
        &["config-settings", "editable"]
    } else {
        &["hash", "config-settings"]
    };
    let mut ignored: Vec<String> = Vec::new();
    for s in seen.iter().filter(|s| !applies.contains(&s.long)) {
        if ignored.last() != Some(&s.written) {
            ignored.push(s.written.clone());
        }
    }
    let parsed = if editable {
        parse_editable(&text)
    } else {
        parse_line_requirement(&text)
    };
    match parsed {
        Ok(parsed) => Entry::Requirement {
            text,
            editable,
            parsed,
            ignored,
        },
        Err(e) => Entry::Invalid(LineError::Requirement(e)),
    }
}

/// Decode a file as pip does: a BOM says UTF-8, UTF-16 or UTF-32 (Windows PowerShell writes
/// UTF-16); without one, UTF-8. On failure, the 1-based line of the first bad byte. (pip
/// also honours a PEP 263 `# -*- coding: ... -*-` line and falls back to the locale's
/// encoding; a learner's file is asked to be UTF-8 instead.)
pub fn decode(bytes: &[u8]) -> Result<String, u32> {
    crate::fs::decode(bytes)
}

/// Read a requirements file's text: one [`Line`] per logical line, blank ones included (so
/// that a comment "on the line above" can be found).
pub fn parse(text: &str) -> Vec<Line> {
    logical_lines(text)
        .into_iter()
        .map(|(number, line)| {
            let (content, comment) = match comment_start(&line) {
                Some((start, hash)) => (
                    &line[..start],
                    Some(line[hash..].trim_end_matches(is_py_space).to_string()),
                ),
                None => (line.as_str(), None),
            };
            let content = content.trim_matches(is_py_space).to_string();
            let entry = if content.is_empty() {
                Entry::Blank
            } else {
                entry(&content)
            };
            Line {
                number,
                content,
                comment,
                entry,
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "requirements_txt_tests.rs"]
mod tests;
