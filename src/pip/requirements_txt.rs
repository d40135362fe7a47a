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
    /// A requirement; `text` is what pip parses (`-e`'s value for an editable).
    Requirement {
        text: String,
        editable: bool,
        parsed: Parsed,
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

/// An option pip accepts in a requirements file: long names, short name, takes a value, and
/// how pip's callback checks the value.
struct Opt {
    long: &'static [&'static str],
    short: Option<char>,
    value: bool,
    check: Check,
}

#[derive(Clone, Copy)]
enum Check {
    None,
    /// `--hash=algo:digest` with a strong algorithm.
    Hash,
    /// `-C KEY=VAL`.
    KeyVal,
    /// `--no-binary`/`--only-binary`/`--all-releases`/`--only-final`: not `-...`.
    NotDash,
    /// `--use-feature`: one of pip's features.
    Feature,
}

const fn opt(long: &'static [&'static str], short: Option<char>, value: bool, check: Check) -> Opt {
    Opt {
        long,
        short,
        value,
        check,
    }
}

/// pip 26's `SUPPORTED_OPTIONS + SUPPORTED_OPTIONS_REQ`, in its order.
const OPTIONS: &[Opt] = &[
    opt(&["index-url", "pypi-url"], Some('i'), true, Check::None),
    opt(&["extra-index-url"], None, true, Check::None),
    opt(&["no-index"], None, false, Check::None),
    opt(&["constraint"], Some('c'), true, Check::None),
    opt(&["requirement"], Some('r'), true, Check::None),
    opt(&["editable"], Some('e'), true, Check::None),
    opt(&["find-links"], Some('f'), true, Check::None),
    opt(&["no-binary"], None, true, Check::NotDash),
    opt(&["only-binary"], None, true, Check::NotDash),
    opt(&["prefer-binary"], None, false, Check::None),
    opt(&["require-hashes"], None, false, Check::None),
    opt(&["no-require-hashes"], None, false, Check::None),
    opt(&["pre"], None, false, Check::None),
    opt(&["all-releases"], None, true, Check::NotDash),
    opt(&["only-final"], None, true, Check::NotDash),
    opt(&["trusted-host"], None, true, Check::None),
    opt(&["use-feature"], None, true, Check::Feature),
    opt(&["hash"], None, true, Check::Hash),
    opt(&["config-settings"], Some('C'), true, Check::KeyVal),
];

const FEATURES: &[&str] = &[
    "fast-deps",
    "inprocess-build-deps",
    "venv-isolation",
    "truststore",
    "no-binary-enable-wheel-cache",
    "build-constraint",
];

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

/// `shlex.split` (POSIX mode, no comments): quotes, backslash escapes.
fn shlex_split(text: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\r' | '\n' => words.extend(word.take()),
            '\\' => match chars.next() {
                Some(e) => word.get_or_insert_with(String::new).push(e),
                None => return Err("No escaped character".into()),
            },
            '\'' | '"' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        None => return Err("No closing quotation".into()),
                        Some(q) if q == c => break,
                        Some('\\') if c == '"' => match chars.next() {
                            Some(e @ ('"' | '\\')) => w.push(e),
                            Some(e) => {
                                w.push('\\');
                                w.push(e);
                            }
                            None => return Err("No closing quotation".into()),
                        },
                        Some(o) => w.push(o),
                    }
                }
            }
            _ => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    Ok(words)
}

fn check_value(opt: &Opt, shown: &str, value: &str) -> Result<(), OptionError> {
    match opt.check {
        Check::None => Ok(()),
        Check::Hash => match value.split_once(':') {
            None => Err(OptionError::BadValue(format!(
                "Arguments to {shown} must be a hash name followed by a value, like --hash=sha256:abcde..."
            ))),
            Some((algo, _)) if !["sha256", "sha384", "sha512"].contains(&algo) => Err(OptionError::BadValue(format!(
                "Allowed hash algorithms for {shown} are sha256, sha384, sha512."
            ))),
            Some(_) => Ok(()),
        },
        Check::KeyVal if !value.contains('=') => {
            Err(OptionError::BadValue(format!("Arguments to {shown} must be of the form KEY=VAL")))
        }
        Check::NotDash if value.starts_with('-') => {
            Err(OptionError::Value(format!("{shown} option requires 1 argument.")))
        }
        Check::Feature if !FEATURES.contains(&value) => Err(OptionError::BadValue(format!(
            "option {shown}: invalid choice: '{value}' (choose from {})",
            FEATURES.join(", ")
        ))),
        _ => Ok(()),
    }
}

/// What `optparse` makes of the option words: the options seen (long names) and the `-e`
/// values, or its error.
fn parse_options(words: Vec<String>) -> Result<(Vec<&'static str>, Vec<String>), OptionError> {
    let mut seen = Vec::new();
    let mut editables = Vec::new();
    let mut rest = std::collections::VecDeque::from(words);
    while let Some(arg) = rest.pop_front() {
        if arg == "--" {
            break;
        }
        let mut found: Vec<(&Opt, String)> = Vec::new();
        if let Some(long) = arg.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            let exact = OPTIONS.iter().find(|o| o.long.contains(&name));
            let matches: Vec<(&Opt, &str)> = OPTIONS
                .iter()
                .flat_map(|o| o.long.iter().map(move |l| (o, *l)))
                .filter(|(_, l)| l.starts_with(name))
                .collect();
            let opt = match (exact, matches.len()) {
                (Some(o), _) => o,
                (None, 1) => matches[0].0,
                (None, 0) => return Err(OptionError::Unknown(format!("no such option: --{name}"))),
                (None, _) => {
                    let all: Vec<String> = matches.iter().map(|(_, l)| format!("--{l}")).collect();
                    return Err(OptionError::Unknown(format!(
                        "ambiguous option: --{name} ({}?)",
                        all.join(", ")
                    )));
                }
            };
            let shown = format!("--{}", opt.long[0]);
            let value = match (opt.value, inline) {
                (true, Some(v)) => v,
                (true, None) => rest.pop_front().ok_or_else(|| {
                    OptionError::Value(format!("{shown} option requires 1 argument"))
                })?,
                (false, Some(_)) => {
                    return Err(OptionError::Value(format!(
                        "{shown} option does not take a value"
                    )))
                }
                (false, None) => String::new(),
            };
            found.push((opt, value));
        } else if arg.len() > 1 && arg.starts_with('-') {
            for (i, ch) in arg.char_indices().skip(1) {
                let Some(opt) = OPTIONS.iter().find(|o| o.short == Some(ch)) else {
                    return Err(OptionError::Unknown(format!("no such option: -{ch}")));
                };
                let tail = &arg[i + ch.len_utf8()..];
                if !opt.value {
                    found.push((opt, String::new()));
                    continue;
                }
                let value = if tail.is_empty() {
                    rest.pop_front().ok_or_else(|| {
                        OptionError::Value(format!("-{ch} option requires 1 argument"))
                    })?
                } else {
                    tail.to_string()
                };
                found.push((opt, value));
                break;
            }
        } else {
            continue; // a positional word: optparse collects it, pip ignores it
        }
        for (opt, value) in found {
            let shown = match opt.short {
                Some(s) if !arg.starts_with("--") => format!("-{s}"),
                _ => format!("--{}", opt.long[0]),
            };
            check_value(opt, &shown, &value)?;
            if opt.long[0] == "editable" {
                editables.push(value);
            }
            seen.push(opt.long[0]);
        }
    }
    Ok((seen, editables))
}

/// The verdict on one logical line's content (comment removed, trimmed, not empty).
fn entry(content: &str) -> Entry {
    // pip's `break_args_options`: split on single spaces; the options start at the first
    // token that starts with `-`.
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
    let options = &content[args_end.min(content.len())..];
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
        return Entry::Options(seen);
    };
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
